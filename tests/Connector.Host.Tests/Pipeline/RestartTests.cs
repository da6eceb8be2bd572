using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;

namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// The process dies (or is stopped) in the middle of a run, at each step that matters; the next start resumes and
/// the end state is the one an uninterrupted run gives: nothing lost, nothing stored twice, nothing exported twice.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private const int Chunk = 2;
    private readonly PipelineHarness _harness = new();

    public RestartTests()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(7, true)]
    public async Task CrashWhileStoringRecords_NextStartResumesWithoutLossOrDoubles(int occurrence, bool afterCommit)
    {
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddRecords), occurrence, afterCommit));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01", chunkSize: Chunk));

        _harness.Restart();
        await _harness.RunAsync("FR01", chunkSize: Chunk);

        AssertSameAsUninterrupted();
    }

    [Fact]
    public async Task CrashAfterPackageWrittenBeforeStoreKnows_PackageIsFoundNotWrittenAgain()
    {
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.CompleteBatch)));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01"));
        var written = _harness.Packages("FR01").Single();
        var before = File.GetLastWriteTimeUtc(written);

        _harness.Restart();
        await _harness.RunAsync("FR01");

        _harness.Packages("FR01").ShouldBe([written]);
        File.GetLastWriteTimeUtc(written).ShouldBe(before);
        AssertSameAsUninterrupted();
    }

    [Fact]
    public async Task CrashAfterBatchRecordedBeforePackageWritten_PackageIsWrittenOnce()
    {
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.CreateBatch), after: true));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01"));
        _harness.Packages("FR01").ShouldBeEmpty();
        _harness.Store.PendingBatches("FR01").Count.ShouldBe(1);

        _harness.Restart();
        await _harness.RunAsync("FR01");

        _harness.Store.PendingBatches("FR01").ShouldBeEmpty();
        AssertSameAsUninterrupted();
    }

    [Fact]
    public async Task CrashAfterDocumentStoredBeforeInboxCleared_FileIsNotTakenTwice()
    {
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddDocument), after: true));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01"));
        Directory.GetFiles(_harness.Inbox("FR01")).Length.ShouldBe(3);

        _harness.Restart();
        await _harness.RunAsync("FR01");

        Directory.GetFiles(_harness.Inbox("FR01")).ShouldBeEmpty();
        _harness.Store.ListRuns("FR01", 10).SelectMany(r => _harness.Store.DocumentsOfRun(r.Id)).ShouldAllBe(d => d.Status == DocumentStatus.Processed);
        AssertSameAsUninterrupted();
    }

    [Fact]
    public async Task StopRequestedMidDocument_RunEndsInterruptedAndTheNextRunFinishes()
    {
        using var stop = new CancellationTokenSource();
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddRecords), occurrence: 2, instead: stop.Cancel));

        var interrupted = await _harness.RunAsync("FR01", chunkSize: Chunk, cancellationToken: stop.Token);

        interrupted.Interrupted.ShouldBeTrue();
        _harness.Packages("FR01").ShouldBeEmpty();
        _harness.Store.GetRun(interrupted.RunId)!.Status.ShouldBe("Interrupted");
        await _harness.RunAsync("FR01", chunkSize: Chunk);
        AssertSameAsUninterrupted();
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>What one clean run of the FR01 samples gives (see SampleEntitiesEndToEndTests).</summary>
    private void AssertSameAsUninterrupted()
    {
        var runs = _harness.Store.ListRuns("FR01", 10);
        var documents = runs.SelectMany(r => _harness.Store.DocumentsOfRun(r.Id)).ToList();
        documents.Count.ShouldBe(9);
        documents.Select(d => d.RecordCount).Order().ShouldBe([1, 1, 1, 1, 1, 1, 10, 12, 13]);

        var records = runs.SelectMany(r => _harness.Store.RecordsOfRun(r.Id)).ToList();
        records.Count.ShouldBe(41);
        records.GroupBy(r => (r.DocumentId, r.Ordinal)).ShouldAllBe(g => g.Count() == 1);
        records.Count(r => r.State == RecordState.Posted).ShouldBe(31);
        records.Count(r => r.State == RecordState.Exception).ShouldBe(10);
        _harness.Store.ListExceptions("FR01", true, 100).Count.ShouldBe(10);

        var lines = _harness.ExportedLines("FR01");
        lines.Count.ShouldBe(records.Where(r => r.State == RecordState.Posted).Sum(r => r.LineCount));
        lines.Select(l => string.Join('|', l.Skip(FbdiLinesLayout.InterfaceLineContext - 1).Take(5))).Distinct().Count().ShouldBe(lines.Count);

        var report = ReportBuilder.Build(_harness.Store, documents[0].RunId, "Dupont");
        report.Balanced.ShouldBeTrue();
        report.Counts.Unaccounted.ShouldBe(0);
    }
}
