using System.Globalization;
using System.Text;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// How a document writes amounts in figures, decided once per document from the evidence of all its amounts (not per
/// word): <c>1,234.56</c> (decimal point), <c>1 234,56</c> or <c>1.234,56</c> (decimal comma). Named FigureStyle, not
/// NumberStyles, so as not to shadow <see cref="NumberStyles"/>.
/// </summary>
internal sealed record FigureStyle(char DecimalSeparator)
{
    public static FigureStyle DecimalPoint { get; } = new('.');

    public static FigureStyle DecimalComma { get; } = new(',');

    /// <summary>
    /// The style the amounts of a document agree on: a token ending in a separator and two digits votes for that
    /// separator as the decimal one; a tie or no evidence is <paramref name="fallback"/> (decimal point if not given).
    /// </summary>
    public static FigureStyle Decide(IEnumerable<string> amounts, FigureStyle? fallback = null)
    {
        int point = 0, comma = 0;
        foreach (var raw in amounts)
        {
            var text = Clean(raw);
            var last = text.LastIndexOfAny(['.', ',']);
            if (last < 0 || text.Length - last - 1 != 2)
            {
                continue;
            }

            if (text[last] == '.')
            {
                point++;
            }
            else
            {
                comma++;
            }
        }

        return point > comma ? DecimalPoint : comma > point ? DecimalComma : fallback ?? DecimalPoint;
    }

    /// <summary>Whether the text looks like an amount in figures (digits with separators, a sign, stars).</summary>
    public static bool LooksLikeAmount(string text)
    {
        var clean = Clean(text);
        return clean.Length > 0 && char.IsAsciiDigit(clean[^1]) && clean.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
    }

    /// <summary>The amount the text writes in this style, or null. Group separators (comma, point, spaces) are dropped.</summary>
    public decimal? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = Clean(text);
        if (clean.Length == 0 || !char.IsAsciiDigit(clean[^1]))
        {
            return null;
        }

        var builder = new StringBuilder(clean.Length);
        var decimals = 0;
        foreach (var c in clean)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c == DecimalSeparator && decimals++ == 0)
            {
                builder.Append('.');
            }
            else if (c is not ('.' or ','))
            {
                return null;
            }
        }

        var group = DecimalSeparator == '.' ? ',' : '.';
        var lastDecimal = clean.LastIndexOf(DecimalSeparator);
        if (decimals > 1 || (lastDecimal >= 0 && clean.IndexOf(group, lastDecimal) >= 0))
        {
            return null;
        }

        return decimal.TryParse(builder.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The text without currency signs, stars, spaces of any kind, and with OCR's letters for digits repaired.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in OcrText.RepairDigits(text.Replace("EUR", string.Empty, StringComparison.Ordinal).Replace("CAD", string.Empty, StringComparison.Ordinal)))
        {
            if (!(char.IsWhiteSpace(c) || c is '$' or '€' or '*' or '£' or '\u202F' or '\u00A0' or '\''))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd('.', ',');
    }
}
