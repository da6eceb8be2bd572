using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class AllowanceRuleTests
{
    private static EInvoice WithAllowance(decimal? baseAmount, decimal? percent, decimal amount = 10m)
    {
        var e = EInvoiceFixtures.Valid();
        return e with { AllowancesCharges = [e.AllowancesCharges[0] with { BaseAmount = baseAmount, Percent = percent, Amount = amount }, e.AllowancesCharges[1]] };
    }

    [Fact]
    public void Check_AmountIsBaseTimesPercent_Holds()
        => Check(WithAllowance(200m, 5m)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceAllowancePercent);

    [Fact]
    public void Check_AmountWithinRounding_Holds()
        => Check(WithAllowance(33.33m, 30m, 10m)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceAllowancePercent);

    [Fact]
    public void Check_AmountContradictsBaseAndPercent_Warns()
    {
        var p = Single(Check(WithAllowance(100m, 1m)), ProblemCodes.EInvoiceAllowancePercent);

        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("BT-92");
        p.Message.ShouldBe("document level allowance 'Remise fidélité': amount (BT-92) 10.00 is not base amount (BT-93) 100.00 x percentage (BT-94) 1 / 100 = 1.00");
    }

    [Fact]
    public void Check_NegativeBaseAndPercentOfCorrection_ComparesMagnitudes()
        => Check(WithAllowance(-5m, -2m, -0.10m)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceAllowancePercent);

    [Fact]
    public void Check_WithoutPercent_NotJudged()
        => Check(WithAllowance(100m, null)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceAllowancePercent);

    [Fact]
    public void Check_LineChargeContradictsPercent_WarnsWithLineTerms()
    {
        var e = WithLine(EInvoiceFixtures.Valid(), 0, l => l with
        {
            AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 10m, BaseAmount = 100m, Percent = 1m }],
            NetAmount = 210m,
        });

        Single(Check(e), ProblemCodes.EInvoiceAllowancePercent).Field.ShouldBe("BT-141");
    }
}
