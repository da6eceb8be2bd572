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
        text = text.Trim();
        if (!text.IsEmpty && (IsSymbol(text[0]) || IsSymbol(text[^1])))
        {
            text = StripSymbols(text);
        }

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

        if (!seenDigit)
        {
            return false;
        }

        if (!TryFast(buffer[..length], out value)
            && !decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// The fast path of CSV cells: parses UTF-8 bytes that are all ASCII without making a string. False for empty
    /// cells, non-ASCII text and anything that is not a number: the caller then takes the general path, which
    /// applies defaults and reports problems.
    /// </summary>
    public static bool TryParseAscii(ReadOnlySpan<byte> utf8, NumberStyle style, out decimal value)
    {
        if (TryPlain(utf8, style, out value))
        {
            return true;
        }

        if (utf8.IsEmpty || utf8.Length > 64 || !System.Text.Ascii.IsValid(utf8))
        {
            return false;
        }

        Span<char> chars = stackalloc char[64];
        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return TryParse(chars[..utf8.Length], style, out value);
    }

    /// <summary>
    /// The common case in one pass over the bytes: an optional leading '-', digits, ASCII group characters between
    /// digits before the decimal character, at most 18 digits. Anything else (spaces, symbols, parentheses, a
    /// trailing minus) returns false for the general path.
    /// </summary>
    private static bool TryPlain(ReadOnlySpan<byte> utf8, NumberStyle style, out decimal value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (utf8.Length > 0 && utf8[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        byte scale = 0;
        var digits = 0;
        var afterPoint = false;
        for (; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((uint)(b - '0') <= 9)
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(b - '0');
                scale += afterPoint ? (byte)1 : (byte)0;
            }
            else if (b == style.Decimal && !afterPoint && digits > 0)
            {
                afterPoint = true;
            }
            else if (b < 128 && !afterPoint && digits > 0 && style.Group.Contains((char)b, StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, scale);
        return true;
    }

    /// <summary>Digits with at most one '.', up to 18 significant digits: built directly, without the general parser.</summary>
    private static bool TryFast(ReadOnlySpan<char> digits, out decimal value)
    {
        value = 0;
        if (digits.Length > 19)
        {
            return false;
        }

        ulong mantissa = 0;
        byte scale = 0;
        var afterPoint = false;
        foreach (var c in digits)
        {
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }

            mantissa = (mantissa * 10) + (ulong)(c - '0');
            if (afterPoint)
            {
                scale++;
            }
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale);
        return true;
    }

    private static bool IsSymbol(char c) => !char.IsAsciiDigit(c) && char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol;

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
