using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>X12 data elements: R (decimal with optional sign and point) and DT (CCYYMMDD, or YYMMDD in old versions).</summary>
internal static class X12Values
{
    /// <summary>Element n of the segment as an amount; null when absent; a problem (and null) when it is not a number.</summary>
    public static decimal? Amount(X12Segment segment, int position, string documentName, List<Problem> problems)
    {
        var text = segment[position];
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(Problem.Error(
            ProblemCodes.FieldInvalidNumber,
            $"{segment.Name(position)} '{text}' is not an amount (placeholder or template text?).",
            segment.At(documentName, position),
            segment.Name(position),
            text));
        return null;
    }

    /// <summary>Whether element n is present and not a number (the caller has reported it).</summary>
    public static bool IsInvalidAmount(X12Segment segment, int position)
        => segment[position] is { } text && !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    public static DateOnly? Date(X12Segment segment, int position, string documentName, List<Problem> problems)
    {
        var text = segment[position];
        if (text is null)
        {
            return null;
        }

        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length == 6 && DateOnly.TryParseExact(text, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        problems.Add(Problem.Error(
            ProblemCodes.FieldInvalidDate,
            $"{segment.Name(position)} '{text}' is not a date (CCYYMMDD).",
            segment.At(documentName, position),
            segment.Name(position),
            text));
        return null;
    }

    /// <summary>A segment as text for the free text and line notes: its id and non-empty elements, e.g. "REF PO 999999999".</summary>
    public static string Describe(X12Segment segment) => string.Join(' ', segment.Elements.Where(e => e.Length > 0));
}
