using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Pipeline;

/// <summary>The process dies here: nothing after this point happens, what was committed stays.</summary>
internal sealed class SimulatedCrashException(string where) : Exception($"simulated crash at {where}");

/// <summary>
/// A store that "kills the process" at a chosen call: the call named <c>method</c> throws on its
/// <c>occurrence</c>-th use, either before it reaches the real store (<c>after: false</c>) or right after the real
/// store committed it (<c>after: true</c>). With <c>instead</c>, nothing dies: the action runs after the call (e.g. Ctrl+C).
/// </summary>
internal sealed class CrashingStore(IConnectorStore inner, string method, int occurrence = 1, bool after = false, Action? instead = null) : IConnectorStore
{
    private int _calls;

    public bool Crashed { get; private set; }

    public long StartRun(string entity, string trigger, DateTimeOffset at) => Call(nameof(StartRun), () => inner.StartRun(entity, trigger, at));

    public void FinishRun(long runId, string status, DateTimeOffset at) => Call(nameof(FinishRun), () => inner.FinishRun(runId, status, at));

    public RunInfo? GetRun(long runId) => inner.GetRun(runId);

    public IReadOnlyList<RunInfo> ListRuns(string? entity, int limit) => inner.ListRuns(entity, limit);

    public DocumentInfo? FindDocumentByHash(string entity, string sha256) => inner.FindDocumentByHash(entity, sha256);

    public long AddDocument(NewDocument document) => Call(nameof(AddDocument), () => inner.AddDocument(document));

    public void CompleteDocument(long documentId, DocumentStatus status, IReadOnlyList<Problem> problems, int recordCount, IReadOnlyList<ControlTotal> control)
        => Call(nameof(CompleteDocument), () => inner.CompleteDocument(documentId, status, problems, recordCount, control));

    public DocumentInfo? GetDocument(long documentId) => inner.GetDocument(documentId);

    public IReadOnlyList<DocumentInfo> DocumentsToResume(string entity) => inner.DocumentsToResume(entity);

    public IReadOnlyList<DocumentInfo> DocumentsOfRun(long runId) => inner.DocumentsOfRun(runId);

    public IReadOnlyList<DocumentInfo> ListDocuments(string? entity, DocumentStatus? status, int limit) => inner.ListDocuments(entity, status, limit);

    public IReadOnlySet<int> StoredOrdinals(long documentId) => inner.StoredOrdinals(documentId);

    public RecordInfo? FindLiveByKey(string entity, string idempotencyKey) => inner.FindLiveByKey(entity, idempotencyKey);

    public IReadOnlyDictionary<string, RecordInfo> FindLiveByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys) => inner.FindLiveByKeys(entity, idempotencyKeys);

    public void AddRecords(IReadOnlyList<NewRecord> records, DateTimeOffset at) => Call(nameof(AddRecords), () => inner.AddRecords(records, at));

    public RecordInfo? GetRecord(long recordId) => inner.GetRecord(recordId);

    public IReadOnlyList<RecordInfo> RecordsOfRun(long runId) => inner.RecordsOfRun(runId);

    public IReadOnlyList<TransitionInfo> History(long recordId) => inner.History(recordId);

    public IReadOnlyList<RecordInfo> ReadyRecords(string entity, int limit) => inner.ReadyRecords(entity, limit);

    public IReadOnlyList<RecordInfo> PostedRecords(string entity, int limit) => inner.PostedRecords(entity, limit);

    public IReadOnlyList<RecordHead> ReadyHeads(string entity, int limit) => inner.ReadyHeads(entity, limit);

    public void UpdateRecord(RecordUpdate update, DateTimeOffset at) => Call(nameof(UpdateRecord), () => inner.UpdateRecord(update, at));

    public void CreateBatch(string batchId, string entity, long runId, IReadOnlyList<RecordHead> records, DateTimeOffset at)
        => Call(nameof(CreateBatch), () => inner.CreateBatch(batchId, entity, runId, records, at));

    public void CompleteBatch(string batchId, BatchState state, string location, int invoiceCount, int lineCount, DateTimeOffset at)
        => Call(nameof(CompleteBatch), () => inner.CompleteBatch(batchId, state, location, invoiceCount, lineCount, at));

    public void ConfirmRecords(IReadOnlyList<(long RecordId, ErpReference Erp)> confirmations, DateTimeOffset at)
        => Call(nameof(ConfirmRecords), () => inner.ConfirmRecords(confirmations, at));

    public void RefuseRecord(long recordId, ExceptionDraft exception, DateTimeOffset at, bool releaseKey = true)
        => Call(nameof(RefuseRecord), () => inner.RefuseRecord(recordId, exception, at, releaseKey));

    public void ReleaseExportedKey(long recordId) => Call(nameof(ReleaseExportedKey), () => inner.ReleaseExportedKey(recordId));

    public IReadOnlySet<int> StoredRemittanceOrdinals(long documentId) => inner.StoredRemittanceOrdinals(documentId);

    public IReadOnlyDictionary<string, RemittanceInfo> FindRemittancesByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys) => inner.FindRemittancesByKeys(entity, idempotencyKeys);

    public void AddRemittances(IReadOnlyList<NewRemittance> remittances, DateTimeOffset at) => Call(nameof(AddRemittances), () => inner.AddRemittances(remittances, at));

    public RemittanceInfo? GetRemittance(long remittanceId) => inner.GetRemittance(remittanceId);

    public IReadOnlyList<RemittanceInfo> RemittancesInStates(string entity, IReadOnlyCollection<RemittanceState> states) => inner.RemittancesInStates(entity, states);

    public IReadOnlyList<RemittanceInfo> RemittancesOfRun(long runId) => inner.RemittancesOfRun(runId);

    public bool MoveRemittance(RemittanceMove move, DateTimeOffset at) => Call(nameof(MoveRemittance), () => inner.MoveRemittance(move, at));

    public IReadOnlyList<RemittanceTransition> RemittanceHistory(long remittanceId) => inner.RemittanceHistory(remittanceId);

    public ScannedReadings? ScanOf(long remittanceId) => inner.ScanOf(remittanceId);

    public bool CloseBatch(string batchId, DateTimeOffset at) => Call(nameof(CloseBatch), () => inner.CloseBatch(batchId, at));

    public IReadOnlyList<BatchInfo> SubmittedBatches(string entity) => inner.SubmittedBatches(entity);

    public void FailBatch(string batchId, ExceptionDraft exception, DateTimeOffset at) => Call(nameof(FailBatch), () => inner.FailBatch(batchId, exception, at));

    public IReadOnlyList<BatchInfo> PendingBatches(string entity) => inner.PendingBatches(entity);

    public IReadOnlyList<BatchInfo> BatchesOfRun(long runId) => inner.BatchesOfRun(runId);

    public IReadOnlyList<RecordInfo> RecordsOfBatch(string batchId) => inner.RecordsOfBatch(batchId);

    public IReadOnlyList<BatchedInvoice> InvoicesToPost(string batchId) => inner.InvoicesToPost(batchId);

    public long NextBatchSequence(string entity) => inner.NextBatchSequence(entity);

    public IReadOnlyList<ExceptionInfo> ListExceptions(string? entity, bool openOnly, int limit) => inner.ListExceptions(entity, openOnly, limit);

    public ExceptionInfo? GetException(long exceptionId) => inner.GetException(exceptionId);

    public IReadOnlyList<ExceptionInfo> OpenExceptionsWithCode(string entity, IReadOnlyCollection<string> codes) => inner.OpenExceptionsWithCode(entity, codes);

    public IReadOnlyList<CustomerAlias> Aliases(string entity) => inner.Aliases(entity);

    public void AddAlias(string entity, CustomerAlias alias, string actor, DateTimeOffset at) => Call(nameof(AddAlias), () => inner.AddAlias(entity, alias, actor, at));

    public void Audit(string actor, string action, string? entity, string? subject, string? details, DateTimeOffset at) => inner.Audit(actor, action, entity, subject, details, at);

    public IReadOnlyList<AuditEntry> AuditTrail(string? entity, int limit) => inner.AuditTrail(entity, limit);

    public void Dispose() => inner.Dispose();

    private void Call(string name, Action action) => Call(name, () =>
    {
        action();
        return 0;
    });

    private T Call<T>(string name, Func<T> action)
    {
        if (Crashed)
        {
            throw new InvalidOperationException("The process died; a dead process calls nothing.");
        }

        var crashNow = name == method && ++_calls == occurrence;
        if (crashNow && !after && instead is null)
        {
            Crashed = true;
            throw new SimulatedCrashException($"{name} (before)");
        }

        var result = action();
        if (crashNow && instead is not null)
        {
            instead();
            return result;
        }

        if (crashNow)
        {
            Crashed = true;
            throw new SimulatedCrashException($"{name} (after commit)");
        }

        return result;
    }
}
