using System.Text;

namespace Connector.Mapping.CashApplication;

/// <summary>The keys of an invoice number as written: what is compared, from the strictest to the fuzziest.</summary>
/// <param name="Exact">Upper case, trimmed: the number as the ERP holds it.</param>
/// <param name="Compact">Prefix words, separators and the leading zeros of the whole number out (<c>INV-0001234</c> -> <c>1234</c>).</param>
/// <param name="Grouped">Prefix words and separators out, leading zeros of every digit group out (<c>F26-004512</c> -> <c>F264512</c>).</param>
/// <param name="Folded">The compact key with OCR look-alikes folded to digits (O->0, I/L->1, S->5, B->8, Z->2, G->6).</param>
internal sealed record InvoiceNumberKeys(string Exact, string Compact, string Grouped, string Folded);

/// <summary>
/// Normalises invoice numbers as payers write them: upper case; separators and spaces out; prefix words (INV, INVOICE,
/// FACT, FACTURE, FA, RE, RECHNUNG, NO, NR, REF...) out when a number follows; leading zeros out; and, for a fuzzier
/// key, OCR confusions folded to one form. A number must hold at least one digit.
/// </summary>
internal static class InvoiceNumberNormalizer
{
    private static readonly HashSet<string> PrefixWords = new(StringComparer.Ordinal)
    {
        "INV", "INVOICE", "INVOICES", "INVNO", "FACT", "FACTURE", "FACTURES", "FA", "FAC", "FACTURA", "FAT", "FATTURA",
        "RE", "RECH", "RECHNUNG", "RECHNUNGSNR", "NO", "NR", "NUM", "NUMBER", "N", "REF", "REFERENCE", "BILL", "DOC",
    };

    /// <summary>The keys of a written number, or null when it holds no digit.</summary>
    public static InvoiceNumberKeys? Keys(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var tokens = Tokens(written);
        var start = 0;
        while (start < tokens.Count - 1 && IsLetters(tokens[start]) && PrefixWords.Contains(tokens[start]) && tokens.Skip(start + 1).Any(HasDigit))
        {
            start++;
        }

        var kept = tokens.Skip(start).ToList();
        var joined = string.Concat(kept);
        if (joined.Length == 0 || !HasDigit(joined))
        {
            return null;
        }

        var compact = TrimZeros(joined);
        var grouped = string.Concat(kept.Select(t => char.IsAsciiDigit(t[0]) ? TrimZeros(t) : t));
        var folded = TrimZeros(Fold(joined));
        return new InvoiceNumberKeys(written.Trim().ToUpperInvariant(), compact, grouped, folded);
    }

    /// <summary>The shape of a key: its runs of letters (A) and digits (D) with their lengths, e.g. <c>F264512</c> -> <c>A1D6</c>.</summary>
    public static string Shape(string key)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < key.Length)
        {
            var digit = char.IsAsciiDigit(key[i]);
            var j = i;
            while (j < key.Length && char.IsAsciiDigit(key[j]) == digit)
            {
                j++;
            }

            sb.Append(digit ? 'D' : 'A').Append((j - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            i = j;
        }

        return sb.ToString();
    }

    /// <summary>OCR look-alikes folded to digits.</summary>
    public static string Fold(string upper)
        => string.Create(upper.Length, upper, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] switch
                {
                    'O' => '0',
                    'I' or 'L' => '1',
                    'S' => '5',
                    'B' => '8',
                    'Z' => '2',
                    'G' => '6',
                    _ => s[i],
                };
            }
        });

    /// <summary>Upper-case runs of letters and of digits; anything else separates.</summary>
    private static List<string> Tokens(string written)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        var lastDigit = false;
        foreach (var raw in written)
        {
            var c = char.ToUpperInvariant(raw);
            var isDigit = char.IsAsciiDigit(c);
            if (!isDigit && !char.IsAsciiLetterUpper(c))
            {
                Flush(tokens, sb);
                continue;
            }

            if (sb.Length > 0 && isDigit != lastDigit)
            {
                Flush(tokens, sb);
            }

            sb.Append(c);
            lastDigit = isDigit;
        }

        Flush(tokens, sb);
        return tokens;
    }

    private static void Flush(List<string> tokens, StringBuilder sb)
    {
        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
            sb.Clear();
        }
    }

    private static string TrimZeros(string s)
    {
        var trimmed = s.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static bool IsLetters(string token) => !char.IsAsciiDigit(token[0]);

    private static bool HasDigit(string s) => s.Any(char.IsAsciiDigit);
}
