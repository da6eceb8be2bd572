using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Ocr.Scans;

public sealed class ScanProfileParserTests
{
    [Fact]
    public void Parse_ScanProfile_OptionsRead()
    {
        var profile = Parse("name: cheques\nformat: scan\nscan:\n  language: eng+fra\n  day_first: true\n  confidence_floor: 75\n  max_pages: 4\n  max_file_mb: 10\n").Value!;

        profile.Format.ShouldBe(ProfileFormat.Scan);
        profile.Record.ShouldBe(ProfileRecord.Remittance);
        profile.AdviceOnly.ShouldBeFalse();
        profile.Scan.ShouldBe(new ScanOptions { Language = "eng+fra", DayFirst = true, ConfidenceFloor = 75, MaxPages = 4, MaxFileBytes = 10L * 1024 * 1024 });
    }

    [Fact]
    public void Parse_ScanProfileWithoutSection_Defaults()
        => Parse("name: cheques\nformat: scan\n").Value!.Scan.ShouldBe(new ScanOptions());

    [Theory]
    [InlineData("scan:\n  language: ../../etc/passwd\n", "scan.language")]
    [InlineData("scan:\n  confidence_floor: 120\n", "scan.confidence_floor")]
    [InlineData("scan:\n  colour: true\n", "scan.colour")]
    [InlineData("fields:\n  invoice_number: { column: A }\n", "fields")]
    public void Parse_WrongScanProfile_ErrorNamesTheKey(string section, string key)
        => Parse("name: cheques\nformat: scan\n" + section).Errors.ShouldContain(e => e.Key == key);

    [Fact]
    public void Parse_ScanSectionInACsvProfile_Refused()
        => Parse("name: cheques\nformat: csv\nscan:\n  language: eng\nfields:\n  invoice_number: { column: A }\n").Errors.ShouldContain(e => e.Key == "scan");

    private static ConfigResult<MappingProfile> Parse(string yaml) => ProfileParser.Parse(yaml, "/m/cheques.yaml", new Dictionary<string, ValueMap>());
}
