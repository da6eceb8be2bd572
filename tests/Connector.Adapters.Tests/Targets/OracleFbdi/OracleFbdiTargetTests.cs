using System.IO.Compression;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFbdi;
using static Connector.Adapters.Tests.Targets.OracleFbdi.FbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFbdi;

public sealed class OracleFbdiTargetTests : IDisposable
{
    private const string BatchId = "FR01-20260317-0001";
    private readonly string _data = Directory.CreateTempSubdirectory("fbdi-").FullName;
    private readonly OracleFbdiTarget _target;

    public OracleFbdiTargetTests() => _target = new OracleFbdiTarget(_data);

    private string Outbox => Path.Combine(_data, "outbox", "FR01");

    private string PackagePath => Path.Combine(Outbox, BatchId + ".zip");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Type_IsOracleFbdi() => _target.Type.ShouldBe("oracle-fbdi");

    [Fact]
    public async Task SubmitAsync_NewBatch_WritesPackageAndManifestWithoutTempFiles()
    {
        var batch = Batch(Invoice("F-1"), Invoice("F-2", lines: Line(1, 1m, 10m)));

        var posted = await _target.SubmitAsync(batch, CancellationToken.None);

        posted.ShouldBe(new BatchSubmission(BatchId, PackagePath, 2, 3));
        File.ReadAllBytes(PackagePath).ShouldBe(FbdiPackage.Build(batch));
        Directory.GetFiles(Outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe([BatchId + ".keys.csv", BatchId + ".zip"]);
        var manifest = Parse(File.ReadAllText(Path.Combine(Outbox, BatchId + ".keys.csv")));
        manifest[0].ShouldBe(["idempotency_key", "invoice_number", "line_count", "net_amount", "currency"]);
        manifest[1].ShouldBe(["FR01|INV|F-1", "F-1", "2", "112.50", "EUR"]);
        manifest[2].ShouldBe(["FR01|INV|F-2", "F-2", "1", "10.00", "EUR"]);
    }

    [Fact]
    public async Task SubmitAsync_SameBatchAgain_ReturnsPostedAndKeepsTheFile()
    {
        var batch = Batch(Invoice("F-1"));
        var first = await _target.SubmitAsync(batch, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(PackagePath);
        File.SetLastWriteTimeUtc(PackagePath, written.AddHours(-1));

        var again = await _target.SubmitAsync(Batch(Invoice("F-1")), CancellationToken.None);

        again.ShouldBe(first);
        File.GetLastWriteTimeUtc(PackagePath).ShouldBe(written.AddHours(-1), "an idempotent re-post does not rewrite the package");
    }

    [Fact]
    public async Task SubmitAsync_SameIdDifferentContent_RefusedAndPackageUntouched()
    {
        await _target.SubmitAsync(Batch(Invoice("F-1")), CancellationToken.None);
        var before = File.ReadAllBytes(PackagePath);
        var manifestBefore = File.ReadAllBytes(Path.Combine(Outbox, BatchId + ".keys.csv"));

        var refused = await Should.ThrowAsync<RefusedByTargetException>(
            () => _target.SubmitAsync(Batch(Invoice("F-1"), Invoice("F-2")), CancellationToken.None));

        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("never overwritten");
        File.ReadAllBytes(PackagePath).ShouldBe(before);
        File.ReadAllBytes(Path.Combine(Outbox, BatchId + ".keys.csv")).ShouldBe(manifestBefore);
    }

    [Fact]
    public async Task SubmitAsync_ExistingPackageWithSameCsvOtherCompression_TreatedAsPosted()
    {
        var batch = Batch(Invoice("F-1"));
        Directory.CreateDirectory(Outbox);
        using (var zip = ZipFile.Open(PackagePath, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("RaInterfaceLinesAll.csv", CompressionLevel.NoCompression).Open();
            stream.Write(AutoInvoiceLineWriter.ToBytes(batch));
        }

        var posted = await _target.SubmitAsync(batch, CancellationToken.None);

        posted.LineCount.ShouldBe(2);
        File.Exists(Path.Combine(Outbox, BatchId + ".keys.csv")).ShouldBeTrue("a missing manifest is written again");
    }

    [Fact]
    public async Task SubmitAsync_LeftoverTempFromACrash_IsReplaced()
    {
        Directory.CreateDirectory(Outbox);
        await File.WriteAllTextAsync(PackagePath + ".tmp", "half a zip");
        var batch = Batch(Invoice("F-1"));

        await _target.SubmitAsync(batch, CancellationToken.None);

        File.ReadAllBytes(PackagePath).ShouldBe(FbdiPackage.Build(batch));
        File.Exists(PackagePath + ".tmp").ShouldBeFalse();
    }

    [Fact]
    public async Task SubmitAsync_OutboxIsAFile_ThrowsTransient()
    {
        Directory.CreateDirectory(Path.Combine(_data, "outbox"));
        await File.WriteAllTextAsync(Outbox, "not a folder");

        await Should.ThrowAsync<TransientTargetException>(() => _target.SubmitAsync(Batch(Invoice("F-1")), CancellationToken.None));
    }

    [Fact]
    public async Task SubmitAsync_AbsoluteOutbox_UsedAsIs()
    {
        var absolute = Path.Combine(_data, "elsewhere");
        var batch = Batch(Entity(outbox: absolute), "B-1", Invoice("F-1"));

        var posted = await _target.SubmitAsync(batch, CancellationToken.None);

        posted.Reference.ShouldBe(Path.Combine(absolute, "B-1.zip"));
        File.Exists(posted.Reference).ShouldBeTrue();
    }

    [Fact]
    public async Task FindSubmissionAsync_AfterPost_CountsReadBackFromThePackage()
    {
        await _target.SubmitAsync(Batch(Invoice("F-1"), Invoice("F-2", lines: Line(1, 1m, 10m))), CancellationToken.None);

        var found = await _target.FindSubmissionAsync(Batch(Invoice("F-1")), CancellationToken.None);

        found.ShouldBe(new BatchSubmission(BatchId, PackagePath, 2, 3));
    }

    [Fact]
    public async Task FindSubmissionAsync_NothingWritten_ReturnsNull()
    {
        (await _target.FindSubmissionAsync(Batch(Invoice("F-1")), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task FindSubmissionAsync_CrashLeftOnlyTempFiles_ReturnsNullAndDeletesThem()
    {
        Directory.CreateDirectory(Outbox);
        await File.WriteAllBytesAsync(PackagePath + ".tmp", FbdiPackage.Build(Batch(Invoice("F-1"))));
        await File.WriteAllTextAsync(Path.Combine(Outbox, BatchId + ".keys.csv"), FbdiManifest.Header);

        var found = await _target.FindSubmissionAsync(Batch(Invoice("F-1")), CancellationToken.None);

        found.ShouldBeNull();
        File.Exists(PackagePath + ".tmp").ShouldBeFalse();
    }

    [Fact]
    public async Task FindSubmissionAsync_PackageNotAZip_Refused()
    {
        Directory.CreateDirectory(Outbox);
        await File.WriteAllTextAsync(PackagePath, "garbage", Encoding.UTF8);

        await Should.ThrowAsync<RefusedByTargetException>(() => _target.FindSubmissionAsync(Batch(Invoice("F-1")), CancellationToken.None));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("a..b")]
    [InlineData("with space")]
    [InlineData("")]
    [InlineData("café")]
    public async Task PostAndFind_UnsafeBatchId_ThrowArgumentExceptionAndWriteNothing(string batchId)
    {
        var batch = Batch(Entity(), batchId, Invoice("F-1"));

        await Should.ThrowAsync<ArgumentException>(() => _target.SubmitAsync(batch, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => _target.FindSubmissionAsync(batch, CancellationToken.None));
        Directory.EnumerateFileSystemEntries(_data, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("FR01-20260317-0001")]
    [InlineData("run_42.batch-7")]
    public void IsSafeBatchId_PlainNames_True(string batchId) => OracleFbdiTarget.IsSafeBatchId(batchId).ShouldBeTrue();

    [Fact]
    public async Task SubmitAsync_MoreLinesThanTheEntityAllows_ThrowsArgumentException()
    {
        var entity = Entity() with { Target = Entity().Target with { MaxLinesPerFile = 1 } };

        await Should.ThrowAsync<ArgumentException>(() => _target.SubmitAsync(Batch(entity, "B-1", Invoice("F-1")), CancellationToken.None));
    }
}
