namespace Connector.Mapping.Matching;

/// <summary>What a normalised tax identifier is, so that only ids of the same kind are compared.</summary>
internal enum TaxIdKind
{
    /// <summary>A VAT id with its country prefix, e.g. <c>FR40303265045</c>, <c>DE123456789</c>.</summary>
    Vat,

    /// <summary>A French company number (9 digits), also found inside a French VAT id and a SIRET.</summary>
    Siren,

    /// <summary>A French establishment number (14 digits: SIREN + 5).</summary>
    Siret,

    /// <summary>A US employer identification number (9 digits).</summary>
    Ein,

    /// <summary>Anything else, compared as cleaned text.</summary>
    Other,
}

/// <summary>One normalised form of a tax id.</summary>
internal readonly record struct TaxIdKey(TaxIdKind Kind, string Value)
{
    public override string ToString() => $"{Kind}:{Value}";
}

/// <summary>
/// Normalises tax ids for comparison. Each raw id yields its forms, most specific first: a French VAT id yields the VAT
/// id and its SIREN, a SIRET yields itself and its SIREN, a bare 9-digit number may be a SIREN or an EIN written
/// without its dash. Ids of other countries keep their prefix, so a German VAT id never meets a bare number.
/// </summary>
internal static class TaxIdNormalizer
{
    private static readonly HashSet<string> VatPrefixes = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI", "GB",
    };

    /// <summary>Upper case with spaces, dots, dashes, slashes and commas removed.</summary>
    public static string Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return string.Create(raw.Length - CountSeparators(raw), raw, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsSeparator(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    /// <summary>The normalised forms of <paramref name="raw"/>, most specific first; empty for a blank id.</summary>
    public static IReadOnlyList<TaxIdKey> Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var clean = Clean(raw);
        if (clean.Length == 0)
        {
            return [];
        }

        if (clean.Length > 4 && char.IsAsciiLetter(clean[0]) && char.IsAsciiLetter(clean[1]))
        {
            var prefix = clean[..2] == "GR" ? "EL" : clean[..2];
            var rest = clean[2..];
            if (VatPrefixes.Contains(prefix) && rest.AsSpan().ContainsAnyInRange('0', '9') && IsAlphanumeric(rest))
            {
                var vat = new TaxIdKey(TaxIdKind.Vat, prefix + rest);
                return prefix == "FR" && rest.Length == 11 && IsDigits(rest.AsSpan(2))
                    ? [vat, new TaxIdKey(TaxIdKind.Siren, rest[2..])]
                    : [vat];
            }
        }

        if (IsDigits(clean))
        {
            switch (clean.Length)
            {
                case 14:
                    return [new TaxIdKey(TaxIdKind.Siret, clean), new TaxIdKey(TaxIdKind.Siren, clean[..9])];
                case 9 when IsEinWritten(raw):
                    return [new TaxIdKey(TaxIdKind.Ein, clean)];
                case 9:
                    return [new TaxIdKey(TaxIdKind.Siren, clean), new TaxIdKey(TaxIdKind.Ein, clean)];
            }
        }

        return [new TaxIdKey(TaxIdKind.Other, clean)];
    }

    /// <summary>An EIN as the IRS writes it: <c>12-3456789</c>.</summary>
    private static bool IsEinWritten(string raw)
    {
        var text = raw.Trim();
        return text.Length == 10 && text[2] == '-' && IsDigits(text.AsSpan(0, 2)) && IsDigits(text.AsSpan(3));
    }

    private static bool IsAlphanumeric(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '/' or ',' or '_' || char.IsWhiteSpace(c);

    private static int CountSeparators(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (IsSeparator(c))
            {
                count++;
            }
        }

        return count;
    }
}
