using System.Globalization;
using System.Text.RegularExpressions;

namespace Connector.Adapters.Targets;

/// <summary>
/// The early-payment discount a payment terms name states, as ERPs name such terms: <c>2/10 NET 30</c>,
/// <c>2% 10 Net 30</c>, <c>1.5/15 N45</c> (percent, then days). Terms without such a prefix (<c>30 NET</c>) give none.
/// </summary>
internal static partial class PaymentTermsDiscount
{
    public static (decimal? Percent, int? Days) Parse(string? terms)
    {
        var match = terms is null ? Match.Empty : Prefix().Match(terms);
        if (!match.Success
            || !decimal.TryParse(match.Groups["percent"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || !int.TryParse(match.Groups["days"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            || percent is <= 0 or >= 100)
        {
            return (null, null);
        }

        return (percent, days);
    }

    [GeneratedRegex(@"^\s*(?<percent>\d{1,2}(?:\.\d{1,3})?)\s*%?\s*[/ ]\s*(?<days>\d{1,3})\b(?!\s*(?:/|%))", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
