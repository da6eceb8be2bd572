using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class ProfileRuleTests
{
    private static EInvoice Minimum(string buyerCountry, string typeCode) => EInvoiceFixtures.Valid() with
    {
        Syntax = EInvoiceSyntax.Cii,
        SpecificationId = "urn:factur-x.eu:1p0:minimum",
        Profile = EInvoiceProfile.Minimum,
        TypeCode = typeCode,
        Lines = [],
        AllowancesCharges = [],
        VatBreakdown = [],
        Buyer = EInvoiceFixtures.Valid().Buyer with { CountryCode = buyerCountry },
    };

    private static EInvoice XRechnung(PartyContact? contact, string? buyerReference = "04011000-12345-03")
    {
        var e = EInvoiceFixtures.Valid();
        return e with
        {
            SpecificationId = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
            Profile = EInvoiceProfile.XRechnung,
            BuyerReference = buyerReference,
            Seller = e.Seller with { Contact = contact },
        };
    }

    [Fact]
    public void Check_Zugferd1UrnInCiiD16B_WarnsProfileInvalid()
    {
        var e = EInvoiceFixtures.Valid() with { Syntax = EInvoiceSyntax.Cii, SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:comfort", Profile = EInvoiceProfile.Zugferd1Comfort };

        var p = Single(Check(e), ProblemCodes.EInvoiceProfileInvalid);

        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("BT-24");
        p.Message.ShouldContain("ZUGFeRD 1.0 profile");
    }

    [Fact]
    public void Check_Zugferd1DocumentWithUnknownUrn_WarnsProfileInvalid()
    {
        var e = EInvoiceFixtures.Valid() with { Syntax = EInvoiceSyntax.Zugferd1, SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:komfort", Profile = EInvoiceProfile.Unknown };

        Single(Check(e), ProblemCodes.EInvoiceProfileInvalid).Value.ShouldBe("urn:ferd:CrossIndustryDocument:invoice:1p0:komfort");
    }

    [Fact]
    public void Check_ProfileFitsSyntax_NoProfileProblem()
    {
        Check(EInvoiceFixtures.Valid()).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceProfileInvalid);
        var zugferd1 = EInvoiceFixtures.Valid() with { Syntax = EInvoiceSyntax.Zugferd1, SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:extended", Profile = EInvoiceProfile.Zugferd1Extended };
        Check(zugferd1).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceProfileInvalid);
    }

    [Fact]
    public void Check_MinimumInvoiceToGermanBuyer_IsRefusedAsBookingAid()
    {
        var p = Single(Check(Minimum("DE", "380")), ProblemCodes.EInvoiceBookingAidOnly);

        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Field.ShouldBe("BT-3");
        p.Value.ShouldBe("380");
    }

    [Theory]
    [InlineData("DE", "751")]
    [InlineData("FR", "380")]
    public void Check_MinimumBookingAidOrForeignBuyer_NotRefused(string country, string type)
        => Check(Minimum(country, type)).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceBookingAidOnly);

    [Fact]
    public void Check_MinimumWithPrecedingInvoice_WarnsTermOutsideProfile()
    {
        var p = Single(Check(Minimum("FR", "381") with { PrecedingInvoices = ["FA-2017-0010"] }), ProblemCodes.EInvoiceProfileTerm);

        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Message.ShouldContain("preceding invoice reference (BG-3)");
    }

    [Fact]
    public void Check_MinimumWithHeaderOnly_NoTermWarning()
        => Check(Minimum("FR", "380")).ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceProfileTerm);

    [Fact]
    public void Check_XRechnungWithoutSellerContact_ReportsBrDe2()
    {
        var p = Single(Check(XRechnung(null)), "XRECHNUNG_BR_DE_2");

        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Field.ShouldBe("BG-6");
    }

    [Fact]
    public void Check_XRechnungContactWithoutPhoneAndMail_ReportsBrDe6AndBrDe7()
    {
        var problems = Check(XRechnung(new PartyContact("Frau Muster", null, " ")));

        Single(problems, "XRECHNUNG_BR_DE_6").Field.ShouldBe("BT-42");
        Single(problems, "XRECHNUNG_BR_DE_7").Field.ShouldBe("BT-43");
        problems.ShouldNotContain(p => p.Code == "XRECHNUNG_BR_DE_5" || p.Code == "XRECHNUNG_BR_DE_2");
    }

    [Fact]
    public void Check_XRechnungWithoutBuyerReference_ReportsBrDe15()
        => Single(Check(XRechnung(new PartyContact("A", "+49 1", "a@b.de"), buyerReference: null)), "XRECHNUNG_BR_DE_15").Field.ShouldBe("BT-10");

    [Fact]
    public void Check_CompleteXRechnung_NoXRechnungProblem()
        => Check(XRechnung(new PartyContact("A", "+49 1", "a@b.de"))).ShouldNotContain(p => p.Code.StartsWith(ProblemCodes.XRechnungPrefix, StringComparison.Ordinal));

    [Fact]
    public void Check_En16931InvoiceWithoutContact_NoXRechnungRule()
        => Check(EInvoiceFixtures.Valid()).ShouldNotContain(p => p.Code.StartsWith(ProblemCodes.XRechnungPrefix, StringComparison.Ordinal));
}
