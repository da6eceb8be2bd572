using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;

namespace Connector.Host.Store;

/// <summary>
/// Everything the Connector keeps: documents, records and their transitions, exceptions, learned aliases, runs,
/// export batches with the ledger of exported keys, and the append-only audit log. Every method that changes state is
/// one transaction, so a crash leaves a state the next start resumes from. The pipeline speaks only this interface;
/// SQL dialect stays in the implementations (SQLite now, PostgreSQL for several nodes later).
/// </summary>
internal interface IConnectorStore : IDisposable
{
    long StartRun(string entity, string trigger, DateTimeOffset at);

    void FinishRun(long runId, string status, DateTimeOffset at);

    RunInfo? GetRun(long runId);

    IReadOnlyList<RunInfo> ListRuns(string? entity, int limit);

    /// <summary>The first document of the entity with these bytes, if any.</summary>
    DocumentInfo? FindDocumentByHash(string entity, string sha256);

    long AddDocument(NewDocument document);

    void CompleteDocument(long documentId, DocumentStatus status, IReadOnlyList<Mapping.Problems.Problem> problems, int recordCount, IReadOnlyList<ControlTotal> control);

    DocumentInfo? GetDocument(long documentId);

    /// <summary>Documents stored but not yet read to the end (a crash interrupted them).</summary>
    IReadOnlyList<DocumentInfo> DocumentsToResume(string entity);

    IReadOnlyList<DocumentInfo> DocumentsOfRun(long runId);

    /// <summary>Documents of an entity (or all), newest first, optionally only those with one status.</summary>
    IReadOnlyList<DocumentInfo> ListDocuments(string? entity, DocumentStatus? status, int limit);

    /// <summary>The ordinals of the records already stored for a document (to resume it without doubles).</summary>
    IReadOnlySet<int> StoredOrdinals(long documentId);

    /// <summary>The most recent record with this key that was not skipped.</summary>
    RecordInfo? FindLiveByKey(string entity, string idempotencyKey);

    /// <summary>For each of the keys that has one, the record <see cref="FindLiveByKey"/> would return, in one query.</summary>
    /// <remarks>Reads committed records only, and may run while another thread stores records.</remarks>
    IReadOnlyDictionary<string, RecordInfo> FindLiveByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys);

    /// <summary>Stores records, their first transition and their exceptions in one transaction.</summary>
    void AddRecords(IReadOnlyList<NewRecord> records, DateTimeOffset at);

    RecordInfo? GetRecord(long recordId);

    IReadOnlyList<RecordInfo> RecordsOfRun(long runId);

    /// <summary>Every state change of a record, oldest first.</summary>
    IReadOnlyList<TransitionInfo> History(long recordId);

    IReadOnlyList<RecordInfo> ReadyRecords(string entity, int limit);

    /// <summary>Records the target has or is importing (Posted, Confirmed), newest first: the invoices the Connector posted itself.</summary>
    IReadOnlyList<RecordInfo> PostedRecords(string entity, int limit);

    /// <summary>The oldest Ready records of an entity, without their content: what forming a batch needs.</summary>
    IReadOnlyList<RecordHead> ReadyHeads(string entity, int limit);

    /// <summary>Applies a decision about one record (an operator's fix, a re-validation) in one transaction.</summary>
    void UpdateRecord(RecordUpdate update, DateTimeOffset at);

    /// <summary>
    /// Creates a pending batch: the records move to Posting and their keys enter the export ledger. Throws
    /// <see cref="DuplicateKeyException"/> if any key was exported before; nothing is changed then.
    /// </summary>
    void CreateBatch(string batchId, string entity, long runId, IReadOnlyList<RecordHead> records, DateTimeOffset at);

    /// <summary>
    /// The target has the batch (<paramref name="state"/> Submitted: its import runs; Written: in an outbox, not
    /// confirmable): the records still Posting become Posted.
    /// </summary>
    void CompleteBatch(string batchId, BatchState state, string location, int invoiceCount, int lineCount, DateTimeOffset at);

    /// <summary>
    /// The target confirmed the records (Posting or Posted -> Confirmed) with its own references, in one transaction
    /// (one commit for many confirmations).
    /// </summary>
    void ConfirmRecords(IReadOnlyList<(long RecordId, ErpReference Erp)> confirmations, DateTimeOffset at);

    /// <summary>
    /// The target refused the record: it becomes an exception with the target's reasons and its key leaves the ledger
    /// (nothing of it was created), so that a corrected record can be posted. With <paramref name="releaseKey"/> false
    /// the key stays taken: the target may hold the record after all (it did not say), so an operator checks first.
    /// </summary>
    void RefuseRecord(long recordId, ExceptionDraft exception, DateTimeOffset at, bool releaseKey = true);

    /// <summary>Takes the record's key out of the export ledger (an operator checked the ERP does not hold it).</summary>
    void ReleaseExportedKey(long recordId);

    /// <summary>Marks the batch Confirmed when none of its records is Posting or Posted any more; true when it did.</summary>
    bool CloseBatch(string batchId, DateTimeOffset at);

    /// <summary>Batches whose import was started and is not confirmed yet, oldest first.</summary>
    IReadOnlyList<BatchInfo> SubmittedBatches(string entity);

    /// <summary>
    /// The target refused a batch: its records become exceptions with the target's reasons and their keys leave the
    /// ledger (nothing of them was exported).
    /// </summary>
    void FailBatch(string batchId, ExceptionDraft exception, DateTimeOffset at);

    IReadOnlyList<BatchInfo> PendingBatches(string entity);

    IReadOnlyList<BatchInfo> BatchesOfRun(long runId);

    IReadOnlyList<RecordInfo> RecordsOfBatch(string batchId);

    /// <summary>The invoices of a batch not settled yet (Posting or Posted), read one by one (no payload text is kept).</summary>
    IReadOnlyList<BatchedInvoice> InvoicesToPost(string batchId);

    /// <summary>A sequence number for batch ids, per entity, never handed out twice.</summary>
    long NextBatchSequence(string entity);

    /// <summary>The ordinals of the remittances already stored for a bank document (to resume it without doubles).</summary>
    IReadOnlySet<int> StoredRemittanceOrdinals(long documentId);

    /// <summary>For each of the keys that has one, the first remittance stored with it that is neither Refused nor a Duplicate.</summary>
    IReadOnlyDictionary<string, RemittanceInfo> FindRemittancesByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys);

    /// <summary>Stores remittances and their first transition in one transaction.</summary>
    void AddRemittances(IReadOnlyList<NewRemittance> remittances, DateTimeOffset at);

    RemittanceInfo? GetRemittance(long remittanceId);

    /// <summary>The entity's remittances in these states, oldest first.</summary>
    IReadOnlyList<RemittanceInfo> RemittancesInStates(string entity, IReadOnlyCollection<RemittanceState> states);

    /// <summary>The remittances read from the documents of a run.</summary>
    IReadOnlyList<RemittanceInfo> RemittancesOfRun(long runId);

    /// <summary>
    /// Moves a remittance from one state to another (with the ERP's receipt id and number, or the target's reasons) in
    /// one transaction with its transition (and an audit entry when it ends Confirmed, Refused or NoTarget); false, and
    /// nothing changed, when it is no longer in <see cref="RemittanceMove.From"/>. Moving to Posting counts an attempt.
    /// </summary>
    bool MoveRemittance(RemittanceMove move, DateTimeOffset at);

    /// <summary>Every state change of a remittance, oldest first.</summary>
    IReadOnlyList<RemittanceTransition> RemittanceHistory(long remittanceId);

    /// <summary>What was read of a payment from scanned cheques and stubs; null for a payment of a bank file.</summary>
    ScannedReadings? ScanOf(long remittanceId);

    IReadOnlyList<ExceptionInfo> ListExceptions(string? entity, bool openOnly, int limit);

    ExceptionInfo? GetException(long exceptionId);

    IReadOnlyList<ExceptionInfo> OpenExceptionsWithCode(string entity, IReadOnlyCollection<string> codes);

    IReadOnlyList<CustomerAlias> Aliases(string entity);

    void AddAlias(string entity, CustomerAlias alias, string actor, DateTimeOffset at);

    void Audit(string actor, string action, string? entity, string? subject, string? details, DateTimeOffset at);

    IReadOnlyList<AuditEntry> AuditTrail(string? entity, int limit);
}

/// <summary>A decision about a record: its new state and content, and what the audit log says about it.</summary>
internal sealed record RecordUpdate(
    long RecordId,
    RecordState NewState,
    string PayloadJson,
    string? Currency,
    decimal NetAmount,
    int LineCount,
    IReadOnlyList<Mapping.Problems.Problem> Problems,
    ExceptionDraft? Exception,
    string Reason,
    string Actor,
    string AuditAction,
    string? AuditDetails);

/// <summary>An idempotency key was about to be exported a second time.</summary>
internal sealed class DuplicateKeyException : Exception
{
    public DuplicateKeyException(string key)
        : base($"Key '{key}' was exported before; the Connector never exports a key twice.") => Key = key;

    public string Key { get; }
}
