using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.CashApplication.CashFixtures;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class EngineReferenceRuleTests
{
    private static readonly OpenItem[] Book =
    [
        Item("INV-0001234", "C-1", 500.00m),
        Item("F26-004512", "C-1", 120.50m),
        Item("F26-004513", "C-2", 120.50m),
        Item("INV-0001240", "C-2", 75.00m),
    ];

    [Fact]
    public void Apply_ExactNumber_AppliesInFullAndSaysWhy()
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0001234", 500m)), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.Number.ShouldBe("INV-0001234");
        application.AmountApplied.ShouldBe(500m);
        application.Rule.ShouldBe(CashRules.ExactNumber);
        application.Explanation.ShouldBe("line 1: \"INV-0001234\" is the number INV-0001234 (C-1, open 500.00 EUR): 500.00 pays the open 500.00 in full");
        result.PayerAccount.ShouldBe("C-1");
        result.Unapplied.ShouldBe(0m);
    }

    [Theory]
    [InlineData("inv 1234")]
    [InlineData("Invoice no. 0001234")]
    [InlineData("1234")]
    public void Apply_NumberWithPrefixSeparatorsOrZerosChanged_AppliesByNormalisedNumber(string written)
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: Line(1, written, 500m)), Book);

        result.Applications.ShouldHaveSingleItem().Rule.ShouldBe(CashRules.NormalisedNumber);
        result.Applications[0].Item.Number.ShouldBe("INV-0001234");
    }

    [Fact]
    public void Apply_OcrMisreadNumber_AppliesByFoldedNumber()
    {
        var result = Apply(Payment(120.50m, "Acme Corporation", lines: Line(1, "F26-OO4S12", 120.50m)), Book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Rule.ShouldBe(CashRules.OcrNumber);
        application.Item.Number.ShouldBe("F26-004512");
    }

    [Fact]
    public void Apply_NumberOnlyInFreeText_AppliesByNumberInText()
    {
        var result = Apply(Payment(120.50m, "Acme Corporation", text: "VIR SEPA ACME CORP | REGLEMENT FACT F26 004512 DU 03/10/2026"), Book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Rule.ShouldBe(CashRules.NumberInText);
        application.Item.Number.ShouldBe("F26-004512");
    }

    [Fact]
    public void Apply_AnotherCustomersInvoiceWithTheExactAmount_AppliesAndSaysItIsAnotherCustomers()
    {
        var result = Apply(Payment(75m, "Acme Corporation", lines: Line(1, "INV-0001240", 75m)), Book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.CustomerAccount.ShouldBe("C-2");
        application.Explanation.ShouldContain("the item is customer C-2's, not the payer C-1's: applied only because the amount matches it exactly");
    }

    [Fact]
    public void Apply_AnotherCustomersInvoiceShortPaid_IsNotApplied()
    {
        var result = Apply(Payment(74m, "Acme Corporation", lines: Line(1, "INV-0001240", 74m)), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.ShouldHaveSingleItem().Item.Number.ShouldBe("INV-0001240");
        result.Unapplied.ShouldBe(74m);
    }

    [Fact]
    public void Apply_UnknownPayerExactNumberAndAmount_AppliesAndTakesTheCustomerFromTheItem()
    {
        var result = Apply(Payment(500m, "Unheard Of Trading", lines: Line(1, "INV-0001234", 500m)), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        result.PayerAccount.ShouldBe("C-1");
        result.Applications[0].Explanation.ShouldContain("the payer is not identified");
    }

    [Fact]
    public void Apply_UnknownPayerShortPayment_IsNotApplied()
        => Apply(Payment(498m, "Unheard Of Trading", lines: Line(1, "INV-0001234", 498m)), Book).Outcome.ShouldBe(ApplicationOutcome.Unapplied);

    [Fact]
    public void Apply_OtherCurrency_IsNotApplied()
    {
        var result = Apply(Payment(500m, "Acme Corporation", currency: "USD", lines: Line(1, "INV-0001234", 500m)), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Applications.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_MistypedReferenceWithTheAmountOfOneOfThePayersItems_AppliesByAmountNearTheNumber()
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0001243", 500m)), Book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Rule.ShouldBe(CashRules.AmountAndCustomer);
        application.Explanation.ShouldContain("within two typing errors of \"INV-0001243\"");
    }

    [Fact]
    public void Apply_MistypedReferenceAmongItemsOfTheSameAmount_TakesTheOneNearTheNumber()
    {
        OpenItem[] book = [Item("INV-0005120", "C-3", 99.90m), Item("INV-0007345", "C-3", 99.90m), Item("INV-0009871", "C-3", 99.90m)];

        var result = Apply(Payment(99.90m, "Initech Ltd", lines: Line(1, "INV-0007354", 99.90m)), book);

        result.Applications.ShouldHaveSingleItem().Item.Number.ShouldBe("INV-0007345");
        result.Explanation.ShouldContain("of the payer's 3 open items for 99.90, only INV-0007345 is near the reference");
    }

    [Fact]
    public void Apply_MistypedReferenceNearTwoItemsOfTheSameAmount_Proposes()
    {
        OpenItem[] book = [Item("INV-0007345", "C-3", 99.90m), Item("INV-0007346", "C-3", 99.90m)];

        var result = Apply(Payment(99.90m, "Initech Ltd", lines: Line(1, "INV-0007348", 99.90m)), book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.Count.ShouldBe(2);
    }

    [Fact]
    public void Apply_MistypedIntoAnotherCustomersNumber_FallsThroughToThePayersItemNearIt()
    {
        OpenItem[] book = [Item("F26-004512", "C-1", 310.00m), Item("F26-004513", "C-2", 75.00m)];

        var result = Apply(Payment(310m, "Acme Corporation", lines: Line(1, "F26-004513", 310m)), book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.Number.ShouldBe("F26-004512");
        application.Rule.ShouldBe(CashRules.AmountAndCustomer);
    }

    [Fact]
    public void Apply_ReferenceToAnInvoiceNotInTheBookWithACoincidentAmount_IsNotApplied()
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0098777", 500m)), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Candidates.ShouldHaveSingleItem().Item.Number.ShouldBe("INV-0001234");
    }

    [Fact]
    public void Apply_TwoLinesAndACreditNote_AppliesEachLine()
    {
        OpenItem[] book = [.. Book, Item("CN-77", "C-1", -20.50m)];
        var payment = Payment(600m, "Acme Corporation", lines: [Line(1, "INV-0001234", 500m), Line(2, "F26-004512", 120.50m), Line(3, "CN-77", 20.50m, ReferenceKind.CreditNote)]);

        var result = Apply(payment, book);

        result.Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        result.Applications.Select(a => (a.Item.Number, a.AmountApplied)).ShouldBe([("INV-0001234", 500m), ("F26-004512", 120.50m), ("CN-77", -20.50m)]);
    }

    [Fact]
    public void Apply_SameInvoiceTwiceInARun_SecondPaymentIsNotApplied()
    {
        var book = OpenItemBook.Build(Book);
        var engine = Engine();
        var matcher = Matcher();

        engine.Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0001234", 500m)), book, matcher).Outcome.ShouldBe(ApplicationOutcome.FullyApplied);
        var second = engine.Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0001234", 500m)), book, matcher);

        second.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        second.Explanation.ShouldContain("line 1: \"INV-0001234\" is INV-0001234, already settled by another payment of this run");
    }

    [Fact]
    public void Apply_CreditorReferenceTheInvoiceAskedFor_AppliesByPaymentReference()
    {
        OpenItem[] book = [.. Book, Item("F26-009999", "C-3", 42.00m) with { PaymentReference = "RF18 5390 0754 7034" }];

        var result = Apply(Payment(42m, "Initech Ltd", lines: Line(1, "RF18539007547034", 42m, ReferenceKind.CreditorReference)), book);

        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.Number.ShouldBe("F26-009999");
        application.Rule.ShouldBe(CashRules.PaymentReference);
    }

    [Fact]
    public void Apply_LinesAddingUpToMoreThanThePayment_AppliesNothing()
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: [Line(1, "INV-0001234", 500m), Line(2, "F26-004512", 120.50m)]), Book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Explanation.ShouldContain("would exceed the payment 500.00: none is made");
        result.Candidates.Select(c => c.Item.Number).ShouldBe(["INV-0001234", "F26-004512"], ignoreOrder: true);
    }

    [Fact]
    public void Apply_PayerUnderAnotherNameKnownByItsLearnedBankAccount_AppliesByAmountAndCustomer()
    {
        var matcher = Matcher(new CustomerAlias("FR7630006000011234567890189", "C-2"));
        var payment = Payment(75m, "NOVAK BERG TREASURY SERVICES", bankAccount: "FR76 3000 6000 0112 3456 7890 189");

        var result = Engine().Apply(payment, OpenItemBook.Build(Book), matcher);

        result.PayerAccount.ShouldBe("C-2");
        var application = result.Applications.ShouldHaveSingleItem();
        application.Item.Number.ShouldBe("INV-0001240");
        application.Rule.ShouldBe(CashRules.AmountAndCustomer);
        result.Explanation.ShouldStartWith("payer: bank account \"FR76 3000 6000 0112 3456 7890 189\" was learned for C-2");
    }

    [Fact]
    public void Apply_Debit_AppliesNothing()
    {
        var result = Apply(Payment(500m, "Acme Corporation", lines: Line(1, "INV-0001234", 500m)) with { Direction = EntryDirection.Debit }, Book);

        result.Outcome.ShouldBe(ApplicationOutcome.Unapplied);
        result.Explanation.ShouldStartWith("a debit is not a customer's payment");
    }
}
