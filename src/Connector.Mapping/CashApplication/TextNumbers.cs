namespace Connector.Mapping.CashApplication;

/// <summary>
/// The tokens of free text that may be invoice numbers: words (letters and digits, with inner <c>- / . _</c>), and
/// each word joined with the next (<c>INV 1234</c>, <c>F26 004512</c>); once with <c>/</c> inside words, once as a separator (<c>/RFB/INV12128</c>). Only those whose normalised key has
/// the shape of one of the book's numbers, or is the number as the book holds it, are kept.
/// </summary>
internal static class TextNumbers
{
    private const int MinKeyLength = 4;

    public static IReadOnlyList<string> Find(string? text, OpenItemBook book)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<string>();
        Scan(Words(text, Separators), book, found);
        Scan(Words(text, [.. Separators, '/']), book, found);
        return found;
    }

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', ':', '|', '(', ')', '[', ']', '"', '\'', '*', '+', '='];

    private static List<string> Words(string text, char[] separators)
        => [.. text.Split(separators, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('-', '/', '.', '_', '#')).Where(w => w.Length > 0)];

    private static void Scan(List<string> words, OpenItemBook book, List<string> found)
    {
        for (var i = 0; i < words.Count; i++)
        {
            Consider(words[i], book, found);
            if (i + 1 < words.Count && words[i].Length + words[i + 1].Length <= 24)
            {
                Consider(words[i] + "-" + words[i + 1], book, found);
            }
        }
    }

    private static void Consider(string word, OpenItemBook book, List<string> found)
    {
        var keys = InvoiceNumberNormalizer.Keys(word);
        if (keys is null || !word.Any(char.IsAsciiDigit) || found.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var exact = book.ByExactNumber(keys.Exact).Count > 0;
        if (exact || (keys.Compact.Length >= MinKeyLength && (book.LooksLikeInvoiceNumber(keys.Compact) || book.LooksLikeInvoiceNumber(keys.Grouped) || book.LooksLikeInvoiceNumber(keys.Folded))))
        {
            found.Add(word);
        }
    }
}
