using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Ocr;

/// <summary>What a scanned page is: a cheque, a remittance stub, or neither as far as its words tell.</summary>
internal enum ScanPageKind
{
    Cheque,
    Stub,
    Unknown,
}

/// <summary>
/// Tells a cheque from a remittance stub by the words on the page. A stub is a table: a heading line naming an invoice
/// column and at least two of date / amount / discount / net paid, with rows below it that hold an invoice reference and
/// figures, or a total line. A cheque has at least two of: a PAY / PAY TO THE ORDER OF / PAYEZ / A L'ORDRE DE label,
/// an amount written in words (English or French), the word DOLLARS (or EUROS), an amount marked with $ / € / stars,
/// and a MICR-like line at its foot. When the page has both, the table wins if it has rows and the cheque's signs are
/// fewer than three (a stub may say "Pay to:" or mention the cheque); Unknown when neither is shown.
/// </summary>
internal static class ScanPageClassifier
{
    private static readonly string[] PayLabels = ["pay", "payez", "paytothe", "paytotheorder"];

    public static ScanPageKind Classify(OcrPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lines = page.Lines;
        var stub = StubScore(lines);
        var cheque = ChequeScore(page, lines);
        if (stub >= 2 && (cheque < 3 || stub >= 3))
        {
            return ScanPageKind.Stub;
        }

        return cheque >= 2 ? ScanPageKind.Cheque : ScanPageKind.Unknown;
    }

    /// <summary>2 for a table heading, one more when rows with an invoice and figures (or a total line) follow it.</summary>
    private static int StubScore(IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        if (StubTable.Find(lines) is not { } table)
        {
            return 0;
        }

        var body = lines.Skip(table.HeadingLine + 1).ToList();
        var rows = body.Count(l =>
        {
            var cells = table.Split(l);
            return cells[StubColumn.Invoice].Any(w => w.Text.Any(char.IsAsciiDigit))
                && cells.Where(c => c.Key != StubColumn.Invoice).Any(c => c.Value.Any(w => FigureStyle.LooksLikeAmount(w.Text)));
        });
        var total = body.Any(l => l.Count > 1 && OcrText.Fold(l[0].Text).TrimEnd(':') is "total" or "totals" or "totaux");
        return 2 + (rows > 0 || total ? 1 : 0) + (rows > 1 && total ? 1 : 0);
    }

    /// <summary>How many of a cheque's signs the page shows.</summary>
    private static int ChequeScore(OcrPage page, IReadOnlyList<IReadOnlyList<OcrWord>> lines)
    {
        var folded = lines.Select(l => OcrText.Fold(OcrText.Join(l))).ToList();
        var score = 0;
        if (folded.Any(t => t.Contains("order of", StringComparison.Ordinal) || t.Contains("l'ordre", StringComparison.Ordinal)
            || t.Contains("pay to the", StringComparison.Ordinal) || t.Contains("payez", StringComparison.Ordinal))
            || lines.Any(l => l.Count > 1 && PayLabels.Contains(OcrText.Fold(l[0].Text).Trim(':', '.'), StringComparer.Ordinal)))
        {
            score++;
        }

        if (ChequeAmounts.FindWords(lines) is not null)
        {
            score++;
        }

        if (lines.Any(l => l.Any(w => OcrText.Fold(w.Text).Trim('*', '.', ':') is "dollars" or "euros")))
        {
            score++;
        }

        if (lines.Any(l => l.Any(w => (w.Text.StartsWith('$') || w.Text.StartsWith('€') || w.Text.StartsWith("**", StringComparison.Ordinal))
            && w.Text.Any(char.IsAsciiDigit))))
        {
            score++;
        }

        if (MicrLine.Find(page) is { Routing: not null })
        {
            score++;
        }

        return score;
    }
}
