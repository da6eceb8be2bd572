namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Reads a remittance stub from the words of its page: the heading (payer, payee, cheque number, date), the table of
/// invoice, date, amount, discount and net paid in whatever column order its headings give, and its total line. The
/// number style is decided once for the whole stub from all its amounts. Pure; never throws for what the page holds.
/// </summary>
internal static class StubReader
{
    private static readonly string[] Titles = ["remittance", "advice", "avis", "paiement", "payment", "talon"];

    public static StubReading Read(OcrPage page, string entityCode, string document, OcrReaderOptions? options = null)
    {
        options ??= OcrReaderOptions.Default;
        var lines = page.Lines;
        var table = StubTable.Find(lines);
        var heading = table is null ? lines : lines.Take(table.HeadingLine).ToList();
        var body = table is null ? [] : lines.Skip(table.HeadingLine + 1).ToList();
        var totalAt = body.FindIndex(IsTotal);
        var rowLines = (totalAt < 0 ? body : body.Take(totalAt)).ToList();
        var split = table is null ? [] : rowLines.Select(table.Split).Where(c => c[StubColumn.Invoice].Any(w => w.Text.Any(char.IsAsciiDigit))).ToList();
        var totalCells = table is not null && totalAt >= 0 ? table.Split(body[totalAt]) : null;
        var amounts = split.Append(totalCells ?? []).SelectMany(c => c.Where(kv => kv.Key is StubColumn.Amount or StubColumn.Discount or StubColumn.Net))
            .Select(kv => OcrText.Join(kv.Value)).Where(t => t.Length > 0).ToList();
        var euro = lines.Any(l => l.Any(w => w.Text.Contains('€', StringComparison.Ordinal)));
        var style = FigureStyle.Decide(amounts, euro || options.Currency == "EUR" ? FigureStyle.DecimalComma : FigureStyle.DecimalPoint);
        // The date order is the document's too: its dates that read one way only decide for those that read both.
        var dateTexts = split.Select(c => OcrText.Join(c.GetValueOrDefault(StubColumn.Date) ?? [])).Concat(heading.Select(l => OcrText.Join(l)));
        var evidence = OcrDates.DayFirstEvidence(dateTexts);
        var dayFirst = evidence ?? (options.DayFirst || style == FigureStyle.DecimalComma);
        var date = ChequeReader.FindDate(heading, options with { DayFirst = dayFirst, DateOrderKnown = options.DateOrderKnown || evidence is not null });
        var total = totalCells is null ? null : Row(0, totalCells, style, dayFirst, false) is var read ? read with
        {
            Invoice = null,
            Date = null,
            Unreadable = [.. read.Unreadable.Where(u => u.Column is not (StubColumn.Invoice or StubColumn.Date))],
        } : null;
        var rows = StubRepair.Apply([.. split.Select((cells, i) => Row(i + 1, cells, style, dayFirst, options.DateOrderKnown || evidence is not null))], total, style);
        var titleAt = heading.ToList().FindIndex(l => Titles.Any(t => OcrText.Fold(OcrText.Join(l)).Contains(t, StringComparison.Ordinal)));
        var payerLine = heading.Skip(titleAt + 1).FirstOrDefault();
        return new StubReading
        {
            EntityCode = entityCode,
            Document = document,
            ChequeNumber = ChequeReader.FindNumber(heading),
            Date = evidence is null ? date : date is null ? null : date with { Alternatives = [] },
            Payer = payerLine is null ? null : ChequeReader.Text(OcrText.Cells(payerLine)[0]),
            Payee = FindPayee(heading),
            Currency = euro ? "EUR" : options.Currency,
            Columns = table is null ? [] : [.. table.Headings.OrderBy(h => h.Box.Left).Select(h => h.Column)],
            Rows = rows,
            Total = total,
            Style = style,
        };
    }

    private static bool IsTotal(IReadOnlyList<OcrWord> line)
        => line.Count > 0 && OcrText.Fold(line[0].Text).TrimEnd(':') is "total" or "totals" or "totaux" or "total:";

    private static StubRow Row(int index, Dictionary<StubColumn, List<OcrWord>> cells, FigureStyle style, bool dayFirst, bool orderKnown)
    {
        var unreadable = new List<UnreadableCell>();
        OcrField<decimal>? Amount(StubColumn column)
        {
            if (!cells.TryGetValue(column, out var words) || words.Count == 0)
            {
                return null;
            }

            if (style.Parse(OcrText.Join(words)) is { } value)
            {
                return OcrField<decimal>.From(value, words);
            }

            unreadable.Add(new UnreadableCell(column, OcrText.Join(words), OcrText.MinConfidence(words), OcrText.Union(words)));
            return null;
        }

        OcrField<string>? invoice = null;
        if (cells.TryGetValue(StubColumn.Invoice, out var invoiceWords) && invoiceWords.Count > 0)
        {
            var text = string.Join('-', OcrText.Join(invoiceWords).Replace(" ", string.Empty, StringComparison.Ordinal).Split('-').Select(OcrText.RepairDigits));
            invoice = OcrField<string>.From(text, invoiceWords);
        }

        OcrField<DateOnly>? date = null;
        if (cells.TryGetValue(StubColumn.Date, out var dateWords) && dateWords.Count > 0)
        {
            if (OcrDates.Find(OcrText.Join(dateWords), dayFirst) is { } found)
            {
                date = OcrField<DateOnly>.From(found.Value, dateWords, orderKnown ? [] : found.Alternatives);
            }
            else
            {
                unreadable.Add(new UnreadableCell(StubColumn.Date, OcrText.Join(dateWords), OcrText.MinConfidence(dateWords), OcrText.Union(dateWords)));
            }
        }

        var all = cells.Values.SelectMany(w => w).ToList();
        return new StubRow(index, invoice, date, Amount(StubColumn.Amount), Amount(StubColumn.Discount), Amount(StubColumn.Net), OcrText.Union(all))
        {
            Unreadable = unreadable,
        };
    }

    private static OcrField<string>? FindPayee(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        foreach (var cell in lines.SelectMany(l => OcrText.Cells(l)))
        {
            var folded = OcrText.Fold(OcrText.Join(cell));
            if (!(folded.StartsWith("paid to", StringComparison.Ordinal) || folded.StartsWith("payee", StringComparison.Ordinal)
                || folded.StartsWith("beneficiaire", StringComparison.Ordinal) || folded.StartsWith("pay to", StringComparison.Ordinal)))
            {
                continue;
            }

            var colon = cell.Take(3).ToList().FindLastIndex(w => w.Text.EndsWith(':'));
            return ChequeReader.Text([.. cell.Skip(colon + 1)]);
        }

        return null;
    }
}
