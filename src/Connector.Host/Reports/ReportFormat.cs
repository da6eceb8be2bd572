using System.Globalization;

namespace Connector.Host.Reports;

/// <summary>How report values are written as text: invariant culture, fixed formats.</summary>
internal static class ReportFormat
{
    /// <summary>For people: 2 decimals with thousands separators, e.g. <c>-1,234,567.80</c>.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>For machines (CSV): 2 decimals at least, no separators, nothing rounded away, e.g. <c>-1234567.80</c>.</summary>
    public static string PlainAmount(decimal amount) => amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    public static string Count(int count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string PlainCount(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the offset, e.g. <c>2026-03-17T08:30:00+01:00</c>.</summary>
    public static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>For people: <c>2026-03-17 08:30:00 +01:00</c>.</summary>
    public static string ReadableTimestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration)
        => duration < TimeSpan.Zero
            ? "-"
            : duration.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes:00} min")
                : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes} min {duration.Seconds:00} s");
}
