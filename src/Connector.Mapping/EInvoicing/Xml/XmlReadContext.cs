using System.Globalization;
using System.Xml.Linq;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// What one read collects besides the invoice: the problems (each naming the document, the line and the element path)
/// and the spots of the business terms. Parses amounts and dates as the syntaxes write them, never throwing.
/// </summary>
internal sealed class XmlReadContext(string documentName)
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private readonly List<Problem> _problems = [];

    public string DocumentName { get; } = documentName;

    public IReadOnlyList<Problem> Problems => _problems;

    public Dictionary<string, XmlSpot> HeaderSpots { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, XmlSpot> TotalSpots { get; } = new(StringComparer.Ordinal);

    public SourceLocation Where(XElement element)
    {
        var spot = element.Spot();
        return new SourceLocation(DocumentName, spot.Line, spot.Path);
    }

    public void Error(string code, string message, XElement element, string? field = null, string? value = null)
        => _problems.Add(Problem.Error(code, message, Where(element), field, value));

    public void Warning(string code, string message, XElement element, string? field = null, string? value = null)
        => _problems.Add(Problem.Warning(code, message, Where(element), field, value));

    /// <summary>Text of a header term, remembering where it was read.</summary>
    public string? HeaderText(XElement? element, string businessTerm)
    {
        var text = element.Text();
        if (text is not null)
        {
            HeaderSpots[businessTerm] = element!.Spot();
        }

        return text;
    }

    /// <summary>Marks a header term's spot (e.g. a party's name) without reading it here.</summary>
    public void MarkHeader(XElement? element, string businessTerm)
    {
        if (element.Text() is not null)
        {
            HeaderSpots[businessTerm] = element!.Spot();
        }
    }

    /// <summary>An amount, quantity or percent as an invariant decimal ("1234.56", "-3", ".5"); null when absent; a problem when not a number.</summary>
    public decimal? Decimal(XElement? element, string businessTerm)
    {
        var text = element.Text();
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(ProblemCodes.FieldInvalidNumber, $"{businessTerm} '{text}' in {XmlNav.PrefixedName(element!)} is not a number (expected digits with '.' as decimal point).", element!, businessTerm, text);
        return null;
    }

    /// <summary>A total (BT-106..BT-115), remembering where it was read.</summary>
    public decimal? Total(XElement? element, string businessTerm)
    {
        var value = Decimal(element, businessTerm);
        if (element.Text() is not null)
        {
            TotalSpots[businessTerm] = element!.Spot();
        }

        return value;
    }

    /// <summary>A UBL date (xs:date: YYYY-MM-DD, optionally with a time zone such as Z or +01:00).</summary>
    public DateOnly? UblDate(XElement? element, string businessTerm)
    {
        var text = element.Text();
        if (text is null)
        {
            return null;
        }

        var date = text.Length >= 10 ? text[..10] : text;
        var zone = text.Length > 10 ? text[10..] : string.Empty;
        if ((zone.Length == 0 || zone == "Z" || IsZoneOffset(zone))
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Error(ProblemCodes.FieldInvalidDate, $"{businessTerm} '{text}' in {XmlNav.PrefixedName(element!)} is not a date (expected YYYY-MM-DD).", element!, businessTerm, text);
        return null;
    }

    /// <summary>
    /// A CII date: the <c>DateTimeString</c> child of <paramref name="holder"/> (udt or qdt) with its format: 102
    /// (YYYYMMDD); 610 (YYYYMM) gives the first day of the month and 616 (YYYYWW) the Monday of the ISO week (the last
    /// day of the month and the Sunday for the end of a period), each with a warning that the day was not given. A
    /// missing format is read as 102.
    /// </summary>
    public DateOnly? CiiDate(XElement? holder, string businessTerm, bool endOfPeriod = false)
    {
        var element = holder.Child("DateTimeString") ?? holder;
        var text = element.Text();
        if (text is null || element is null)
        {
            return null;
        }

        var format = element.Attr("format") ?? "102";
        switch (format)
        {
            case "102" when DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return day;
            case "610" when DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month):
                var inMonth = endOfPeriod ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month;
                Warning(ProblemCodes.FieldInvalidDate, $"{businessTerm} '{text}' gives a month only (format 610); read as {Iso(inMonth)}.", element, businessTerm, text);
                return inMonth;
            case "616" when TryWeek(text, out var monday):
                var inWeek = endOfPeriod ? monday.AddDays(6) : monday;
                Warning(ProblemCodes.FieldInvalidDate, $"{businessTerm} '{text}' gives a week only (format 616); read as its {(endOfPeriod ? "Sunday" : "Monday")} {Iso(inWeek)}.", element, businessTerm, text);
                return inWeek;
            default:
                Error(ProblemCodes.FieldInvalidDate, $"{businessTerm} '{text}' with format '{format}' is not a date (expected format 102, YYYYMMDD).", element, businessTerm, text);
                return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryWeek(string text, out DateOnly monday)
    {
        monday = default;
        if (text.Length != 6
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || year > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    private static bool IsZoneOffset(string zone)
        => zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
            && char.IsAsciiDigit(zone[1]) && char.IsAsciiDigit(zone[2]) && char.IsAsciiDigit(zone[4]) && char.IsAsciiDigit(zone[5]);
}
