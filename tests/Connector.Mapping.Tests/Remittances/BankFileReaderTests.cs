using Connector.Mapping.Remittances;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>Every bank file of the corpus is recognised as its format by content alone, and read by its reader.</summary>
public sealed class BankFileReaderTests
{
    [TextBankCorpusFact]
    public void Detect_EveryCorpusBankFile_IsItsOwnFormat()
    {
        var root = TextBankCorpus.BankPath(string.Empty);
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".html", StringComparison.Ordinal) && !f.EndsWith("control_totals.txt", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, file);
            var expected = Expected(relative, new FileInfo(file).Length);
            using var stream = File.OpenRead(file);
            var actual = BankFileReader.Detect(stream);
            if (actual != expected)
            {
                wrong.Add($"{relative}: {actual}, expected {expected}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [TextBankCorpusFact]
    public void Read_Bai2Sample_GivesItsSeventeenDetailsThroughTheDispatcher()
    {
        using var stream = TextBankCorpus.Open("bai2-moov/test/testdata/sample1.txt");
        var context = TextBankCorpus.Context("sample1.txt");

        var remittances = BankFileReader.Read(stream, BankFileReader.Detect(stream), "US01", context);

        context.Failed.ShouldBeFalse();
        remittances.Count.ShouldBe(17);
        context.RowsRead.ShouldBe(17);
    }

    [Fact]
    public void Read_UnknownContent_FailsNamingTheFormatsRead()
    {
        using var stream = new MemoryStream("just some text\nand more\n"u8.ToArray());
        var context = new Mapping.Reading.DocumentReadContext("notes.txt");

        var format = BankFileReader.Detect(stream);
        var remittances = BankFileReader.Read(stream, format, "US01", context);

        format.ShouldBe(BankFileFormat.Unknown);
        remittances.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        context.Problems.Single().Message.ShouldContain("camt.052/053/054");
    }

    private static BankFileFormat Expected(string relative, long length) => relative switch
    {
        _ when length == 0 => BankFileFormat.Unknown,
        _ when relative.Contains("errors", StringComparison.Ordinal) => BankFileFormat.Unknown,
        _ when relative.StartsWith("bai2-moov", StringComparison.Ordinal) => BankFileFormat.Bai2,
        _ when relative.StartsWith("lockbox", StringComparison.Ordinal) => BankFileFormat.BaiLockbox,
        _ when relative.StartsWith("camt", StringComparison.Ordinal) => BankFileFormat.Camt,
        _ when relative.StartsWith("edi820", StringComparison.Ordinal) => BankFileFormat.X12Remittance,
        _ when relative.Contains("cfonb.240", StringComparison.Ordinal) => BankFileFormat.Unknown,
        _ when relative.StartsWith("cfonb", StringComparison.Ordinal) => BankFileFormat.Cfonb120,
        _ => BankFileFormat.Unknown,
    };
}
