using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class CodeListRuleTests
{
    [Theory]
    [InlineData("380")]
    [InlineData("381")]
    [InlineData("384")]
    [InlineData("389")]
    [InlineData("751")]
    public void Check_TypeCodeTheEnAllows_Holds(string code)
    {
        Check(EInvoiceFixtures.Valid() with { TypeCode = code }).ShouldBeEmpty();
    }

    [Fact]
    public void Check_TypeCodeOutsideTheSubset_ReportsBrCl01()
    {
        var p = Single(Check(EInvoiceFixtures.Valid() with { TypeCode = "999" }), "EN16931_BR_CL_01");

        p.Field.ShouldBe("BT-3");
        p.Value.ShouldBe("999");
        p.Location.Line.ShouldBe(7);
    }

    [Fact]
    public void Check_CurrencyNotIso4217_ReportsBrCl04()
    {
        var p = Single(Check(EInvoiceFixtures.Valid() with { Currency = "EURO" }), "EN16931_BR_CL_04");

        p.Field.ShouldBe("BT-5");
        p.Value.ShouldBe("EURO");
        Check(EInvoiceFixtures.Valid() with { Currency = "CHF" }).ShouldBeEmpty();
    }

    [Fact]
    public void Check_VatCurrencyNotIso4217_ReportsBrCl05()
    {
        Single(Check(EInvoiceFixtures.Valid() with { TaxCurrency = "XYZ" }), "EN16931_BR_CL_05").Field.ShouldBe("BT-6");
        Check(EInvoiceFixtures.Valid() with { TaxCurrency = "DKK" }).ShouldBeEmpty();
    }

    [Fact]
    public void Check_CountryNotIso3166Alpha2_ReportsBrCl14()
    {
        var e = EInvoiceFixtures.Valid();
        var p = Single(Check(e with { Buyer = e.Buyer with { CountryCode = "FRA" } }), "EN16931_BR_CL_14");

        p.Field.ShouldBe("BT-55");
        p.Value.ShouldBe("FRA");
        Check(e with { Buyer = e.Buyer with { CountryCode = "DE" } }).ShouldBeEmpty();
    }

    [Fact]
    public void Check_BreakdownCategoryNotUncl5305_ReportsBrCl17()
    {
        var p = Single(Check(WithBreakdown(EInvoiceFixtures.Valid(), 1, b => b with { Category = "X" })), "EN16931_BR_CL_17");

        p.Field.ShouldBe("BT-118");
        p.Value.ShouldBe("X");
    }

    [Fact]
    public void Check_LineCategoryNotUncl5305_ReportsBrCl18()
    {
        var p = Single(Check(WithLine(EInvoiceFixtures.Valid(), 0, l => l with { VatCategory = "VAT" })), "EN16931_BR_CL_18");

        p.Field.ShouldBe("BT-151");
        p.Value.ShouldBe("VAT");
        p.Location.Line.ShouldBe(101);
    }

    [Fact]
    public void Check_UnitNotARec20Code_ReportsBrCl23()
    {
        var p = Single(Check(WithLine(EInvoiceFixtures.Valid(), 0, l => l with { UnitCode = "pcs" })), "EN16931_BR_CL_23");

        p.Field.ShouldBe("BT-130");
        p.Value.ShouldBe("pcs");
        Check(WithLine(EInvoiceFixtures.Valid(), 0, l => l with { UnitCode = "XPP" })).ShouldBeEmpty();
    }
}
