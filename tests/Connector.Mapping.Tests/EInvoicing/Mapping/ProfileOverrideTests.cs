using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Tests.Shared;
using static Connector.Mapping.Tests.EInvoicing.Mapping.MapperHelper;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class ProfileOverrideTests
{
    /// <summary>The repository's own shared value maps, so that the Rec 20 units added there are what is tested.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, ValueMap>> SharedMaps = new(() =>
    {
        var path = Path.Combine(SharedCorpus.Repository, "mappings", "shared", "value-maps.yaml");
        var result = SharedValueMapsParser.Parse(File.ReadAllText(path), path);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    });

    private static MappingProfile Profile(string fields, string maps = "")
    {
        var yaml = "name: einvoice\nformat: einvoice\nfields:\n" + fields + (maps.Length > 0 ? "\nvalue_maps:\n" + maps : string.Empty);
        var result = ProfileParser.Parse(yaml, "/m/fr01/einvoice.yaml", SharedMaps.Value);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    [Fact]
    public void Map_ProfileMapsBuyerReference_AsCustomerAccount()
    {
        var e = EInvoiceFixtures.Valid() with { BuyerReference = "K-42" };

        var mapped = Map(e, Profile("  customer_account: { column: BT-10 }"));

        mapped.Problems.ShouldBeEmpty();
        mapped.Invoice.Customer.AccountNumber.ShouldBe("K-42");
        mapped.Invoice.Customer.TaxId.ShouldBe("FR12345678901");
        mapped.Invoice.Customer.OtherIds.ShouldContain("0225:123456789");
    }

    [Fact]
    public void Map_ProfileFieldEmptyWithoutDefault_KeepsTheEInvoiceDefault()
    {
        var mapped = Map(EInvoiceFixtures.Valid() with { BuyerReference = null }, Profile("  customer_account: { column: BT-10 }"));

        mapped.Problems.ShouldBeEmpty();
        mapped.Invoice.Customer.AccountNumber.ShouldBe("C-1001");
    }

    [Fact]
    public void Map_ProfileFieldEmptyWithDefault_TakesTheDefault()
    {
        var mapped = Map(EInvoiceFixtures.Valid() with { BuyerReference = null }, Profile("  customer_account: { column: BT-10, default: UNKNOWN }"));

        mapped.Invoice.Customer.AccountNumber.ShouldBe("UNKNOWN");
    }

    [Fact]
    public void Map_ProfileFieldRequiredAndEmpty_IsAProblem()
    {
        var mapped = Map(EInvoiceFixtures.Valid() with { BuyerReference = null }, Profile("  customer_account: { column: BT-10, required: true }"));

        mapped.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.FieldRequired);
        mapped.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void Map_ProfileMapsTheVatKey_ToTheErpTaxCodeOnEveryLine()
    {
        var profile = Profile("  tax_code: { column: VAT, map: tax_codes }", "  tax_codes: { S-20: FR VAT 20, E-0: FR EXEMPT }");

        var mapped = Map(EInvoiceFixtures.Valid(), profile);

        mapped.Problems.ShouldBeEmpty();
        mapped.Invoice.Lines.Select(l => l.TaxCode).ShouldBe(["FR VAT 20", "FR VAT 20", "FR EXEMPT", "FR VAT 20", "FR VAT 20"]);
        mapped.Invoice.Lines.Select(l => l.TaxAmount).ShouldBe([40m, 10m, 0m, -2m, 1m]);
    }

    [Fact]
    public void Map_VatKeyWithoutAnEntry_IsAnUnmappedValueProblem()
    {
        var profile = Profile("  tax_code: { column: VAT, map: tax_codes }", "  tax_codes: { S-20: FR VAT 20 }");

        var mapped = Map(EInvoiceFixtures.Valid(), profile);

        var p = mapped.Problems.ShouldHaveSingleItem();
        p.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        p.Value.ShouldBe("E-0");
        p.Location.Line.ShouldBe(141);
    }

    [Fact]
    public void Map_ProfileMapsTheUnitThroughTheSharedUnits()
    {
        var e = EInvoiceFixtures.Valid();
        e = CheckLines(e, "HUR", "KGM", "XPP");

        var mapped = Map(e, Profile("  unit: { column: BT-130, map: \"shared:units\" }"));

        mapped.Problems.ShouldBeEmpty();
        mapped.Invoice.Lines.Take(3).Select(l => l.UnitOfMeasure).ShouldBe(["Hour", "Kilogram", "Each"]);
    }

    [Fact]
    public void Map_ProfileMapsKindFromTheTypeCode_AndTheSignFollows()
    {
        var profile = Profile("  kind: { column: TYPE, map: kinds }", "  kinds: { \"380\": invoice, \"389\": credit_note }");

        var i = Map(EInvoiceFixtures.Valid() with { TypeCode = "389" }, profile).Invoice;

        i.Kind.ShouldBe(InvoiceKind.CreditNote);
        i.NetTotal.ShouldBe(-275m);
    }

    [Fact]
    public void Map_ProfileLineAndHeaderTerms_WithTransformsAndConcat()
    {
        var e = EInvoiceFixtures.Valid() with { ContractReference = "CT-9" };
        e = e with { Lines = [e.Lines[0] with { OrderLineReference = "10", BuyerAccountingReference = "6061" }, .. e.Lines.Skip(1)] };
        var profile = Profile(
            "  comments: { concat: [\"contract \", { column: BT-12 }] }\n  item_code: { column: BT-155, transforms: [lower] }\n  description: { concat: [{ column: BT-153 }, \" / PO line \", { column: BT-132 }] }\n  issue_date: { column: BT-9 }");

        var i = Map(e, profile).Invoice;

        i.Comments.ShouldBe("contract CT-9");
        i.IssueDate.ShouldBe(new DateOnly(2026, 4, 1));
        i.Lines[0].ItemCode.ShouldBe("sku-1");
        i.Lines[0].Description.ShouldBe("Item 1 / PO line 10");
        i.Lines[3].Description.ShouldBe("Remise fidélité / PO line ");
    }

    private static EInvoice CheckLines(EInvoice e, params string[] units)
        => e with { Lines = e.Lines.Select((l, n) => l with { UnitCode = units[n] }).ToList() };
}
