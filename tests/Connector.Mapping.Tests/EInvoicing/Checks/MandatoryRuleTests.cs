using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.EInvoicing.Checks.CheckHelper;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class MandatoryRuleTests
{
    private static readonly Dictionary<string, Func<EInvoice, EInvoice>> Breakers = new(StringComparer.Ordinal)
    {
        ["BR-01"] = e => e with { SpecificationId = null },
        ["BR-02"] = e => e with { Number = " " },
        ["BR-03"] = e => e with { IssueDate = null },
        ["BR-04"] = e => e with { TypeCode = null },
        ["BR-05"] = e => e with { Currency = null },
        ["BR-06"] = e => e with { Seller = e.Seller with { Name = null } },
        ["BR-07"] = e => e with { Buyer = e.Buyer with { Name = string.Empty } },
        ["BR-08"] = e => e with { Seller = e.Seller with { HasPostalAddress = false } },
        ["BR-09"] = e => e with { Seller = e.Seller with { CountryCode = null } },
        ["BR-10"] = e => e with { Buyer = e.Buyer with { HasPostalAddress = false } },
        ["BR-11"] = e => e with { Buyer = e.Buyer with { CountryCode = null } },
        ["BR-12"] = e => e with { Totals = e.Totals with { LineTotal = null } },
        ["BR-13"] = e => e with { Totals = e.Totals with { TaxExclusive = null } },
        ["BR-14"] = e => e with { Totals = e.Totals with { TaxInclusive = null } },
        ["BR-15"] = e => e with { Totals = e.Totals with { Payable = null } },
        ["BR-16"] = e => e with { Lines = [] },
        ["BR-CO-18"] = e => e with { VatBreakdown = [] },
        ["BR-CO-26"] = e => e with { Seller = e.Seller with { VatId = null } },
        ["BR-21"] = e => WithLine(e, 0, l => l with { Id = string.Empty }),
        ["BR-22"] = e => WithLine(e, 0, l => l with { Quantity = null }),
        ["BR-23"] = e => WithLine(e, 0, l => l with { UnitCode = null }),
        ["BR-24"] = e => WithLine(e, 1, l => l with { NetAmount = null }),
        ["BR-25"] = e => WithLine(e, 0, l => l with { ItemName = null, ItemDescription = "only a description" }),
        ["BR-26"] = e => WithLine(e, 0, l => l with { NetPrice = null }),
        ["BR-CO-04"] = e => WithLine(e, 0, l => l with { VatCategory = null }),
    };

    [Fact]
    public void Check_CompliantInvoice_ReportsNothing()
    {
        Check(EInvoiceFixtures.Valid()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("BR-01", "BT-24")]
    [InlineData("BR-02", "BT-1")]
    [InlineData("BR-03", "BT-2")]
    [InlineData("BR-04", "BT-3")]
    [InlineData("BR-05", "BT-5")]
    [InlineData("BR-06", "BT-27")]
    [InlineData("BR-07", "BT-44")]
    [InlineData("BR-08", "BG-5")]
    [InlineData("BR-09", "BT-40")]
    [InlineData("BR-10", "BG-8")]
    [InlineData("BR-11", "BT-55")]
    [InlineData("BR-12", "BT-106")]
    [InlineData("BR-13", "BT-109")]
    [InlineData("BR-14", "BT-112")]
    [InlineData("BR-15", "BT-115")]
    [InlineData("BR-16", "BG-25")]
    [InlineData("BR-CO-18", "BG-23")]
    [InlineData("BR-CO-26", "BT-31")]
    [InlineData("BR-21", "BT-126")]
    [InlineData("BR-22", "BT-129")]
    [InlineData("BR-23", "BT-130")]
    [InlineData("BR-24", "BT-131")]
    [InlineData("BR-25", "BT-153")]
    [InlineData("BR-26", "BT-146")]
    [InlineData("BR-CO-04", "BT-151")]
    public void Check_MandatoryTermMissing_ReportsTheRuleAndTerm(string rule, string term)
    {
        var problems = Check(Breakers[rule](EInvoiceFixtures.Valid()));

        var p = Single(problems, "EN16931_" + rule.Replace('-', '_'));
        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Field.ShouldBe(term);
        p.Message.ShouldStartWith(rule + ": ");
        p.Message.ShouldContain(term);
        p.Location.Document.ShouldBe(Document);
    }

    [Fact]
    public void Check_NumberMissing_NamesTheElementAndLine()
    {
        var p = Single(Check(EInvoiceFixtures.Valid() with { Number = null }), "EN16931_BR_02");

        p.Message.ShouldBe("BR-02: the invoice number (BT-1) is missing");
        p.Location.ShouldBe(new SourceLocation(Document, 4, "cbc:ID"));
    }

    [Fact]
    public void Check_LineMissingQuantity_NamesTheLineAndItsSpot()
    {
        var p = Single(Check(WithLine(EInvoiceFixtures.Valid(), 1, l => l with { Quantity = null })), "EN16931_BR_22");

        p.Message.ShouldBe("BR-22: line 2 has no invoiced quantity (BT-129)");
        p.Location.Line.ShouldBe(121);
    }

    [Theory]
    [InlineData("identifier")]
    [InlineData("legal")]
    [InlineData("taxreg")]
    public void Check_SellerWithoutVatIdButAnotherIdentifier_HoldsBrCo26(string which)
    {
        var e = EInvoiceFixtures.Valid();
        var seller = which switch
        {
            "identifier" => e.Seller with { VatId = null, Identifiers = [new SchemedId("3020000000001", "0088")] },
            "legal" => e.Seller with { VatId = null, LegalId = new SchemedId("303265045", "0002") },
            _ => e.Seller with { VatId = null, TaxRegistrationId = "201/113/40209" },
        };

        Check(e with { Seller = seller }).ShouldBeEmpty();
    }
}
