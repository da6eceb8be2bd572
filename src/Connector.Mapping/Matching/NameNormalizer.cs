using System.Buffers;
using System.Globalization;
using System.Text;

namespace Connector.Mapping.Matching;

/// <summary>A company name reduced for comparison: its tokens and their text joined by single spaces.</summary>
internal sealed record NormalizedName(string Text, IReadOnlyList<string> Tokens)
{
    public static NormalizedName Empty { get; } = new(string.Empty, []);

    public bool IsEmpty => Tokens.Count == 0;
}

/// <summary>
/// Normalises company names: lower case, German umlauts and ß spelt out (ü → ue, ß → ss), other accents removed,
/// <c>&amp;</c> → and, punctuation out (dots and apostrophes join, so <c>S.A.R.L.</c> is <c>sarl</c>), spaces collapsed,
/// legal forms and "the" dropped (unless nothing else is left). "&amp; Co." in "GmbH &amp; Co. KG" goes with its forms.
/// </summary>
internal static class NameNormalizer
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited", "llc", "plc", "sa", "sas",
        "sasu", "sarl", "eurl", "sca", "gmbh", "ag", "kg", "ohg", "ug", "ek", "gbr", "bv", "nv", "spa", "srl", "the",
        "cie",
    };

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "and", "und", "et" };

    public static NormalizedName Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return NormalizedName.Empty;
        }

        var tokens = Tokenize(name);
        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var joinsLegalForm = Conjunctions.Contains(token) && i + 1 < tokens.Count && LegalForms.Contains(tokens[i + 1])
                && tokens[i + 1] != "the";
            if (!LegalForms.Contains(token) && !joinsLegalForm)
            {
                // "und", "et" and "&" are one word in every language: "Krause und Söhne" is "Krause & Söhne".
                kept.Add(Conjunctions.Contains(token) ? "and" : token);
            }
        }

        if (kept.Count == 0)
        {
            kept = tokens;
        }

        return kept.Count == 0 ? NormalizedName.Empty : new NormalizedName(string.Join(' ', kept), kept);
    }

    /// <summary>Lower-cased, transliterated, accent-free words of <paramref name="name"/>, legal forms included.</summary>
    public static List<string> Tokenize(string name)
    {
        var tokens = new List<string>(4);
        var buffer = ArrayPool<char>.Shared.Rent((name.Length * 2) + 2);
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c is '&')
            {
                Flush(buffer, ref length, tokens);
                tokens.Add("and");
            }
            else if (c is '.' or '\'' or '\u2019' or '`')
            {
                // Joins: S.A.R.L. is sarl, L'Oreal is loreal.
            }
            else if (c < 128 || !char.IsLetterOrDigit(c))
            {
                Flush(buffer, ref length, tokens);
            }
            else
            {
                length += Fold(c, buffer.AsSpan(length));
            }
        }

        Flush(buffer, ref length, tokens);
        ArrayPool<char>.Shared.Return(buffer);
        return tokens;
    }

    private static void Flush(char[] buffer, ref int length, List<string> tokens)
    {
        if (length > 0)
        {
            tokens.Add(new string(buffer, 0, length));
            length = 0;
        }
    }

    /// <summary>Writes the lower-case, accent-free spelling of a non-ASCII letter or digit; returns its length (0-2).</summary>
    private static int Fold(char c, Span<char> into)
    {
        var lower = char.ToLowerInvariant(c);
        var spelt = lower switch
        {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => null,
        };
        if (spelt is null)
        {
            var length = 0;
            foreach (var d in lower.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && length < 2)
                {
                    into[length++] = d;
                }
            }

            return length;
        }

        spelt.AsSpan().CopyTo(into);
        return spelt.Length;
    }
}
