using System.IO.Compression;
using System.Text;
using Connector.Host.Pipeline;
using Connector.Host.Store;

namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// Bad files in an inbox: each is kept with a clear reason naming the file (and line), the run goes on with the
/// others, and the good invoices of a partly bad file still go through.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly Encoding Latin = CodePages();
    private readonly PipelineHarness _harness = new();

    [Fact]
    public async Task BadCsvFiles_AreFailedAndKept_GoodInvoicesGoOn()
    {
        var samples = Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples");
        var good = File.ReadAllLines(Path.Combine(samples, "FACTURES_20261102.csv"), Latin);
        var header = good[0];
        var first = good.Where(l => l.Contains(";F26-004510;", StringComparison.Ordinal)).ToList();
        var second = good.Where(l => l.Contains(";F26-004511;", StringComparison.Ordinal)).ToList();
        var broken = "FA;F26-009999;\"02/11/2026;02/12/2026;C10001;unbalanced quote";
        var partial = new[] { header }.Concat(first).Append(broken).Concat(second);

        _harness.DropInInbox("FR01", "a_empty.csv", []);
        _harness.DropInInbox("FR01", "b_binary.csv", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 0, 0, 0, 0x3E, 0, 1, 0]);
        _harness.DropInInbox("FR01", "c_missing_columns.csv", Latin.GetBytes("Type;N° facture;Date facture\r\nFA;F1;02/11/2026\r\n"));
        _harness.DropInInbox("FR01", "d_partial.csv", Latin.GetBytes(string.Join("\r\n", partial) + "\r\n"));

        var summary = await _harness.RunAsync("FR01");

        var documents = summary.Report.Documents.ToDictionary(d => d.Name);
        documents["a_empty.csv"].Status.ShouldBe(nameof(DocumentStatus.Failed));
        documents["a_empty.csv"].Problems.ShouldContain(p => p.Contains("FILE_EMPTY", StringComparison.Ordinal) && p.Contains("a_empty.csv", StringComparison.Ordinal));
        documents["b_binary.csv"].Status.ShouldBe(nameof(DocumentStatus.Failed));
        documents["b_binary.csv"].Problems.ShouldContain(p => p.Contains("FILE_BINARY", StringComparison.Ordinal));
        documents["c_missing_columns.csv"].Status.ShouldBe(nameof(DocumentStatus.Failed));
        documents["c_missing_columns.csv"].Problems.ShouldContain(p => p.Contains("COLUMN_MISSING", StringComparison.Ordinal) && p.Contains("Raison sociale", StringComparison.Ordinal));
        documents["d_partial.csv"].Status.ShouldBe(nameof(DocumentStatus.ProcessedWithErrors));
        documents["d_partial.csv"].Problems.ShouldContain(p => p.Contains("CSV_MALFORMED", StringComparison.Ordinal) && p.Contains($"line {first.Count + 2}", StringComparison.Ordinal));

        // The two good invoices of the partly bad file are exported; every file is kept in the archive.
        _harness.ExportedLines("FR01").Select(l => l[6]).Distinct().Order().ShouldBe(["F26-004510", "F26-004511"]);
        var stored = _harness.Store.DocumentsOfRun(summary.RunId);
        stored.Count.ShouldBe(4);
        stored.ShouldAllBe(d => File.Exists(_harness.Paths.Resolve(d.ArchivePath)));
        Directory.GetFiles(_harness.Inbox("FR01")).ShouldBeEmpty();
        summary.Report.Balanced.ShouldBeTrue();
    }

    [Fact]
    public async Task ZipBombNamedXlsx_IsRefusedBeforeItIsOpened()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(zeros);
            }
        }

        _harness.DropInInbox("DE01", "Rechnungsausgang_bomb.xlsx", bomb.ToArray());

        var summary = await _harness.RunAsync("DE01");

        var document = summary.Report.Documents.Single();
        document.Status.ShouldBe(nameof(DocumentStatus.Failed));
        document.Problems.ShouldContain(p => p.Contains("XLSX_UNSAFE", StringComparison.Ordinal) && p.Contains("Rechnungsausgang_bomb.xlsx", StringComparison.Ordinal));
        summary.Report.Counts.Read.ShouldBe(0);
    }

    [Fact]
    public async Task FileNoProfileFits_IsKeptAndFailedWithTheReason_AndLaterRunsGoOn()
    {
        var file = Path.Combine(_harness.Paths.DataDirectory, "orders.txt");
        await File.WriteAllTextAsync(file, "whatever");

        var summary = await _harness.RunAsync("US01", new RunRequest("import", [file]));

        var document = summary.Report.Documents.Single();
        document.Status.ShouldBe(nameof(DocumentStatus.Failed));
        document.Problems.Single().ShouldContain("FORMAT_UNKNOWN");
        document.Problems.Single().ShouldContain("--profile");
        (await _harness.RunAsync("US01")).Report.Documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportWithUnknownProfile_IsRefusedBeforeAnythingIsStored()
    {
        var file = Path.Combine(_harness.Paths.DataDirectory, "orders.txt");
        await File.WriteAllTextAsync(file, "whatever");

        await Should.ThrowAsync<ArgumentException>(() => _harness.RunAsync("US01", new RunRequest("import", [file], Profile: "nope")));

        _harness.Store.ListRuns("US01", 10).ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportWithExplicitProfileInterrupted_IsResumedWithTheSameProfile()
    {
        var sample = Path.Combine(PipelineHarness.RepositoryMappings, "us-acme", "samples", "webstore_orders_2026-11-02.tsv");
        var file = Path.Combine(_harness.Paths.DataDirectory, "orders-from-the-shop.txt");
        File.Copy(sample, file);
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddRecords)));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("US01", new RunRequest("import", [file], Profile: "webstore-tsv")));

        _harness.Restart();
        var resumed = await _harness.RunAsync("US01");

        _harness.Store.ListDocuments("US01", null, 10).Single().ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DocumentStatus.Processed),
            d => d.Profile.ShouldBe("webstore-tsv"),
            d => d.RecordCount.ShouldBe(6));
        resumed.Report.Packages.ShouldHaveSingleItem();
    }

    public void Dispose() => _harness.Dispose();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
