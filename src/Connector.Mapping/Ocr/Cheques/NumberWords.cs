using System.Globalization;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The vocabulary of numbers in words, English and French, and the arithmetic that reads them.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> English = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> French = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["six"] = 6,
        ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10, ["onze"] = 11, ["douze"] = 12, ["treize"] = 13,
        ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["vingts"] = 20, ["trente"] = 30,
        ["quarante"] = 40, ["cinquante"] = 50, ["soixante"] = 60, ["septante"] = 70, ["huitante"] = 80,
        ["octante"] = 80, ["nonante"] = 90,
    };

    private static readonly Dictionary<string, long> EnglishScales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    private static readonly Dictionary<string, long> FrenchScales = new(StringComparer.Ordinal)
    {
        ["mille"] = 1_000, ["mil"] = 1_000, ["million"] = 1_000_000, ["millions"] = 1_000_000,
        ["milliard"] = 1_000_000_000, ["milliards"] = 1_000_000_000,
    };

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal)
    {
        "dollar", "dollars", "euro", "euros", "francs", "franc", "pounds", "pound", "cad", "usd", "eur",
    };

    public static bool IsCurrency(string token) => Currencies.Contains(token);

    /// <summary>Whether the words are French: more of them are French number words than English ones.</summary>
    public static bool IsFrench(IReadOnlyList<string> tokens)
        => tokens.Count(t => French.ContainsKey(t) || FrenchScales.ContainsKey(t) || t is "cent" or "cents" or "et" or "centimes" or "euros")
           > tokens.Count(t => English.ContainsKey(t) || EnglishScales.ContainsKey(t) || t is "hundred" or "and" or "dollars");

    /// <summary>The value of number words (and bare digits), or null when a word is not a number word.</summary>
    public static long? Value(IReadOnlyList<string> tokens, bool french)
    {
        var units = french ? French : English;
        var scales = french ? FrenchScales : EnglishScales;
        long total = 0, current = 0;
        string? previous = null;
        var any = false;
        foreach (var raw in tokens)
        {
            if (raw is "and" or "et")
            {
                continue;
            }

            var token = Known(raw, units, scales, french);
            if (token is null)
            {
                return null;
            }

            any = true;
            if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
            {
                current += digits;
            }
            else if (units.TryGetValue(token, out var unit))
            {
                // quatre-vingt(s) = 4 x 20, the one French multiplication among the tens.
                if (french && token is "vingt" or "vingts" && previous == "quatre")
                {
                    current += 80 - 4;
                }
                else
                {
                    current += unit;
                }
            }
            else if (token is "hundred" or "cent" or "cents")
            {
                current = (current == 0 ? 1 : current) * 100;
            }
            else
            {
                total += (current == 0 ? 1 : current) * scales[token];
                current = 0;
            }

            previous = token;
        }

        return any ? total + current : null;
    }

    private static string? Known(string token, Dictionary<string, int> units, Dictionary<string, long> scales, bool french)
    {
        if (token.All(char.IsAsciiDigit) || units.ContainsKey(token) || scales.ContainsKey(token)
            || (french ? token is "cent" or "cents" : token is "hundred"))
        {
            return token;
        }

        if (token.Length < 4)
        {
            return null;
        }

        var vocabulary = units.Keys.Concat(scales.Keys).Append(french ? "cent" : "hundred");
        var near = vocabulary.Where(w => w.Length >= 4 && OneEditApart(w, token)).ToList();
        return near.Count == 1 ? near[0] : null;
    }

    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
