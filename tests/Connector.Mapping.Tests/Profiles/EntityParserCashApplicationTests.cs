using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Profiles;

public sealed class EntityParserCashApplicationTests
{
    [Fact]
    public void Parse_NoCashApplicationSection_TakesTheDefaults()
    {
        var options = EntityParser.Parse(EntityParserTests.Valid, "/m/fr01/entity.yaml", "/m/fr01").Value!.CashApplication;

        options.ShortPaymentTolerance.ShouldBe(5.00m);
        options.ShortPaymentTolerancePercent.ShouldBe(1m);
        options.DeductionReason.ShouldBe("SHORT_PAY");
        options.DiscountGraceDays.ShouldBe(0);
        options.MaxCombinationItems.ShouldBe(6);
        options.CombinationNearWindow.ShouldBe(100m);
        options.CombinationMaxNearMisses.ShouldBe(20);
    }

    [Fact]
    public void Parse_CashApplicationSection_ReadsEveryOption()
    {
        const string section = """

            cash_application:
              short_payment_tolerance: 10.50
              short_payment_tolerance_percent: 0.5
              deduction_reason: SHORT-PAID
              discount_grace_days: 3
              max_combination_items: 4
              combination_near_window: 25
              combination_max_near_misses: 5
              combination_search_budget: 50000
              payer_name_min_score: 95
              max_candidates: 8
            """;

        var result = EntityParser.Parse(EntityParserTests.Valid + section, "/m/fr01/entity.yaml", "/m/fr01");

        result.Errors.ShouldBeEmpty();
        var options = result.Value!.CashApplication;
        options.ShortPaymentTolerance.ShouldBe(10.50m);
        options.ShortPaymentTolerancePercent.ShouldBe(0.5m);
        options.DeductionReason.ShouldBe("SHORT-PAID");
        options.DiscountGraceDays.ShouldBe(3);
        options.MaxCombinationItems.ShouldBe(4);
        options.CombinationNearWindow.ShouldBe(25m);
        options.CombinationMaxNearMisses.ShouldBe(5);
        options.CombinationSearchBudget.ShouldBe(50_000);
        options.PayerNameMinScore.ShouldBe(95);
        options.MaxCandidates.ShouldBe(8);
    }

    [Fact]
    public void Parse_BadCashApplicationValues_ReportsEachWithItsKey()
    {
        const string section = """

            cash_application:
              short_payment_tolerance: -1
              short_payment_tolerance_percent: 150
              deduction_reason: "short pay!"
              max_combination_items: 40
              colour: blue
            """;

        var result = EntityParser.Parse(EntityParserTests.Valid + section, "/m/fr01/entity.yaml", "/m/fr01");

        result.Succeeded.ShouldBeFalse();
        var keys = result.Errors.Select(e => e.Key).ToList();
        keys.ShouldContain("cash_application.short_payment_tolerance");
        keys.ShouldContain("cash_application.short_payment_tolerance_percent");
        keys.ShouldContain("cash_application.deduction_reason");
        keys.ShouldContain("cash_application.max_combination_items");
        keys.ShouldContain("cash_application.colour");
    }
}
