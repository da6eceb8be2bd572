using System.Globalization;
using System.Text.RegularExpressions;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Dates as cheques and stubs write them: 2026-03-14, 14/03/2026, 03/14/2026, 14.03.2026, March 14, 2026, 14 mars 2026.
/// A numeric date whose day and month could be swapped (03/04/2026) is read in the preferred order, with the other
/// reading as a competing one.
/// </summary>
internal static partial class OcrDates
{
    private static readonly string[] EnglishMonths =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] FrenchMonths =
        ["janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"];

    /// <summary>The first date in the text, with its competing reading if any; null when there is none.</summary>
    public static (DateOnly Value, IReadOnlyList<DateOnly> Alternatives)? Find(string text, bool dayFirst)
    {
        var repaired = string.Join(' ', text.Split(' ').Select(OcrText.RepairDigits));
        var iso = IsoRegex().Match(repaired);
        if (iso.Success && Make(Int(iso, 1), Int(iso, 2), Int(iso, 3)) is { } isoDate)
        {
            return (isoDate, []);
        }

        var numeric = NumericRegex().Match(repaired);
        if (numeric.Success)
        {
            int a = Int(numeric, 1), b = Int(numeric, 2), year = Int(numeric, 3);
            year = year < 100 ? 2000 + year : year;
            var dayMonth = Make(year, b, a);
            var monthDay = Make(year, a, b);
            var first = dayFirst ? dayMonth ?? monthDay : monthDay ?? dayMonth;
            var other = dayFirst ? monthDay : dayMonth;
            if (first is not null)
            {
                return (first.Value, other is not null && other != first ? [other.Value] : []);
            }
        }

        if (Spelled(OcrText.Fold(repaired)) is { } spelled)
        {
            return spelled;
        }

        // A separator read as 1 ("27102/2026" for 27/02/2026): put back when the token then reads as a date.
        var separated = SeparatorAsOne().Replace(repaired, "$1$3$2$3$4");
        separated = SeparatorAsOneLater().Replace(separated, "$1$2$3$2$4");
        return separated != repaired ? Find(separated, dayFirst) : null;
    }

    [GeneratedRegex(@"(?<![\d/.\-])(\d{1,2})1(\d{2})([/.\-])(\d{4})(?![\d/.\-])", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorAsOne();

    [GeneratedRegex(@"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{2})1(\d{4})(?![\d/.\-])", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorAsOneLater();

    /// <summary>
    /// The order a document writes its numeric dates in, from those that can be read only one way (19/02/2026 is day
    /// first, 02/19/2026 month first): true for day first, false for month first, null when none tells or they disagree.
    /// </summary>
    public static bool? DayFirstEvidence(IEnumerable<string> texts)
    {
        int dayFirst = 0, monthFirst = 0;
        foreach (var text in texts)
        {
            var numeric = NumericRegex().Match(string.Join(' ', text.Split(' ').Select(OcrText.RepairDigits)));
            if (!numeric.Success || IsoRegex().IsMatch(text))
            {
                continue;
            }

            int a = Int(numeric, 1), b = Int(numeric, 2);
            dayFirst += a > 12 && b <= 12 ? 1 : 0;
            monthFirst += b > 12 && a <= 12 ? 1 : 0;
        }

        return dayFirst > 0 && monthFirst == 0 ? true : monthFirst > 0 && dayFirst == 0 ? false : null;
    }

    private static (DateOnly, IReadOnlyList<DateOnly>)? Spelled(string folded)
    {
        var monthFirst = MonthFirstRegex().Match(folded);
        if (monthFirst.Success && Month(monthFirst.Groups[1].Value) is { } m1
            && Make(Int(monthFirst, 3), m1, Int(monthFirst, 2)) is { } d1)
        {
            return (d1, []);
        }

        var dayFirst = DayFirstRegex().Match(folded);
        if (dayFirst.Success && Month(dayFirst.Groups[2].Value) is { } m2
            && Make(Int(dayFirst, 3), m2, Int(dayFirst, 1)) is { } d2)
        {
            return (d2, []);
        }

        return null;
    }

    private static int? Month(string word)
    {
        for (var i = 0; i < 12; i++)
        {
            if (word.StartsWith(EnglishMonths[i], StringComparison.Ordinal) || word.StartsWith(FrenchMonths[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return word.StartsWith("fev", StringComparison.Ordinal) ? 2 : null;
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day)
        => year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"(?<!\d)(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirstRegex();

    [GeneratedRegex(@"\b(\d{1,2})(?:er)?\s+([a-z]{3,9})\.?\s+(\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstRegex();
}
