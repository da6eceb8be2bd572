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

    /// <summary>A ZUGFeRD 1.0 BASIC document: its lines carry quantity, unit, amount and name only; VAT is per document.</summary>
    internal static EInvoice Zugferd1Basic() => new EInvoice
    {
        Syntax = EInvoiceSyntax.Zugferd1,
        SpecificationId = "urn:ferd:CrossIndustryDocument:invoice:1p0:basic",
        Profile = EInvoiceProfile.Zugferd1Basic,
        Number = "471102",
        TypeCode = "380",
        IssueDate = new DateOnly(2013, 3, 5),
        Currency = "EUR",
        Seller = EInvoiceFixtures.Valid().Seller,
        Buyer = EInvoiceFixtures.Valid().Buyer,
        Lines =
        [
            new EInvoiceLine { Id = string.Empty, Quantity = 20m, UnitCode = "C62", NetAmount = 198m, ItemName = "Trennblätter A4" },
            new EInvoiceLine { Id = string.Empty, Quantity = 50m, UnitCode = "C62", NetAmount = 275m, ItemName = "Joghurt Banane" },
        ],
        VatBreakdown = [new VatBreakdown { Category = "S", Rate = 19m, TaxableAmount = 473m, TaxAmount = 89.87m }],
        Totals = new DocumentTotals { LineTotal = 473m, TaxExclusive = 473m, TaxTotal = 89.87m, TaxInclusive = 562.87m, Payable = 562.87m },
    };

    [Fact]
    public void Check_Zugferd1Basic_LinesWithoutIdPriceOrCategoryAreNotFaulted()
    {
        Check(Zugferd1Basic()).ShouldBeEmpty();
    }

    [Fact]
    public void Check_Zugferd1Basic_StillChecksQuantityAndTotals()
    {
        var e = Zugferd1Basic();
        var problems = Check(WithLine(e, 0, l => l with { Quantity = null }) with { Totals = e.Totals with { LineTotal = 474m } });

        Single(problems, "EN16931_BR_22").Field.ShouldBe("BT-129");
        Single(problems, "EN16931_BR_CO_10").Value.ShouldBe("474.00");
    }
}
