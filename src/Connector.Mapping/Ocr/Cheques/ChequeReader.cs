using System.Text.RegularExpressions;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Reads a cheque from the words of its page: number, date, amount in figures and in words, payer, payee, memo and
/// the MICR line. Pure: the page is the only input. A field it cannot find is null (the trust check says so); it
/// never throws for what the page contains.
/// </summary>
internal static partial class ChequeReader
{
    public static ChequeReading Read(OcrPage page, string entityCode, string document, OcrReaderOptions? options = null)
    {
        options ??= OcrReaderOptions.Default;
        var lines = page.Lines;
        var micr = MicrLine.Find(page);
        var micrLine = micr is null ? null : lines.LastOrDefault(l => OcrText.Join(l) == micr.Raw);
        var body = lines.Where(l => !ReferenceEquals(l, micrLine)).ToList();
        var figures = ChequeAmounts.FindFigures(body, options);
        var hasEuro = body.Any(l => l.Any(w => w.Text.Contains('€', StringComparison.Ordinal)));
        var printed = FindNumber(body) ?? TopRightNumber(page, body);
        micr = SymbolsAroundNumber(micr, printed?.Value);
        return new ChequeReading
        {
            EntityCode = entityCode,
            Document = document,
            Number = printed ?? (micr?.ChequeNumber is { } n ? new OcrField<string>(n, micr.Raw, Math.Min(micr.Confidence, 50), micr.Region, []) : null),
            Date = FindDate(body, options),
            AmountInFigures = figures,
            AmountInWords = ChequeAmounts.FindWords(body),
            Payer = body.Select(l => OcrText.Cells(l)[0]).FirstOrDefault(c => c.Any(w => w.Text.Count(char.IsLetter) >= 3)) is { } payer ? Text(Leading(payer)) : null,
            Payee = ChequePayee.Find(body),
            Memo = FindMemo(body),
            Micr = micr,
            Currency = hasEuro ? "EUR" : options.Currency,
        };
    }

    /// <summary>
    /// The words of a cell up to where the print gets smaller for good: a payer's name in a large font runs into the
    /// bank's name in a smaller one when the gap between them is narrow ("PINE CREST DENTAL CLINIC First COASTAL BANK").
    /// Two or more smaller words (under 0.77 of the height before them) are cut off.
    /// </summary>
    internal static IReadOnlyList<OcrWord> Leading(IReadOnlyList<OcrWord> cell)
    {
        for (var k = 1; k <= cell.Count - 2; k++)
        {
            var before = cell.Take(k).Select(w => w.Box.Height).Order().ElementAt(k / 2);
            if (cell.Skip(k).All(w => w.Box.Height < before * 0.77))
            {
                return [.. cell.Take(k)];
            }
        }

        return cell;
    }

    /// <summary>
    /// The MICR cheque number when the on-us symbols around it were read as digits (⑈051827⑈ as 4051827, ⑈016604 as
    /// 1916604): the printed number, when the MICR run ends with it and has at most three digits more.
    /// </summary>
    internal static MicrLine? SymbolsAroundNumber(MicrLine? micr, string? printed)
    {
        var number = printed?.TrimStart('0');
        return micr?.ChequeNumber is { } read && number is { Length: >= 3 } && read != printed && read.EndsWith(number, StringComparison.Ordinal) && read.Length - number.Length <= 3
            ? micr with { ChequeNumber = printed }
            : micr;
    }

    internal static OcrField<string>? Text(IReadOnlyList<OcrWord> words)
        => words.Count == 0 ? null : OcrField<string>.From(OcrText.Join(words).Trim(), words);

    /// <summary>A number after a "No." / "N°" / "#" label (or glued to it) near the top of the page.</summary>
    internal static OcrField<string>? FindNumber(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Count; i++)
            {
                var folded = OcrText.Fold(line[i].Text);
                var glued = NumberLabel().Match(folded);
                if (glued.Success && glued.Groups[1].Value.Length == 0 && i + 1 < line.Count)
                {
                    var next = OcrText.RepairDigits(line[i + 1].Text).Trim('.', ':');
                    if (ChequeNumber().IsMatch(next))
                    {
                        return new OcrField<string>(next, OcrText.Join([line[i], line[i + 1]]), Math.Min(line[i].Confidence, line[i + 1].Confidence), OcrText.Union([line[i], line[i + 1]]), []);
                    }
                }
                else if (glued.Success && ChequeNumber().IsMatch(OcrText.RepairDigits(glued.Groups[1].Value)))
                {
                    return OcrField<string>.From(OcrText.RepairDigits(glued.Groups[1].Value), [line[i]]);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// No "No." label read: the number printed alone in the top right corner (upper quarter, right third), where
    /// cheques print it; the topmost when there are more.
    /// </summary>
    internal static OcrField<string>? TopRightNumber(OcrPage page, IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        var number = lines
            .SelectMany(l => OcrText.Cells(l))
            .Where(c => c.Count == 1 && c[0].Box.Top < page.Height / 4 && c[0].Box.Left > page.Width * 2 / 3)
            .Select(c => c[0])
            .Where(w => ChequeNumber().IsMatch(OcrText.RepairDigits(w.Text).Trim('.')))
            .OrderBy(w => w.Box.Top)
            .FirstOrDefault();
        return number is null ? null : OcrField<string>.From(OcrText.RepairDigits(number.Text).Trim('.'), [number]);
    }

    internal static OcrField<DateOnly>? FindDate(IReadOnlyList<IReadOnlyList<OcrWord>> lines, OcrReaderOptions options)
    {
        foreach (var line in lines)
        {
            var label = line.ToList().FindIndex(w => OcrText.Fold(w.Text).TrimEnd(':') is "date" or "le");
            if (label < 0)
            {
                continue;
            }

            var words = new List<OcrWord>();
            foreach (var word in line.Skip(label + 1).Where(w => w.Text != ":"))
            {
                words.Add(word);
                if (OcrDates.Find(OcrText.Join(words), options.DayFirst) is { } found)
                {
                    return OcrField<DateOnly>.From(found.Value, words, options.DateOrderKnown ? [] : found.Alternatives);
                }
            }
        }

        // The label misread ("pate:"): a word that is a whole numeric date (2026-06-02, 02/06/2026).
        foreach (var word in lines.SelectMany(l => l))
        {
            if (word.Text.Count(char.IsAsciiDigit) >= 6 && NumericDate().IsMatch(OcrText.RepairDigits(word.Text))
                && OcrDates.Find(word.Text, options.DayFirst) is { } found)
            {
                return OcrField<DateOnly>.From(found.Value, [word], found.Alternatives);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}[.,;:]?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    private static OcrField<string>? FindMemo(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        foreach (var line in lines)
        {
            var label = line.ToList().FindIndex(w => OcrText.Fold(w.Text).TrimEnd(':') is "memo" or "objet");
            if (label < 0 && line.Count > 0 && OcrText.Fold(line[0].Text).TrimEnd(':') is "for" or "re")
            {
                label = 0;
            }

            if (label >= 0 && label + 1 < line.Count)
            {
                var cell = OcrText.Cells([.. line.Skip(label + 1)], 3).FirstOrDefault(c => c.Any(w => w.Text != ":")) ?? [];
                return Text([.. cell.Where(w => w.Text != ":")]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:no|n°|nº|#)[.,:;]?\s*([0-9a-z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"^\d{3,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChequeNumber();
}
