using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

/// <summary>Rules the claimed profile cannot hold: ZUGFeRD 1.0 line ids and amount due, MINIMUM's paid amount.</summary>
public sealed class ScopeRuleTests
{
    private static EInvoice Zugferd1(EInvoiceProfile profile) => EInvoiceFixtures.Valid() with
    {
        Syntax = EInvoiceSyntax.Zugferd1,
        SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:extended",
        Profile = profile,
        Lines = [.. EInvoiceFixtures.Valid().Lines.Select(l => l with { Id = string.Empty })],
    };

    [Fact]
    public void Check_Zugferd1ExtendedLinesWithoutId_NoBr21()
        => Check(Zugferd1(EInvoiceProfile.Zugferd1Extended)).ShouldNotContain(p => p.Code == "EN16931_BR_21");

    [Fact]
    public void Check_En16931LinesWithoutId_ReportsBr21()
    {
        var e = EInvoiceFixtures.Valid() with { Lines = [.. EInvoiceFixtures.Valid().Lines.Select(l => l with { Id = string.Empty })] };

        Check(e).Count(p => p.Code == "EN16931_BR_21").ShouldBe(3);
    }

    [Fact]
    public void Check_Zugferd1BasicWithoutAmountDue_NoBr15()
    {
        var e = Zugferd1(EInvoiceProfile.Zugferd1Basic);
        e = e with { Totals = e.Totals with { Payable = null } };

        Check(e).ShouldNotContain(p => p.Code == "EN16931_BR_15");
    }

    [Fact]
    public void Check_Zugferd1ComfortWithoutAmountDue_ReportsBr15()
    {
        var e = Zugferd1(EInvoiceProfile.Zugferd1Comfort);
        e = e with { Totals = e.Totals with { Payable = null } };

        Single(Check(e), "EN16931_BR_15").Severity.ShouldBe(ProblemSeverity.Error);
    }

    [Fact]
    public void Check_MinimumAmountDueBelowTotalWithoutPaidAmount_WarnsBrCo16()
    {
        var e = EInvoiceFixtures.Valid() with { Profile = EInvoiceProfile.Minimum, SpecificationId = "urn:factur-x.eu:1p0:minimum", Lines = [], AllowancesCharges = [], VatBreakdown = [] };
        e = e with { Totals = e.Totals with { LineTotal = null, AllowanceTotal = null, ChargeTotal = null, Payable = 124m } };

        var p = Single(Check(e), "EN16931_BR_CO_16");
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Message.ShouldContain("taken as paid in advance");
    }

    [Fact]
    public void Check_En16931AmountDueBelowTotalWithoutPaidAmount_ErrorBrCo16()
    {
        var e = EInvoiceFixtures.Valid();
        e = e with { Totals = e.Totals with { Payable = 124m } };

        Single(Check(e), "EN16931_BR_CO_16").Severity.ShouldBe(ProblemSeverity.Error);
    }
}
