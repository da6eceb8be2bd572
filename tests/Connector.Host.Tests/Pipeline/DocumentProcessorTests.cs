using Connector.Host.Bench;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Bench;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Pipeline;

public sealed class DocumentProcessorTests : IDisposable
{
    private readonly BenchFixture _bench = new();
    private readonly FakeClock _clock = new(IngestBench.Today);

    [Fact]
    public void Process_OneRecordChunksAndDefaultChunks_StoreTheSameRecords()
    {
        // With chunks of one record, every invoice is looked up in the store just before it is evaluated, after all
        // earlier ones were stored: the per-invoice behaviour that the per-chunk lookup must reproduce.
        var one = Run("one", chunkSize: 1, twice: false);
        var whole = Run("whole", chunkSize: DocumentProcessor.DefaultChunkSize, twice: false);

        whole.ShouldBe(one);
        whole.ShouldContain(r => r.State == RecordState.Skipped);
        whole.ShouldContain(r => r.State == RecordState.Exception && r.Reason == ProblemCodes.ConflictingDuplicate);
        whole.Count.ShouldBe(_bench.Facts.Invoices);
    }

    [Fact]
    public void Process_SameInvoicesInASecondFile_DuplicatesAndSupersessionAsWithOneRecordChunks()
    {
        var one = Run("one", chunkSize: 1, twice: true);
        var chunked = Run("chunked", chunkSize: 64, twice: true);

        chunked.ShouldBe(one);
        var second = chunked.Skip(_bench.Facts.Invoices).ToList();
        second.Count(r => r.State == RecordState.Skipped).ShouldBeGreaterThan(second.Count * 9 / 10);
        second.ShouldContain(r => r.State == RecordState.Skipped && r.Reason!.StartsWith("duplicate of record "));
        chunked.ShouldContain(r => r.Reason != null && r.Reason.StartsWith("superseded by "));
    }

    public void Dispose() => _bench.Dispose();

    private List<(int Ordinal, RecordState State, string Key, string Hash, string? Reason)> Run(string name, int chunkSize, bool twice)
    {
        var paths = _bench.Paths with { DataDirectory = _bench.Folder(name) };
        using var store = SqliteStore.Open(paths.StoreFile);
        var entity = EntityRuntime.Load(_bench.Catalog, _bench.Catalog.Entities.Single(), store, _clock);
        var run = store.StartRun(entity.Code, "test", _clock.GetUtcNow());
        var intake = new DocumentIntake(store, paths, _clock);
        var processor = new DocumentProcessor(store, paths, _clock, chunkSize);
        var files = new List<string> { _bench.InvoiceFile };
        if (twice)
        {
            // The same invoices again in another file (other bytes, so not a duplicate document).
            var copy = _bench.Folder(name + "-resent.csv");
            File.WriteAllBytes(copy, [.. File.ReadAllBytes(_bench.InvoiceFile), .. "\r\n"u8]);
            files.Add(copy);
        }

        foreach (var file in files)
        {
            var document = intake.Take(entity.Code, "test", file, run, "test", entity.Profiles[0].Name).Document;
            processor.Process(entity, document, _bench.Profile, null, CancellationToken.None).Interrupted.ShouldBeFalse();
        }

        return [.. store.RecordsOfRun(run).Select(r => (r.Ordinal, r.State, r.IdempotencyKey, r.ContentHash, r.StateReason))];
    }
}
