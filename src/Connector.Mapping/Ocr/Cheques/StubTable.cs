namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// The table of a stub: its heading line (cells named Invoice / Facture, Date, Amount / Montant, Discount / Escompte,
/// Net / Net payé / Net à payer / Amount paid, in any order) and how a line's words fall into its columns.
/// </summary>
internal sealed record StubTable(int HeadingLine, IReadOnlyList<(StubColumn Column, OcrBox Box)> Headings)
{
    public static StubTable? Find(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var headings = new List<(StubColumn, OcrBox)>();
            foreach (var cell in OcrText.Cells(lines[i]))
            {
                if (Classify(OcrText.Fold(OcrText.Join(cell))) is { } column && headings.All(h => h.Item1 != column))
                {
                    headings.Add((column, OcrText.Union(cell)));
                }
            }

            if (headings.Count >= 3 && headings.Any(h => h.Item1 == StubColumn.Invoice))
            {
                return new StubTable(i, headings);
            }
        }

        return null;
    }

    /// <summary>The column a heading names; null when it is not one.</summary>
    public static StubColumn? Classify(string folded)
    {
        if (folded.Contains("date", StringComparison.Ordinal))
        {
            return StubColumn.Date;
        }

        // Also abbreviated: "Disc.", "Disc", "Esc.", "Ded.", "Allow." (word starts).
        var words = folded.Split([' ', '.', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (folded.Contains("discount", StringComparison.Ordinal) || folded.Contains("escompte", StringComparison.Ordinal)
            || folded.Contains("remise", StringComparison.Ordinal) || folded.Contains("deduction", StringComparison.Ordinal)
            || words.Any(w => w is "disc" or "esc" or "ded" or "allow" || w.StartsWith("allowance", StringComparison.Ordinal)))
        {
            return StubColumn.Discount;
        }

        if (folded.Contains("net", StringComparison.Ordinal) || folded.Contains("paid", StringComparison.Ordinal)
            || folded.Contains("paye", StringComparison.Ordinal) || folded.Contains("payer", StringComparison.Ordinal)
            || folded.Contains("regle", StringComparison.Ordinal) || folded.Contains("payment", StringComparison.Ordinal))
        {
            return StubColumn.Net;
        }

        if (folded.Contains("amount", StringComparison.Ordinal) || folded.Contains("montant", StringComparison.Ordinal)
            || folded.Contains("gross", StringComparison.Ordinal) || folded.Contains("brut", StringComparison.Ordinal))
        {
            return StubColumn.Amount;
        }

        if (folded.Contains("invoice", StringComparison.Ordinal) || folded.Contains("facture", StringComparison.Ordinal)
            || folded.Contains("reference", StringComparison.Ordinal) || folded.Contains("document", StringComparison.Ordinal))
        {
            return StubColumn.Invoice;
        }

        return null;
    }

    /// <summary>The words of a line by column: a word goes to the heading it overlaps most, or else the nearest.</summary>
    public Dictionary<StubColumn, List<OcrWord>> Split(IReadOnlyList<OcrWord> line)
    {
        var cells = Headings.ToDictionary(h => h.Column, _ => new List<OcrWord>());
        foreach (var word in line)
        {
            var best = Headings.MaxBy(h => Overlap(word.Box, h.Box) - (Overlap(word.Box, h.Box) > 0 ? 0 : Distance(word.Box, h.Box)));
            cells[best.Column].Add(word);
        }

        return cells;
    }

    private static int Overlap(OcrBox a, OcrBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));

    private static int Distance(OcrBox a, OcrBox b) => a.Right < b.Left ? b.Left - a.Right : a.Left > b.Right ? a.Left - b.Right : 0;
}
