using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

public sealed class EInvoiceProfileParserTests
{
    private static ConfigResult<MappingProfile> Parse(string yaml) => ProfileParser.Parse(yaml, "/m/fr01/einvoice.yaml", new Dictionary<string, ValueMap>());

    [Fact]
    public void Parse_EInvoiceProfile_NeedsNoInvoiceNumberNorFields()
    {
        var result = Parse("name: einvoice\nformat: einvoice\n");

        result.Errors.ShouldBeEmpty();
        result.Value!.Format.ShouldBe(ProfileFormat.EInvoice);
        result.Value.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_BusinessTermsAndSyntheticColumns_AreAccepted()
    {
        var result = Parse("name: einvoice\nformat: einvoice\nfields:\n  customer_account: { column: bt-10 }\n  tax_code: { column: VAT }\n  kind: { column: TYPE, map: k }\n  comments: { concat: [{ column: BT-19 }, \" \", { column: BT-133 }] }\nvalue_maps:\n  k: { \"381\": credit_note, \"*\": invoice }\n");

        result.Errors.ShouldBeEmpty();
        result.Value!.Fields.Count.ShouldBe(4);
    }

    [Fact]
    public void Parse_UnknownBusinessTerm_IsRefusedWithTheKnownOnes()
    {
        var result = Parse("name: einvoice\nformat: einvoice\nfields:\n  customer_account: { column: BT-999 }\n  comments: { concat: [{ column: Notes }] }\n");

        result.Value.ShouldBeNull();
        result.Errors.Count.ShouldBe(2);
        var error = result.Errors[0];
        error.Key.ShouldBe("fields.customer_account.column");
        error.Message.ShouldContain("'BT-999' is not a business term");
        error.Message.ShouldContain("BT-10, ");
        error.Message.ShouldContain("VAT");
        result.Errors[1].Message.ShouldContain("'Notes'");
    }

    [Fact]
    public void Parse_CsvSectionInAnEInvoiceProfile_IsAnError()
    {
        var result = Parse("name: einvoice\nformat: einvoice\ncsv:\n  delimiter: \";\"\n");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("a csv section in an einvoice profile");
    }

    [Fact]
    public void Parse_UnknownFormat_ListsEInvoice()
    {
        Parse("name: einvoice\nformat: xml\nfields:\n  invoice_number: { column: A }\n").Errors.ShouldContain(e => e.Message.Contains("bank, csv, einvoice, scan or xlsx", StringComparison.Ordinal));
    }
}
