using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Store;

public sealed class FindLiveByKeysTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void FindLiveByKeys_SeveralKeys_SameRecordsAsFindLiveByKeyOneByOne()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var run = store.StartRun("FR01", "test", At);
        var doc = store.AddDocument(new NewDocument("FR01", "inbox", "a.csv", "abc", 10, "archive/abc", At, run, DocumentStatus.Received, null));
        store.AddRecords(
        [
            Record(doc, run, 1, "F1", RecordState.Exception),
            Record(doc, run, 2, "F1", RecordState.Ready),
            Record(doc, run, 3, "F2", RecordState.Ready),
            Record(doc, run, 4, "F2", RecordState.Skipped),
            Record(doc, run, 5, "F3", RecordState.Skipped),
            Record(doc, run, 6, "F4", RecordState.Ready, entity: "US01"),
        ], At);
        string[] keys = ["FR01|INV|F1", "FR01|INV|F2", "FR01|INV|F3", "FR01|INV|F4", "FR01|INV|NONE", "it's \"quoted\" [x]"];

        var live = store.FindLiveByKeys("FR01", keys);

        live.Keys.ShouldBe(["FR01|INV|F1", "FR01|INV|F2"], ignoreOrder: true);
        foreach (var key in keys)
        {
            var one = store.FindLiveByKey("FR01", key);
            (live.TryGetValue(key, out var found) ? found.Id : (long?)null).ShouldBe(one?.Id);
        }

        live["FR01|INV|F1"].Ordinal.ShouldBe(2);
        store.FindLiveByKeys("FR01", []).ShouldBeEmpty();
    }

    public void Dispose() => _dir.Dispose();

    private static NewRecord Record(long doc, long run, int ordinal, string number, RecordState state, string entity = "FR01")
    {
        var invoice = new Invoice { EntityCode = entity, Number = number, Currency = "EUR", Source = new SourceLocation("a.csv", ordinal + 1) };
        var key = IdempotencyKey.ForInvoice("FR01", InvoiceKind.Invoice, number);
        return new NewRecord(doc, ordinal, run, entity, key, "hash-" + number, number, "INV", "EUR", 1m, 1, state, StoreJson.Pack(invoice), [], null, null, null);
    }
}
