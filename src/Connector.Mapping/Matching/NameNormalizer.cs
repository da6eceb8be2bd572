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
                kept.Add(token);
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
        var folded = Fold(name);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (c is '&')
            {
                Flush(current, tokens);
                tokens.Add("and");
            }
            else if (c is not ('.' or '\'' or '\u2019' or '`'))
            {
                Flush(current, tokens);
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }

    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        foreach (var c in name.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ø': builder.Append('o'); break;
                case 'ł': builder.Append('l'); break;
                case 'đ': builder.Append('d'); break;
                case 'þ': builder.Append("th"); break;
                default: builder.Append(c); break;
            }
        }

        var decomposed = builder.ToString().Normalize(NormalizationForm.FormD);
        builder.Clear();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
