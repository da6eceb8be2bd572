using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.CashApplication.CashFixtures;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class EngineAmountRuleTests
{
    private static readonly OpenItem Discounted = Item("INV-0000700", "C-1", 1000.00m, invoiceDay: 0, discountPercent: 2m, discountDays: 10);

    [Fact]
    public void Apply_DiscountWithinTerms_IsTakenAutomatically()
    {
        var result = Apply(Payment(980m, "Acme Corporation", paidDay: 9, lines: Line(1, "INV-0000700", 980m)), Discounted);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        var application = result.Applications.ShouldHaveSingleItem();
        application.AmountApplied.ShouldBe(980m);
        application.DiscountTaken.ShouldBe(20m);
        application.Deduction.ShouldBe(0m);
        application.Explanation.ShouldContain("less the 2 % discount 20.00 of terms 2/10 NET 30, paid 2026-10-10 within 10 days of 2026-10-01");
    }

    [Fact]
    public void Apply_DiscountAfterItsWindow_IsAShortPaymentBeyondTolerance()
    {
        var result = Apply(Payment(980m, "Acme Corporation", paidDay: 15, lines: Line(1, "INV-0000700", 980m)), Discounted);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.ShouldHaveSingleItem().Reason.ShouldContain("discount was taken 5 days after its window closed 2026-10-11");
    }

    [Fact]
    public void Apply_DiscountWithinGraceDays_IsTaken()
    {
        var payment = Payment(980m, "Acme Corporation", paidDay: 12, lines: Line(1, "INV-0000700", 980m));

        var result = Engine(new CashApplicationOptions { DiscountGraceDays = 2 }).Apply(payment, OpenItemBook.Build([Discounted]), Matcher());

        result.Applications.ShouldHaveSingleItem().DiscountTaken.ShouldBe(20m);
    }

    [Fact]
    public void Apply_DiscountWithoutReferenceWithinTerms_AppliesByAmountAndCustomer()
    {
        var result = Apply(Payment(980m, "Acme Corporation", paidDay: 3), Discounted, Item("INV-0000701", "C-1", 333m));

        var application = result.Applications.ShouldHaveSingleItem();
        application.Rule.ShouldBe(CashRules.AmountAndCustomer);
        application.DiscountTaken.ShouldBe(20m);
    }

    [Fact]
    public void Apply_ShortWithinTolerance_AppliesInFullWithADeduction()
    {
        var result = Apply(Payment(996m, "Acme Corporation", lines: Line(1, "INV-0000700", 996m)), Discounted with { DiscountPercent = null });

        var application = result.Applications.ShouldHaveSingleItem();
        application.AmountApplied.ShouldBe(996m);
        application.Deduction.ShouldBe(4m);
        application.DeductionReason.ShouldBe("SHORT_PAY");
        application.Closed.ShouldBe(1000m);
        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
    }

    [Fact]
    public void Apply_ShortWithReasonFromTheRemittance_KeepsThatReason()
    {
        var result = Apply(Payment(997m, "Acme Corporation", lines: Line(1, "INV-0000700", 997m, deduction: 3m, reason: "DAMAGED")), Discounted);

        result.Applications.ShouldHaveSingleItem().DeductionReason.ShouldBe("DAMAGED");
    }

    [Theory]
    [InlineData(994.00)]
    [InlineData(500.00)]
    public void Apply_ShortBeyondTolerance_IsProposedNotApplied(decimal paid)
    {
        var result = Apply(Payment(paid, "Acme Corporation", lines: Line(1, "INV-0000700", paid)), Discounted);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        var candidate = result.Candidates.ShouldHaveSingleItem();
        candidate.Reason.ShouldContain("beyond the tolerance 5.00");
        result.Unapplied.ShouldBe(paid);
    }

    [Fact]
    public void Apply_ShortOnASmallInvoice_UsesThePercentLimit()
    {
        var result = Apply(Payment(197.50m, "Acme Corporation", lines: Line(1, "INV-1", 197.50m)), Item("INV-1", "C-1", 200m));

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates[0].Reason.ShouldContain("beyond the tolerance 2.00");
    }

    [Fact]
    public void Apply_Overpayment_AppliesTheOpenAmountAndLeavesTheRestOnAccount()
    {
        var result = Apply(Payment(1050m, "Acme Corporation", text: "INV-0000700"), Discounted);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        result.Applications.ShouldHaveSingleItem().AmountApplied.ShouldBe(1000m);
        result.OnAccount.ShouldBe(50m);
        result.Unapplied.ShouldBe(0m);
    }

    [Fact]
    public void Apply_NoReferenceOneItemForTheAmount_AppliesByAmountAndCustomer()
    {
        var result = Apply(Payment(333m, "Acme Corporation"), Item("INV-1", "C-1", 333m), Item("INV-2", "C-1", 334m), Item("INV-3", "C-2", 333m));

        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.Number.ShouldBe("INV-1");
        application.Rule.ShouldBe(CashRules.AmountAndCustomer);
    }

    [Fact]
    public void Apply_NoReferenceTwoItemsForTheAmount_ProposesBoth()
    {
        var result = Apply(Payment(333m, "Acme Corporation"), Item("INV-1", "C-1", 333m), Item("INV-2", "C-1", 333m, invoiceDay: 3));

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.Select(c => c.Item.Number).ShouldBe(["INV-1", "INV-2"]);
    }

    [Fact]
    public void Apply_NoReferenceUnknownPayer_ProposesItemsForTheAmount()
    {
        var result = Apply(Payment(333m, "Somebody Unknown"), Item("INV-1", "C-1", 333m));

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.ShouldHaveSingleItem().Item.Number.ShouldBe("INV-1");
    }

    [Fact]
    public void Apply_NoReferenceOneCombinationSums_AppliesTheCombination()
    {
        OpenItem[] items = [Item("INV-1", "C-1", 100.10m), Item("INV-2", "C-1", 200.20m, 1), Item("INV-3", "C-1", 450.45m, 2), Item("INV-4", "C-1", 77.07m, 3)];

        var result = Apply(Payment(627.62m, "Acme Corporation"), items);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        result.Applications.Select(a => a.Item.Number).ShouldBe(["INV-1", "INV-3", "INV-4"]);
        result.Applications.ShouldAllBe(a => a.Rule == CashRules.Combination);
    }

    [Fact]
    public void Apply_NoReferenceTwoCombinationsSum_ProposesAndAppliesNothing()
    {
        OpenItem[] items = [Item("INV-1", "C-1", 100m), Item("INV-2", "C-1", 250m), Item("INV-3", "C-1", 150m), Item("INV-4", "C-1", 200m)];

        var result = Apply(Payment(350m, "Acme Corporation"), items);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Explanation.ShouldContain("two different combinations");
        result.Candidates.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Apply_NoReferenceCombinationsOfDifferentSizes_TakesTheFewestItems()
    {
        OpenItem[] items = [Item("INV-1", "C-1", 100m), Item("INV-2", "C-1", 200m), Item("INV-3", "C-1", 300m), Item("INV-4", "C-1", 50m)];

        var result = Apply(Payment(350m, "Acme Corporation"), items);

        result.Applications.Select(a => a.Item.Number).ShouldBe(["INV-3", "INV-4"]);
    }

    [Fact]
    public void Apply_NoReferenceAmongManyItemsOfSimilarAmounts_DoesNotTrustACombination()
    {
        var items = Enumerable.Range(1, 40).Select(i => Item($"INV-{i}", "C-1", 100m + (i * 1.37m), i % 20)).ToArray();

        var result = Apply(Payment(items[0].OpenAmount + items[7].OpenAmount + items[30].OpenAmount, "Acme Corporation"), items);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Explanation.ShouldContain("an exact one would likely be a coincidence");
    }

    [Fact]
    public void Apply_PaymentsInParallelForOneInvoice_ApplyItOnce()
    {
        var book = OpenItemBook.Build([Item("INV-0000700", "C-1", 1000m)]);
        var engine = Engine();
        var matcher = Matcher();

        var results = Enumerable.Range(0, 16).AsParallel()
            .Select(_ => engine.Apply(Payment(1000m, "Acme Corporation", lines: Line(1, "INV-0000700", 1000m)), book, matcher)).ToList();

        results.Count(r => r.Outcome == ApplicationOutcome.FullyApplied).ShouldBe(1);
        book.Available(0).ShouldBe(0m);
    }

    [Fact]
    public void Release_AppliedResult_GivesTheItemBack()
    {
        var book = OpenItemBook.Build([Item("INV-0000700", "C-1", 1000m)]);
        var result = Engine().Apply(Payment(996m, "Acme Corporation", lines: Line(1, "INV-0000700", 996m)), book, Matcher());

        book.Available(0).ShouldBe(0m);
        CashApplicationEngine.Release(result, book);

        book.Available(0).ShouldBe(1000m);
    }

    [Fact]
    public void Apply_SeveralNumbersInTextTogether_AppliesThemAll()
    {
        OpenItem[] items = [Item("INV-0000001", "C-1", 100m), Item("INV-0000002", "C-1", 250m), Item("INV-0000003", "C-1", 40m)];

        var result = Apply(Payment(350m, "Acme Corporation", text: "PAYMENT INV-0000001 INV-0000002"), items);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        result.Applications.Select(a => a.Item.Number).ShouldBe(["INV-0000001", "INV-0000002"]);
        result.Applications.ShouldAllBe(a => a.Rule == CashRules.NumberInText);
    }

    [Fact]
    public void Apply_TextNamesMoreItemsThanPaid_AppliesTheOneSubsetThatSums()
    {
        OpenItem[] items = [Item("INV-0000001", "C-1", 100m), Item("INV-0000002", "C-1", 250m), Item("INV-0000003", "C-1", 40m)];

        var result = Apply(Payment(140m, "Acme Corporation", text: "INV 1, 2 AND INV-0000003 / INV-0000001"), items);

        result.Applications.Select(a => a.Item.Number).ShouldBe(["INV-0000003", "INV-0000001"]);
    }
}
