using System.Globalization;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>The payments found in a batch of scanned pages, and the pages that are neither cheque nor stub.</summary>
internal sealed record ScanAssembly(IReadOnlyList<ScannedPayment> Payments, IReadOnlyList<Problem> Problems);

/// <summary>
/// Turns the scanned pages of one or more files (in the order the scanner made them) into payments. Each page is a
/// cheque, a stub or neither (<see cref="ScanPageClassifier"/>; an X9.37 item is a cheque). A stub goes with the cheque
/// whose number it names; else with the cheque before it in the same file (a cheque followed by its stub pages), else
/// the one after it there; else, for a file of stubs only, with the lone cheque of the file scanned just before or
/// after it. Several stub pages of one cheque are one stub. A cheque without stub is a payment without lines (cash
/// application finds what it pays); a stub without cheque is a remittance advice that waits for its money.
/// </summary>
internal static class ScanAssembler
{
    /// <param name="pages">The pages in the scanner's order.</param>
    /// <param name="entityCode">The entity the scans came in for.</param>
    /// <param name="options">The scan profile's options.</param>
    /// <param name="currency">The currency when a page does not show it (the entity's).</param>
    /// <param name="payeeNames">The names the entity's cheques are made out to (its name): a payee read as one of them is confirmed.</param>
    public static ScanAssembly Assemble(IReadOnlyList<ScannedPage> pages, string entityCode, ScanOptions options, string? currency = null, IReadOnlyList<string>? payeeNames = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(options);
        var reader = new OcrReaderOptions(options.DayFirst ?? false, currency) { DateOrderKnown = options.DayFirst is not null };
        var pagesPerDocument = pages.GroupBy(p => p.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var problems = new List<Problem>();
        var items = new List<Item>();
        foreach (var page in pages)
        {
            var label = page.Label(pagesPerDocument[page.Document] > 1);
            var kind = page.Capture is not null ? ScanPageKind.Cheque : ScanPageClassifier.Classify(page.Ocr);
            switch (kind)
            {
                case ScanPageKind.Cheque:
                    items.Add(new Item(page, ChequeReader.Read(page.Ocr, entityCode, label, reader), null));
                    break;
                case ScanPageKind.Stub:
                    items.Add(new Item(page, null, StubReader.Read(page.Ocr, entityCode, label, reader)));
                    break;
                default:
                    problems.Add(Problem.Warning(ProblemCodes.OcrPageUnknown, string.Create(CultureInfo.InvariantCulture, $"{label} is neither a cheque nor a remittance stub ({page.Ocr.Words.Count} words read): nothing was taken from it"), new SourceLocation(page.Document, page.Page)));
                    break;
            }
        }

        var stubsOf = Pair(items);
        var trust = new ChequeTrustOptions(options.ConfidenceFloor);
        var payments = new List<ScannedPayment>();
        foreach (var item in items)
        {
            if (item.Cheque is not null)
            {
                var stubs = stubsOf.GetValueOrDefault(item) ?? [];
                payments.Add(Build(item, stubs, trust, payeeNames));
            }
            else if (!stubsOf.Values.Any(s => s.Contains(item)))
            {
                payments.Add(Build(null, [item], trust, payeeNames));
            }
        }

        return new ScanAssembly(payments, problems);
    }

    private static Dictionary<Item, List<Item>> Pair(List<Item> items)
    {
        var stubsOf = new Dictionary<Item, List<Item>>();
        var cheques = items.Where(i => i.Cheque is not null).ToList();
        var unpaired = new List<Item>();
        foreach (var stub in items.Where(i => i.Stub is not null))
        {
            var byNumber = Number(stub.Stub!.ChequeNumber?.Value) is { } number
                ? cheques.Where(c => Number(c.Cheque!.Number?.Value) == number).ToList()
                : [];
            if (byNumber.Count == 1)
            {
                Add(stubsOf, byNumber[0], stub);
            }
            else
            {
                unpaired.Add(stub);
            }
        }

        foreach (var stub in unpaired)
        {
            if (ByPlace(items, stub, stubsOf) is { } cheque)
            {
                Add(stubsOf, cheque, stub);
            }
        }

        return stubsOf;
    }

    /// <summary>The cheque a stub without a matching number goes with by its place in the scan.</summary>
    private static Item? ByPlace(List<Item> items, Item stub, Dictionary<Item, List<Item>> stubsOf)
    {
        var index = items.IndexOf(stub);
        var sameFile = items.Where(i => i.Page.Document == stub.Page.Document).ToList();
        var at = sameFile.IndexOf(stub);
        for (var i = at - 1; i >= 0; i--)
        {
            if (sameFile[i].Cheque is not null)
            {
                return sameFile[i];
            }
        }

        if (sameFile.Skip(at + 1).FirstOrDefault(i => i.Cheque is not null && !stubsOf.ContainsKey(i)) is { } after)
        {
            return after;
        }

        if (sameFile.Any(i => i.Cheque is not null))
        {
            return null;
        }

        // A file of stubs only: the lone cheque of the file scanned just before it, else just after it.
        var before = items.Take(index).LastOrDefault(i => i.Page.Document != stub.Page.Document)?.Page.Document;
        var next = items.Skip(index + 1).FirstOrDefault(i => i.Page.Document != stub.Page.Document)?.Page.Document;
        return LoneCheque(items, before, stubsOf) ?? LoneCheque(items, next, stubsOf);
    }

    private static Item? LoneCheque(List<Item> items, string? document, Dictionary<Item, List<Item>> stubsOf)
    {
        if (document is null)
        {
            return null;
        }

        var file = items.Where(i => i.Page.Document == document).ToList();
        return file.Count == 1 && file[0].Cheque is not null && !stubsOf.ContainsKey(file[0]) ? file[0] : null;
    }

    private static ScannedPayment Build(Item? cheque, IReadOnlyList<Item> stubs, ChequeTrustOptions trust, IReadOnlyList<string>? payeeNames)
        => ScannedPayment.From(
            new ScannedReadings(
                cheque?.Cheque,
                Merge([.. stubs.Select(s => s.Stub!)]),
                cheque?.Page.Capture,
                cheque is null ? null : PageRef.Of(cheque.Page),
                [.. stubs.Select(s => PageRef.Of(s.Page))]),
            trust,
            payeeNames);

    /// <summary>Several stub pages of one cheque as one stub: their rows in order, the last total line, the first header fields.</summary>
    private static StubReading? Merge(IReadOnlyList<StubReading> stubs)
    {
        if (stubs.Count <= 1)
        {
            return stubs.Count == 0 ? null : stubs[0];
        }

        var rows = new List<StubRow>();
        foreach (var row in stubs.SelectMany(s => s.Rows))
        {
            rows.Add(row with { Index = rows.Count + 1 });
        }

        return stubs[0] with
        {
            ChequeNumber = stubs.Select(s => s.ChequeNumber).FirstOrDefault(n => n is not null),
            Date = stubs.Select(s => s.Date).FirstOrDefault(d => d is not null),
            Payer = stubs.Select(s => s.Payer).FirstOrDefault(p => p is not null),
            Payee = stubs.Select(s => s.Payee).FirstOrDefault(p => p is not null),
            Rows = rows,
            Total = stubs.Select(s => s.Total).LastOrDefault(t => t is not null),
        };
    }

    private static void Add(Dictionary<Item, List<Item>> stubsOf, Item cheque, Item stub)
    {
        if (!stubsOf.TryGetValue(cheque, out var stubs))
        {
            stubsOf[cheque] = stubs = [];
        }

        stubs.Add(stub);
    }

    private static string? Number(string? text)
    {
        var digits = text is null ? null : new string([.. text.Where(char.IsAsciiDigit)]).TrimStart('0');
        return string.IsNullOrEmpty(digits) ? null : digits;
    }

    private sealed record Item(ScannedPage Page, ChequeReading? Cheque, StubReading? Stub);
}
