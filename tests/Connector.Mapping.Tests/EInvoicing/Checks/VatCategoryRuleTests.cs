using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class VatCategoryRuleTests
{
    /// <summary>The fixture with its exempt line and breakdown turned into category <paramref name="category"/>.</summary>
    private static EInvoice WithCategory(string category, string? code, string? reason = null)
    {
        var e = WithLine(EInvoiceFixtures.Valid(), 2, l => l with { VatCategory = category });
        return WithBreakdown(e, 1, b => b with { Category = category, ExemptionReasonCode = code, ExemptionReason = reason });
    }

    [Fact]
    public void Check_FixtureWithExemptionCode_HasNoVatCategoryProblem()
        => Check(EInvoiceFixtures.Valid()).ShouldBeEmpty();

    [Theory]
    [InlineData("E", "BR-E-10")]
    [InlineData("AE", "BR-AE-10")]
    [InlineData("K", "BR-IC-10")]
    [InlineData("G", "BR-G-10")]
    [InlineData("O", "BR-O-10")]
    public void Check_CategoryWithoutExemptionReason_ReportsItsRule(string category, string rule)
    {
        var p = Single(Check(WithCategory(category, null)), ProblemCodes.En16931(rule));

        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Field.ShouldBe("BT-121");
    }

    [Fact]
    public void Check_ExemptWithReasonTextOnly_Holds()
        => Check(WithCategory("E", null, "Exonération TVA, article 261 du CGI")).ShouldNotContain(p => p.Code == "EN16931_BR_E_10");

    [Fact]
    public void Check_StandardRatedBreakdownWithExemptionCode_ReportsBrS10()
    {
        var e = WithBreakdown(EInvoiceFixtures.Valid(), 0, b => b with { ExemptionReasonCode = "VATEX-EU-132" });

        Single(Check(e), "EN16931_BR_S_10").Value.ShouldBe("VATEX-EU-132");
    }

    [Fact]
    public void Check_NotSubjectCodeOnExemptBreakdown_WarnsContradiction()
    {
        var p = Single(Check(WithCategory("E", "VATEX-EU-O")), ProblemCodes.EInvoiceExemptionCategory);

        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Message.ShouldContain("category O");
        p.Value.ShouldBe("VATEX-EU-O");
    }

    [Theory]
    [InlineData("AE", "VATEX-EU-AE")]
    [InlineData("K", "VATEX-EU-IC")]
    [InlineData("G", "VATEX-EU-G")]
    [InlineData("O", "VATEX-EU-O")]
    [InlineData("E", "VATEX-EU-79-C")]
    [InlineData("E", "VATEX-FR-FRANCHISE")]
    public void Check_CodeOfItsOwnCategory_NoContradiction(string category, string code)
        => Check(WithCategory(category, code)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceExemptionCategory);

    [Fact]
    public void Check_ReverseChargeWithoutBuyerVatOrLegalId_ReportsBrAe02()
    {
        var e = WithCategory("AE", "VATEX-EU-AE");
        e = e with { Buyer = e.Buyer with { VatId = null, LegalId = null } };

        var p = Single(Check(e), "EN16931_BR_AE_02");
        p.Field.ShouldBe("BT-48");
    }

    [Fact]
    public void Check_ReverseChargeWithBuyerLegalIdOnly_Holds()
    {
        var e = WithCategory("AE", "VATEX-EU-AE");
        e = e with { Buyer = e.Buyer with { VatId = null } };

        Check(e).ShouldNotContain(p => p.Code == "EN16931_BR_AE_02");
    }

    [Fact]
    public void Check_IntraCommunityWithoutSellerVat_ReportsBrIc02()
    {
        var e = WithCategory("K", "VATEX-EU-IC");
        e = e with { Seller = e.Seller with { VatId = null, LegalId = new SchemedId("552100554", "0002") } };

        Single(Check(e), "EN16931_BR_IC_02").Field.ShouldBe("BT-31");
    }

    [Fact]
    public void Check_IntraCommunityWithoutDeliveryDateOrCountry_ReportsBrIc11AndBrIc12()
    {
        var problems = Check(WithCategory("K", "VATEX-EU-IC"));

        Single(problems, "EN16931_BR_IC_11").Field.ShouldBe("BT-72");
        Single(problems, "EN16931_BR_IC_12").Field.ShouldBe("BT-80");
    }

    [Fact]
    public void Check_IntraCommunityWithPeriodAndCountry_Holds()
    {
        var e = WithCategory("K", "VATEX-EU-IC") with { PeriodStart = new DateOnly(2026, 2, 1), DeliverToCountry = "DE" };

        Check(e).ShouldNotContain(p => p.Code == "EN16931_BR_IC_11" || p.Code == "EN16931_BR_IC_12");
    }

    [Fact]
    public void Check_IntraCommunityInBasicWl_NoDeliveryRules()
    {
        var e = WithCategory("K", "VATEX-EU-IC") with { Profile = EInvoiceProfile.BasicWl, Lines = [] };

        Check(e).ShouldNotContain(p => p.Code == "EN16931_BR_IC_11" || p.Code == "EN16931_BR_IC_12");
    }
}
