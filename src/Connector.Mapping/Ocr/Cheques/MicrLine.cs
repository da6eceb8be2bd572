using System.Text.RegularExpressions;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// The MICR line at the foot of a cheque, as a hint only: the stock OCR models read the E-13B symbols as digits or
/// junk. The routing number is the 9-digit run (its 3-7-1 check digit verified), the run before it the cheque number
/// (Canadian/auxiliary on-us position) and the run after it the account.
/// </summary>
internal sealed partial record MicrLine(string Raw, OcrBox Region, double Confidence, string? ChequeNumber, string? Routing, string? Account, bool? RoutingCheckDigitValid)
{
    /// <summary>The MICR line of a page: its last line with two or more runs of five digits or more; null when there is none.</summary>
    public static MicrLine? Find(OcrPage page)
    {
        foreach (var line in page.Lines.Reverse())
        {
            var raw = OcrText.Join(line);
            // The on-us symbol after a group reads as "!" (or a quote): it is no digit 1.
            var repaired = string.Join(' ', line.Select(w => OcrText.RepairDigits(w.Text.TrimEnd('!', '"', '\'', '“', '”'))));
            var matches = DigitRuns().Matches(repaired);
            if (matches.Count >= 2)
            {
                var runs = matches.Select(m => m.Value).ToList();
                var transit = matches.Where(m => TransitAfter().IsMatch(repaired[(m.Index + m.Length)..])).Select(m => m.Value).ToList();
                return Parse(raw, runs, transit, OcrText.Union(line), OcrText.MinConfidence(line));
            }
        }

        return null;
    }

    /// <summary>The ABA 3-7-1 check: 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) is a multiple of 10.</summary>
    public static bool RoutingChecks(string nineDigits)
    {
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
        return nineDigits.Select((c, i) => (c - '0') * weights[i]).Sum() % 10 == 0;
    }

    private static MicrLine Parse(string raw, List<string> runs, List<string> transit, OcrBox region, double confidence)
    {
        var index = runs.FindIndex(r => r.Length == 9 && RoutingChecks(r));
        string? routing = index >= 0 ? runs[index] : null;
        var marked = runs.FindIndex(r => r.Length >= 9 && transit.Contains(r));
        if (index < 0 && marked >= 0 && RoutingChecks(ZeroRepair(runs[marked][^9..])))
        {
            // The run the transit symbol closes ends with the routing number: its last nine digits, which check
            // (maybe after a dotted zero repaired), win over any other window that happens to check.
            (index, routing) = (marked, ZeroRepair(runs[marked][^9..]));
        }

        if (index < 0)
        {
            // A symbol read as digits glued to the routing number (the transit symbol comes out as "1" or "13" before
            // it): a 9-digit window that checks, tried from the end of the run.
            for (var i = 0; i < runs.Count && routing is null; i++)
            {
                for (var start = runs[i].Length - 9; start >= 0 && runs[i].Length > 9; start--)
                {
                    if (RoutingChecks(runs[i].Substring(start, 9)))
                    {
                        (index, routing) = (i, runs[i].Substring(start, 9));
                        break;
                    }
                }
            }
        }

        if (routing is null)
        {
            // No reading checks: the run the transit symbol closes (read as ":" after a bracket), its last nine digits
            // (the opening symbol reads as digits before them); else a run of nine digits.
            index = runs.FindIndex(r => r.Length >= 9 && transit.Contains(r));
            index = index >= 0 ? index : runs.FindIndex(r => r.Length == 9);
            routing = index >= 0 ? ZeroRepair(runs[index][^9..]) : null;
        }

        if (index < 0)
        {
            return new MicrLine(raw, region, confidence, runs[0], null, runs.Count > 1 ? runs[^1] : null, null);
        }

        return new MicrLine(raw, region, confidence, index > 0 ? runs[index - 1] : null, routing,
            index + 1 < runs.Count ? runs[index + 1] : null, RoutingChecks(routing!));
    }

    /// <summary>
    /// A routing number that fails its check digit, repaired when exactly one of its 6, 8 or 9 read as 0 makes it pass:
    /// printed zeros with a dot or slash inside are read as those by the stock model. Otherwise it is returned as read.
    /// </summary>
    internal static string ZeroRepair(string nineDigits)
    {
        if (RoutingChecks(nineDigits))
        {
            return nineDigits;
        }

        var passing = Enumerable.Range(0, nineDigits.Length)
            .Where(i => nineDigits[i] is '6' or '8' or '9')
            .Select(i => string.Concat(nineDigits.AsSpan(0, i), "0", nineDigits.AsSpan(i + 1)))
            .Where(RoutingChecks)
            .ToList();
        return passing.Count == 1 ? passing[0] : nineDigits;
    }

    [GeneratedRegex(@"\d{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRuns();

    /// <summary>The closing transit symbol as the stock model reads it: a colon, maybe after a bracket or bar ("):", "]:", "|:").</summary>
    [GeneratedRegex(@"^[)\]|!1]?:", RegexOptions.CultureInvariant)]
    private static partial Regex TransitAfter();
}
