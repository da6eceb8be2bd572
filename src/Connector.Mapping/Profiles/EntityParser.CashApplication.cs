using System.Text.RegularExpressions;
using Connector.Mapping.CashApplication;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

internal static partial class EntityParser
{
    private static CashApplicationOptions ParseCashApplication(YamlDoc doc, YamlMappingNode? node)
    {
        var options = new CashApplicationOptions();
        if (node is null)
        {
            return options;
        }

        const string p = "cash_application";
        var c = doc.Entries(node, p, "short_payment_tolerance", "short_payment_tolerance_percent", "deduction_reason", "discount_grace_days",
            "max_combination_items", "combination_near_window", "combination_max_near_misses", "combination_search_budget", "payer_name_min_score", "max_candidates");
        var percent = doc.Decimal(c, p, "short_payment_tolerance_percent");
        if (percent > 100m)
        {
            doc.Error("cash_application.short_payment_tolerance_percent", "must be from 0 to 100", c["short_payment_tolerance_percent"]);
            percent = null;
        }

        var reason = doc.String(c, p, "deduction_reason");
        if (reason is not null && !ReasonPattern().IsMatch(reason))
        {
            doc.Error("cash_application.deduction_reason", $"'{reason}' is not a reason code (1 to 30 of A-Z, 0-9, _ and -)", c["deduction_reason"]);
            reason = null;
        }

        return new CashApplicationOptions
        {
            ShortPaymentTolerance = doc.Decimal(c, p, "short_payment_tolerance") ?? options.ShortPaymentTolerance,
            ShortPaymentTolerancePercent = percent ?? options.ShortPaymentTolerancePercent,
            DeductionReason = reason ?? options.DeductionReason,
            DiscountGraceDays = doc.Int(c, p, "discount_grace_days", 0, 365) ?? options.DiscountGraceDays,
            MaxCombinationItems = doc.Int(c, p, "max_combination_items", 1, 12) ?? options.MaxCombinationItems,
            CombinationNearWindow = doc.Decimal(c, p, "combination_near_window") ?? options.CombinationNearWindow,
            CombinationMaxNearMisses = doc.Int(c, p, "combination_max_near_misses", 0, 10_000) ?? options.CombinationMaxNearMisses,
            CombinationSearchBudget = doc.Int(c, p, "combination_search_budget", 1_000, 100_000_000) ?? options.CombinationSearchBudget,
            PayerNameMinScore = doc.Int(c, p, "payer_name_min_score", 0, 100) ?? options.PayerNameMinScore,
            MaxCandidates = doc.Int(c, p, "max_candidates", 1, 50) ?? options.MaxCandidates,
        };
    }

    [GeneratedRegex("^[A-Z0-9_-]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonPattern();
}
