using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class ProfileScopeTests
{
    /// <summary>A Factur-X MINIMUM document: header, seller with country, buyer name, four totals; no lines, no VAT breakdown.</summary>
    internal static EInvoice Minimum() => EInvoiceFixtures.Valid() with
    {
        Syntax = EInvoiceSyntax.Cii,
        SpecificationId = "urn:factur-x.eu:1p0:minimum",
        Profile = EInvoiceProfile.Minimum,
        Buyer = new EInvoiceParty { Name = "ACME SARL", LegalId = new SchemedId("123456789", "0002") },
        Lines = [],
        AllowancesCharges = [],
        VatBreakdown = [],
        Totals = new DocumentTotals { TaxExclusive = 100m, TaxTotal = 20m, TaxInclusive = 120m, Payable = 120m },
    };

    [Fact]
    public void Check_Minimum_SkipsWhatTheProfileDoesNotCarryAndWarnsOnce()
    {
        var problems = Check(Minimum());

        var p = problems.ShouldHaveSingleItem();
        p.Code.ShouldBe(ProblemCodes.EInvoiceProfileNotEn16931);
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Message.ShouldContain("MINIMUM");
        p.Value.ShouldBe("urn:factur-x.eu:1p0:minimum");
    }

    [Fact]
    public void Check_Minimum_StillChecksItsTotals()
    {
        var e = Minimum();
        var problems = Check(e with { Totals = e.Totals with { TaxInclusive = 121m, Payable = 121m } });

        Single(problems, "EN16931_BR_CO_15").Value.ShouldBe("121.00");
    }

    [Fact]
    public void Check_BasicWl_SkipsLineRulesButChecksTheBreakdown()
    {
        var e = EInvoiceFixtures.Valid() with
        {
            Syntax = EInvoiceSyntax.Cii,
            SpecificationId = "urn:factur-x.eu:1p0:basicwl",
            Profile = EInvoiceProfile.BasicWl,
            Lines = [],
        };

        var problems = Check(e);
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EInvoiceProfileNotEn16931);

        var broken = Check(e with { Totals = e.Totals with { TaxTotal = 48m, TaxInclusive = 323m, Payable = 323m } });
        Single(broken, "EN16931_BR_CO_14").Value.ShouldBe("48.00");
    }

    [Fact]
    public void Check_ExtendedGroupAndInformationLines_DoNotCountInTheSums()
    {
        var e = EInvoiceFixtures.Valid();
        var group = EInvoiceFixtures.Line("G1", 1m, 250m) with { Role = LineRole.Group };
        var info = new EInvoiceLine { Id = "I1", Role = LineRole.Information, ItemName = "Delivery note 4711" };
        e = e with
        {
            SpecificationId = "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
            Profile = EInvoiceProfile.Extended,
            Lines = [group, .. e.Lines.Select(l => l.Id == "3" ? l : l with { ParentId = "G1" }), info],
        };

        Check(e).ShouldBeEmpty();
    }

    [Fact]
    public void Check_Zugferd1Comfort_IsCheckedByTheSameRules()
    {
        var e = EInvoiceFixtures.Valid() with
        {
            Syntax = EInvoiceSyntax.Zugferd1,
            SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:comfort",
            Profile = EInvoiceProfile.Zugferd1Comfort,
        };

        Check(e).ShouldBeEmpty();
        Single(Check(e with { Totals = e.Totals with { Payable = 1m } }), "EN16931_BR_CO_16").Field.ShouldBe("BT-115");
    }
}
