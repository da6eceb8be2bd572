using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances;

namespace Connector.Mapping.Tests.Remittances;

public sealed class AdviceReassociationTests
{
    private static readonly Func<PayerReference, string?> Accounts = payer => payer.CustomerAccount
        ?? (payer.Name?.Contains("NEXA", StringComparison.OrdinalIgnoreCase) == true ? "C10025" : null);

    private static Remittance Credit(decimal amount, string? number = "E2E-1", string payer = "NEXA IMMOBILIER") => new()
    {
        EntityCode = "FR01",
        PaymentNumber = number,
        Amount = amount,
        Currency = "EUR",
        BookingDate = new DateOnly(2026, 11, 20),
        Payer = new PayerReference { Name = payer },
        Source = new SourceLocation("camt.xml", 10),
    };

    private static Remittance Advice(decimal amount, string number, string account = "C10025", int day = 18) => new()
    {
        EntityCode = "FR01",
        PaymentNumber = number,
        AdviceOnly = true,
        Amount = amount,
        Currency = "EUR",
        PaymentDate = new DateOnly(2026, 11, day),
        Payer = new PayerReference { CustomerAccount = account },
        Lines = [new RemittanceLine { LineNumber = 1, Reference = "F26-004532", AmountPaid = amount, Source = new SourceLocation("avis.csv", 2) }],
        Source = new SourceLocation("avis.csv", 2),
    };

    [Fact]
    public void Find_SameReferenceAndAmount_IsThatAdvice()
    {
        var match = AdviceReassociation.Find(Credit(714.48m, "VIR-77"), [Advice(714.48m, "X"), Advice(714.48m, "vir 77")], Accounts);

        match!.AdviceIndex.ShouldBe(1);
        match.Reason.ShouldContain("reference");
    }

    [Fact]
    public void Find_NoReferenceSamePayerAmountWithinTheWindow_IsThatAdvice()
    {
        var match = AdviceReassociation.Find(Credit(1929.92m), [Advice(714.48m, "A1"), Advice(1929.92m, "A2")], Accounts);

        match!.AdviceIndex.ShouldBe(1);
        match.Reason.ShouldContain("C10025");
    }

    [Fact]
    public void Find_TwoAdvicesFitEqually_ChoosesNone()
    {
        AdviceReassociation.Find(Credit(714.48m), [Advice(714.48m, "A1"), Advice(714.48m, "A2", day: 19)], Accounts).ShouldBeNull();
    }

    [Fact]
    public void Find_OutsideTheWindowOrAnotherPayerOrAmount_NoAdvice()
    {
        AdviceReassociation.Find(Credit(714.48m), [Advice(714.48m, "A1", day: 1)], Accounts).ShouldBeNull();
        AdviceReassociation.Find(Credit(714.48m), [Advice(714.48m, "A1", account: "C10001")], Accounts).ShouldBeNull();
        AdviceReassociation.Find(Credit(714.49m), [Advice(714.48m, "A1")], Accounts).ShouldBeNull();
        AdviceReassociation.Find(Credit(714.48m, payer: "SOMEONE"), [Advice(714.48m, "A1")], Accounts).ShouldBeNull();
    }

    [Fact]
    public void Find_AdviceNotMarkedAsAdvice_IsNotUsed()
    {
        AdviceReassociation.Find(Credit(714.48m), [Advice(714.48m, "A1") with { AdviceOnly = false }], Accounts).ShouldBeNull();
    }

    [Fact]
    public void Merge_CreditTakesTheAdviceLinesAndKeepsItsMoney()
    {
        var credit = Credit(714.48m) with { FreeText = "VIR NEXA" };

        var merged = AdviceReassociation.Merge(credit, Advice(714.48m, "A1"), "same customer");

        merged.Amount.ShouldBe(714.48m);
        merged.PaymentNumber.ShouldBe("E2E-1");
        merged.Lines.Single().Reference.ShouldBe("F26-004532");
        merged.Payer.CustomerAccount.ShouldBe("C10025");
        merged.FreeText!.ShouldContain("remittance advice A1");
        merged.AdviceOnly.ShouldBeFalse();
    }
}
