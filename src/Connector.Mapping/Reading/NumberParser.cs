using System.Globalization;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>
/// Parses amounts as sources write them: the profile's decimal and group characters, <c>(12.00)</c> and <c>12.00-</c>
/// as negatives, currency symbols stripped. Invariant culture otherwise; no allocation.
/// </summary>
internal static class NumberParser
{
    public static bool TryParse(ReadOnlySpan<char> text, NumberStyle style, out decimal value)
    {
        value = 0;
        text = StripSymbols(text.Trim());
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = false;
        if (text.Length >= 2 && text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = StripSymbols(text[1..^1].Trim());
        }
        else if (text[^1] == '-')
        {
            negative = true;
            text = StripSymbols(text[..^1].Trim());
        }

        if (text.Length > 64 || text.IsEmpty)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[66];
        var length = 0;
        var seenDigit = false;
        var seenDecimal = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                seenDigit = true;
            }
            else if (c == style.Decimal && !seenDecimal)
            {
                buffer[length++] = '.';
                seenDecimal = true;
            }
            else if ((c == '-' || c == '+') && length == 0 && !negative)
            {
                negative = c == '-';
                var rest = text[(i + 1)..].TrimStart();
                text = rest;
                i = -1;
            }
            else if (!seenDecimal && seenDigit && style.Group.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        if (!seenDigit || !decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static ReadOnlySpan<char> StripSymbols(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty && char.GetUnicodeCategory(text[0]) == UnicodeCategory.CurrencySymbol)
        {
            text = text[1..].TrimStart();
        }

        while (!text.IsEmpty && char.GetUnicodeCategory(text[^1]) == UnicodeCategory.CurrencySymbol)
        {
            text = text[..^1].TrimEnd();
        }

        return text;
    }
}
