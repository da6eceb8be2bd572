using System.Globalization;

namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>
/// The "VAT key" of a line: its VAT category and rate as <c>{category}-{rate}</c> (<c>S-20</c>, <c>S-5.5</c>,
/// <c>AE-0</c>, <c>E-0</c>), the rate invariant without trailing zeros and 0 when absent. It is the line's default
/// tax code, and the synthetic column <c>VAT</c> a profile maps to the ERP's tax codes.
/// </summary>
internal static class VatKey
{
    public static string? Of(string? category, decimal? rate)
        => string.IsNullOrWhiteSpace(category) ? null : $"{category.Trim().ToUpperInvariant()}-{Rate(rate ?? 0m)}";

    /// <summary>A rate written invariant without trailing zeros: 20, 5.5, 0.</summary>
    public static string Rate(decimal rate) => rate.ToString("0.##########", CultureInfo.InvariantCulture);
}
