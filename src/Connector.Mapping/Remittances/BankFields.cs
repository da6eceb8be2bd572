using System.Globalization;

namespace Connector.Mapping.Remittances;

/// <summary>Dates and numbers as bank files write them: two-digit years, unsigned digit strings.</summary>
internal static class BankFields
{
    /// <summary>YYMMDD (BAI2, lockbox deposit dates).</summary>
    public static DateOnly? YyMmDd(string text) => Date(text, 0, 2, 4);

    /// <summary>DDMMYY (CFONB).</summary>
    public static DateOnly? DdMmYy(string text) => Date(text, 4, 2, 0);

    /// <summary>MMDDYY (lockbox cheque dates).</summary>
    public static DateOnly? MmDdYy(string text) => Date(text, 4, 0, 2);

    public static bool AllDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    /// <summary>An unsigned digit string of at most 18 digits as an integer, else null.</summary>
    public static long? Unsigned(string text)
        => AllDigits(text) && text.Length <= 18 ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>The value of minor units with <paramref name="decimals"/> implied decimals.</summary>
    public static decimal Scale(decimal minorUnits, int decimals)
    {
        var value = minorUnits;
        for (var i = 0; i < decimals; i++)
        {
            value /= 10m;
        }

        return value;
    }

    public static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Years 00-79 are 2000-2079, 80-99 are 1980-1999 (bank files older than 1980 do not arrive).</summary>
    private static DateOnly? Date(string text, int year, int month, int day)
    {
        if (text.Length != 6 || !AllDigits(text))
        {
            return null;
        }

        var yy = Two(text, year);
        var mm = Two(text, month);
        var dd = Two(text, day);
        var fullYear = yy < 80 ? 2000 + yy : 1900 + yy;
        return mm is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(fullYear, mm) ? new DateOnly(fullYear, mm, dd) : null;
    }

    private static int Two(string text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');
}
