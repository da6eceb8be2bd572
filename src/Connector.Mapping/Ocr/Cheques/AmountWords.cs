using System.Globalization;
using System.Text.RegularExpressions;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Reads an amount written in words on a cheque, in English ("Twelve thousand three hundred forty-five and 67/100",
/// "... dollars and 67 cents") or French ("Douze mille trois cent quarante-cinq euros et soixante-sept centimes",
/// "quatre-vingt-dix", "soixante et onze"), tolerant of OCR noise: case, hyphens, stars, a missing "and", a word one
/// letter off. Returns null when a word cannot be understood rather than guess.
/// </summary>
internal static partial class AmountWords
{
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = Tokens(text);
        var french = NumberWords.IsFrench(tokens);
        var cents = 0;
        var fraction = tokens.FindIndex(t => FractionRegex().IsMatch(t));
        if (fraction >= 0)
        {
            cents = int.Parse(FractionRegex().Match(tokens[fraction]).Groups[1].Value, CultureInfo.InvariantCulture);
            tokens = tokens[..fraction];
        }
        else
        {
            var centsWord = tokens.FindLastIndex(t => french ? t is "centimes" or "centime" : t is "cents" or "cent");
            if (centsWord >= 0)
            {
                var start = tokens.FindLastIndex(centsWord, NumberWords.IsCurrency);
                if (start < 0)
                {
                    start = tokens.FindLastIndex(centsWord, t => t is "and" or "et");
                }

                var centsValue = NumberWords.Value(tokens[(start + 1)..centsWord], french);
                if (centsValue is null or > 99)
                {
                    return null;
                }

                cents = (int)centsValue.Value;
                tokens = start < 0 ? [] : tokens[..start];
            }
        }

        var integer = tokens.Where(t => !NumberWords.IsCurrency(t)).ToList();
        while (integer.Count > 0 && integer[^1] is "and" or "et")
        {
            integer.RemoveAt(integer.Count - 1);
        }

        var units = integer.Count == 0 ? 0 : NumberWords.Value(integer, french);
        return units is null ? null : units.Value + (cents / 100m);
    }

    private static List<string> Tokens(string text)
    {
        var folded = OcrText.Fold(text).Replace('-', ' ').Replace('\u2011', ' ').Replace('*', ' ').Replace(',', ' ');
        folded = folded.Replace("quatre vingts", "quatre vingt", StringComparison.Ordinal);
        return [.. folded.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Trim('.', ';', ':'))
            .Select(t => t.StartsWith("d'", StringComparison.Ordinal) || t.StartsWith("d\u2019", StringComparison.Ordinal) ? t[2..] : t)
            .Where(t => t.Length > 0 && t is not ("only" or "seulement" or "exactly"))
            .Select(t => FractionRegex().IsMatch(OcrText.RepairDigits(t)) ? OcrText.RepairDigits(t) : t)];
    }

    /// <summary>Whether a token is the cents fraction ("67/100"); its denominator is always 100, so one read as 1 and two other digits ("48/109") is taken as 100.</summary>
    internal static bool IsFraction(string token) => FractionRegex().IsMatch(OcrText.RepairDigits(token));

    [GeneratedRegex(@"^(\d{1,2})/1\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex FractionRegex();
}
