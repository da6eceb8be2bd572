using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Tests.Store;

public sealed class SqliteStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Open_Twice_KeepsDataAndSchema()
    {
        long run;
        using (var store = SqliteStore.Open(_dir.File("c.db")))
        {
            run = store.StartRun("FR01", "manual", At);
        }

        using var again = SqliteStore.Open(_dir.File("c.db"));
        again.SchemaVersion.ShouldBe(StoreMigrations.Scripts.Count);
        again.GetRun(run)!.Entity.ShouldBe("FR01");
    }

    [Fact]
    public void AddRecords_StoresStateProblemsAndException()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        var problem = Problem.Error(ProblemCodes.CustomerUnknown, "no customer", new SourceLocation("a.csv", 3), "customer_name", "Nobody");
        var draft = new ExceptionDraft(problem.Code, problem.Field, problem.Message, [problem], [new Suggestion("customer", "C-1", "Acme", 80)]);
        store.AddRecords([Record(doc, run, 1, "F1", RecordState.Ready), Record(doc, run, 2, "F2", RecordState.Exception, draft)], At);

        store.StoredOrdinals(doc).ShouldBe([1, 2], ignoreOrder: true);
        store.ReadyRecords("FR01", 10).Single().Number.ShouldBe("F1");
        var exception = store.ListExceptions("FR01", openOnly: true, 10).Single();
        exception.Code.ShouldBe(ProblemCodes.CustomerUnknown);
        exception.Problems.Single().Location.Line.ShouldBe(3);
        exception.Suggestions.Single().Score.ShouldBe(80);
        store.GetRecord(exception.RecordId)!.NetAmount.ShouldBe(100.10m);
    }

    [Fact]
    public void AddRecords_SameDocumentAndOrdinalTwice_IsRefusedWhole()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRecords([Record(doc, run, 1, "F1", RecordState.Ready)], At);

        Should.Throw<SqliteException>(() => store.AddRecords([Record(doc, run, 2, "F2", RecordState.Ready), Record(doc, run, 1, "F1", RecordState.Ready)], At));
        store.StoredOrdinals(doc).ShouldBe([1]);
    }

    [Fact]
    public void CreateBatch_KeyExportedBefore_ThrowsAndChangesNothing()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRecords([Record(doc, run, 1, "F1", RecordState.Ready)], At);
        store.CreateBatch("FR01-1", "FR01", run, store.ReadyHeads("FR01", 10), At);
        store.CompleteBatch("FR01-1", BatchState.Written, "outbox/FR01-1.zip", 1, 1, At);

        // The same key again (as if a bug or an operator made a second record Ready).
        store.AddRecords([Record(doc, run, 2, "F1", RecordState.Ready)], At);
        Should.Throw<DuplicateKeyException>(() => store.CreateBatch("FR01-2", "FR01", run, store.ReadyHeads("FR01", 10), At));

        store.ReadyRecords("FR01", 10).Single().Ordinal.ShouldBe(2);
        store.PendingBatches("FR01").ShouldBeEmpty();
    }

    [Fact]
    public void FailBatch_RecordsBecomeExceptionsAndKeysAreFreed()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRecords([Record(doc, run, 1, "F1", RecordState.Ready)], At);
        store.CreateBatch("FR01-1", "FR01", run, store.ReadyHeads("FR01", 10), At);
        var refused = Problem.Error("TARGET_REFUSED", "no", new SourceLocation("FR01-1"));

        store.FailBatch("FR01-1", new ExceptionDraft("TARGET_REFUSED", null, "refused", [refused], []), At);

        var record = store.FindLiveByKey("FR01", "FR01|INV|F1")!;
        record.State.ShouldBe(RecordState.Exception);
        record.BatchId.ShouldBeNull();
        store.ListExceptions("FR01", true, 10).Single().Code.ShouldBe("TARGET_REFUSED");

        // The key may be exported once the record is fixed.
        store.UpdateRecord(new RecordUpdate(record.Id, RecordState.Ready, record.PayloadJson, "EUR", 1m, 1, [], null, "fixed", "alice", "exception.correct", null), At);
        store.CreateBatch("FR01-2", "FR01", run, store.ReadyHeads("FR01", 10), At);
        store.PendingBatches("FR01").Single().Id.ShouldBe("FR01-2");
    }

    [Fact]
    public void UpdateRecord_ClosesTheOpenExceptionAndAudits()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        var problem = Problem.Error(ProblemCodes.FieldInvalidDate, "bad date", new SourceLocation("a.csv", 2), "issue_date", "31/02/2026");
        store.AddRecords([Record(doc, run, 1, "F1", RecordState.Exception, new ExceptionDraft(problem.Code, problem.Field, problem.Message, [problem], []))], At);
        var exception = store.ListExceptions("FR01", true, 10).Single();
        var record = store.GetRecord(exception.RecordId)!;

        store.UpdateRecord(new RecordUpdate(record.Id, RecordState.Ready, record.PayloadJson, "EUR", 1m, 1, [], null, "resolved by alice", "alice", "exception.correct", "issue_date=2026-02-28"), At);

        store.ListExceptions("FR01", true, 10).ShouldBeEmpty();
        var closed = store.GetException(exception.Id)!;
        closed.Open.ShouldBeFalse();
        closed.ResolvedBy.ShouldBe("alice");
        store.AuditTrail("FR01", 10).ShouldContain(a => a.Actor == "alice" && a.Action == "exception.correct" && a.Details == "issue_date=2026-02-28");
    }

    [Fact]
    public void Audit_CannotBeChangedOrDeleted()
    {
        var path = _dir.File("c.db");
        using (var store = SqliteStore.Open(path))
        {
            store.Audit("alice", "test", "FR01", null, null, At);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit SET actor = 'mallory'";
        Should.Throw<SqliteException>(() => update.ExecuteNonQuery()).Message.ShouldContain("append-only");
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit";
        Should.Throw<SqliteException>(() => delete.ExecuteNonQuery()).Message.ShouldContain("append-only");
    }

    [Fact]
    public void Aliases_AreKeptPerEntityAndAudited()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        store.AddAlias("FR01", new CustomerAlias("ACME Corp.", "C-1001"), "alice", At);
        store.AddAlias("FR01", new CustomerAlias("ACME Corp.", "C-1002"), "bob", At);

        store.Aliases("FR01").Single().AccountNumber.ShouldBe("C-1002");
        store.Aliases("US01").ShouldBeEmpty();
        store.AuditTrail("FR01", 10).Count(a => a.Action == "alias.learned").ShouldBe(2);
    }

    [Fact]
    public void NextBatchSequence_NeverRepeats()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        store.NextBatchSequence("FR01").ShouldBe(1);
        store.NextBatchSequence("FR01").ShouldBe(2);
        store.NextBatchSequence("US01").ShouldBe(1);
    }

    [Fact]
    public void ListDocuments_FiltersByEntityAndStatus_NewestFirst()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, first) = Document(store);
        var second = store.AddDocument(new NewDocument("FR01", "inbox", "b.csv", "def", 10, "archive/def", At, run, DocumentStatus.Received, null));
        store.CompleteDocument(second, DocumentStatus.Failed, [Problem.Error(ProblemCodes.EmptyFile, "empty", new SourceLocation("b.csv"))], 0, []);

        store.ListDocuments("FR01", null, 10).Select(d => d.Id).ShouldBe([second, first]);
        store.ListDocuments("FR01", DocumentStatus.Failed, 10).Single().Problems.Single().Code.ShouldBe(ProblemCodes.EmptyFile);
        store.ListDocuments("US01", null, 10).ShouldBeEmpty();
    }

    public void Dispose() => _dir.Dispose();

    private static (long Run, long Document) Document(SqliteStore store)
    {
        var run = store.StartRun("FR01", "test", At);
        var doc = store.AddDocument(new NewDocument("FR01", "inbox", "a.csv", "abc", 10, "archive/abc", At, run, DocumentStatus.Received, null));
        return (run, doc);
    }

    private static NewRecord Record(long doc, long run, int ordinal, string number, RecordState state, ExceptionDraft? draft = null)
    {
        var invoice = new Invoice { EntityCode = "FR01", Number = number, Currency = "EUR", Source = new SourceLocation("a.csv", ordinal + 1) };
        return new NewRecord(doc, ordinal, run, "FR01", IdempotencyKey.ForInvoice("FR01", InvoiceKind.Invoice, number), "hash-" + number, number, "INV", "EUR", 100.10m, 1, state, StoreJson.Pack(invoice), draft?.Problems ?? [], null, draft, null);
    }
}
