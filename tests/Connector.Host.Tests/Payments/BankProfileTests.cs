using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Host.Tests.Payments;

/// <summary>Profiles of <c>format: bank</c>: a name and the format only, the file's own format found by content.</summary>
public sealed class BankProfileTests
{
    [Fact]
    public void Parse_BankProfileWithoutSections_Accepted()
    {
        var result = Parse("name: releves\ndescription: camt.054 of the BNP account\nformat: bank\n");

        result.Errors.ShouldBeEmpty();
        result.Value!.Format.ShouldBe(ProfileFormat.Bank);
        result.Value.Fields.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fields:\n  invoice_number: { column: A }\n", "fields")]
    [InlineData("csv:\n  delimiter: \";\"\n", "csv")]
    [InlineData("dates:\n  formats: [dd/MM/yyyy]\n", "dates")]
    public void Parse_BankProfileWithAMappingSection_ErrorNamesTheSection(string section, string key)
    {
        var result = Parse("name: releves\nformat: bank\n" + section);

        result.Errors.ShouldContain(e => e.Key == key && e.Message.Contains("bank profile", StringComparison.Ordinal));
    }

    [Fact]
    public void InvoiceReader_BankProfile_DocumentFailsSayingItHoldsPayments()
    {
        var profile = Parse("name: releves\nformat: bank\n").Value!;
        var context = new DocumentReadContext("releve.xml");

        InvoiceDocumentReader.Read(new MemoryStream("<Document/>"u8.ToArray()), profile, "FR01", context).ShouldBeEmpty();

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldContain(p => p.Code == ProblemCodes.UnknownFormat && p.Message.Contains("payments", StringComparison.Ordinal));
    }

    private static ConfigResult<MappingProfile> Parse(string yaml) => ProfileParser.Parse(yaml, "/m/fr01/releves.yaml", new Dictionary<string, ValueMap>());
}
