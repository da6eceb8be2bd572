using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class ArithmeticRuleTests
{
    private static EInvoice WithTotals(Func<DocumentTotals, DocumentTotals> change)
    {
        var e = EInvoiceFixtures.Valid();
        return e with { Totals = change(e.Totals) };
    }

    [Fact]
    public void Check_LineTotalNotSumOfLines_ReportsBrCo10WithBothValues()
    {
        var p = Single(Check(WithTotals(t => t with { LineTotal = 281m, TaxExclusive = 276m, TaxInclusive = 325m, Payable = 325m })), "EN16931_BR_CO_10");

        p.Field.ShouldBe("BT-106");
        p.Value.ShouldBe("281.00");
        p.Message.ShouldBe("BR-CO-10: the sum of invoice line net amounts (BT-106) 281.00 is not the sum of the 3 line net amounts (BT-131) = 280.00");
        p.Location.ShouldBe(new SourceLocation(Document, 90, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount"));
    }

    [Fact]
    public void Check_AllowanceTotalWrong_ReportsBrCo11()
    {
        var p = Single(Check(WithTotals(t => t with { AllowanceTotal = 12m })), "EN16931_BR_CO_11");

        p.Field.ShouldBe("BT-107");
        p.Value.ShouldBe("12.00");
        p.Message.ShouldContain("= 10.00");
    }

    [Fact]
    public void Check_ChargeTotalWrong_ReportsBrCo12()
    {
        var p = Single(Check(WithTotals(t => t with { ChargeTotal = 6m })), "EN16931_BR_CO_12");

        p.Field.ShouldBe("BT-108");
        p.Message.ShouldContain("(BT-108) 6.00");
        p.Message.ShouldContain("= 5.00");
    }

    [Fact]
    public void Check_TotalWithoutVatWrong_ReportsBrCo13()
    {
        var problems = Check(WithTotals(t => t with { TaxExclusive = 276m, TaxInclusive = 325m, Payable = 325m }));

        var p = Single(problems, "EN16931_BR_CO_13");
        p.Message.ShouldBe("BR-CO-13: the total without VAT (BT-109) 276.00 is not the sum of line net amounts (BT-106) 280.00 - allowances (BT-107) 10.00 + charges (BT-108) 5.00 = 275.00");
        problems.Count.ShouldBe(1);
    }

    [Fact]
    public void Check_VatTotalNotSumOfBreakdown_ReportsBrCo14()
    {
        var p = Single(Check(WithTotals(t => t with { TaxTotal = 50m, TaxInclusive = 325m, Payable = 325m })), "EN16931_BR_CO_14");

        p.Field.ShouldBe("BT-110");
        p.Value.ShouldBe("50.00");
        p.Message.ShouldContain("= 49.00");
    }

    [Fact]
    public void Check_TotalWithVatWrong_ReportsBrCo15AsTheEnWords()
    {
        var problems = Check(WithTotals(t => t with { TaxInclusive = 324.07m, Payable = 324.07m }));

        var p = Single(problems, "EN16931_BR_CO_15");
        p.Message.ShouldBe("BR-CO-15: the total with VAT (BT-112) 324.07 is not the total without VAT (BT-109) 275.00 + VAT total (BT-110) 49.00 = 324.00");
        p.Field.ShouldBe("BT-112");
        p.Value.ShouldBe("324.07");
        p.Location.ShouldBe(new SourceLocation(Document, 92, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"));
        problems.Count.ShouldBe(1);
    }

    [Fact]
    public void Check_PayableWrong_ReportsBrCo16()
    {
        var p = Single(Check(WithTotals(t => t with { Payable = 300m })), "EN16931_BR_CO_16");

        p.Field.ShouldBe("BT-115");
        p.Message.ShouldContain("(BT-115) 300.00");
        p.Message.ShouldContain("= 324.00");
    }

    [Fact]
    public void Check_PayableAfterPrepaidAndRounding_HoldsBrCo16()
    {
        Check(WithTotals(t => t with { Prepaid = 24m, Rounding = 0.4m, Payable = 300.4m })).ShouldBeEmpty();
    }

    [Fact]
    public void Check_AmountWithThreeDecimals_WarnsBrDecButComparesAtTwo()
    {
        var problems = Check(WithTotals(t => t with { LineTotal = 280.004m }));

        var p = Single(problems, "EN16931_BR_DEC");
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("BT-106");
        p.Value.ShouldBe("280.004");
        problems.Count.ShouldBe(1);
    }

    [Fact]
    public void Check_LineNetNotQuantityTimesPrice_WarnsWithTheComputation()
    {
        var e = EInvoiceFixtures.Valid();
        e = WithLine(e, 0, l => l with { NetPrice = 100.5m });

        var p = Single(Check(e), "EINVOICE_LINE_NET");

        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("BT-131");
        p.Message.ShouldBe("line 1: net amount (BT-131) 200.00 is not quantity (BT-129) 2 x net price (BT-146) 100.5 = 201.00");
        p.Location.Line.ShouldBe(101);
    }

    [Fact]
    public void Check_LineNetWithBaseQuantityAndLineAllowance_HoldsWithoutWarning()
    {
        var e = EInvoiceFixtures.Valid();
        e = WithLine(e, 0, l => l with
        {
            Quantity = 4m,
            NetPrice = 250m,
            PriceBaseQuantity = 5m,
            AllowancesCharges = [new AllowanceCharge { IsCharge = false, Amount = 10m }, new AllowanceCharge { IsCharge = true, Amount = 10m }],
        });

        Check(e).ShouldBeEmpty();
    }

    [Fact]
    public void Check_CenRoundingIssueExample_LinesThatCancelOut_Hold()
    {
        // CII-BR-CO-10-RoundingIssue.xml of the CEN examples: 720.81 and 0.01 invoiced, then both credited.
        var e = EInvoiceFixtures.Valid() with
        {
            Lines =
            [
                EInvoiceFixtures.Line("1", 1m, 720.81m, "S", 19m),
                EInvoiceFixtures.Line("2", 1m, 0.01m, "Z", 0m),
                EInvoiceFixtures.Line("3", -1m, 720.81m, "S", 19m),
                EInvoiceFixtures.Line("4", -1m, 0.01m, "Z", 0m),
            ],
            AllowancesCharges = [],
            VatBreakdown =
            [
                new VatBreakdown { Category = "Z", Rate = 0m, TaxableAmount = 0m, TaxAmount = 0m },
                new VatBreakdown { Category = "S", Rate = 19m, TaxableAmount = 0m, TaxAmount = 0m },
            ],
            Totals = new DocumentTotals { LineTotal = 0m, ChargeTotal = 0m, AllowanceTotal = 0m, TaxExclusive = 0m, TaxTotal = 0m, TaxInclusive = 0m, Prepaid = 0m, Payable = 0m },
        };

        Check(e).ShouldBeEmpty();
    }
}
