using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Store;

/// <summary>The life of a record (see docs/architecture): Ready waits for export, Posted is in an import package.</summary>
internal enum RecordState
{
    Received,
    Parsed,
    Mapped,
    Validated,
    Ready,
    Posting,
    Posted,
    Confirmed,
    Exception,
    Rejected,
    Skipped,
}

internal enum DocumentStatus
{
    /// <summary>Stored and archived; not yet read.</summary>
    Received,

    /// <summary>Read; every record it held is stored.</summary>
    Processed,

    /// <summary>Read, but parts of it could not be (bad lines); the good records went on.</summary>
    ProcessedWithErrors,

    /// <summary>Could not be read at all; kept for an operator.</summary>
    Failed,

    /// <summary>The same bytes were received before; nothing was taken from it.</summary>
    Duplicate,
}

internal sealed record NewDocument(
    string Entity,
    string Source,
    string OriginalName,
    string Sha256,
    long Size,
    string ArchivePath,
    DateTimeOffset ReceivedAt,
    long RunId,
    DocumentStatus Status,
    long? DuplicateOf)
{
    /// <summary>The mapping profile the document is read with; null when none fits.</summary>
    public string? Profile { get; init; }
}

internal sealed record DocumentInfo(
    long Id,
    string Entity,
    string Source,
    string OriginalName,
    string Sha256,
    long Size,
    string ArchivePath,
    DateTimeOffset ReceivedAt,
    long RunId,
    DocumentStatus Status,
    long? DuplicateOf,
    int RecordCount,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<ControlTotal> Control)
{
    /// <summary>The mapping profile the document is read with; null when none fits.</summary>
    public string? Profile { get; init; }
}

/// <summary>Count and net amount of the invoices of one currency as read from a document, before any decision.</summary>
internal sealed record ControlTotal(string Currency, int Count, decimal Amount);

/// <summary>A record to store once it has been read, mapped and validated.</summary>
internal sealed record NewRecord(
    long DocumentId,
    int Ordinal,
    long RunId,
    string Entity,
    string IdempotencyKey,
    string ContentHash,
    string Number,
    string Kind,
    string? Currency,
    decimal NetAmount,
    int LineCount,
    RecordState State,
    byte[] Payload,
    IReadOnlyList<Problem> Problems,
    string? SkipReason,
    ExceptionDraft? Exception,
    long? Supersedes);

/// <summary>What an operator needs to decide: the main code, all problems, and the suggested fixes.</summary>
internal sealed record ExceptionDraft(string Code, string? Field, string Message, IReadOnlyList<Problem> Problems, IReadOnlyList<Suggestion> Suggestions);

/// <summary>A suggested fix: e.g. a candidate customer with its score, or a field to correct.</summary>
internal sealed record Suggestion(string Kind, string Value, string Label, int? Score);

internal sealed record RecordInfo(
    long Id,
    long DocumentId,
    int Ordinal,
    long RunId,
    string Entity,
    string IdempotencyKey,
    string ContentHash,
    string Number,
    string Kind,
    string? Currency,
    decimal NetAmount,
    int LineCount,
    RecordState State,
    byte[] Payload,
    IReadOnlyList<Problem> Problems,
    string? BatchId,
    string? StateReason)
{
    public RecordHead Head => new(Id, IdempotencyKey, Number, LineCount);

    /// <summary>The record's canonical JSON (unpacked on each call).</summary>
    public string PayloadJson => StoreJson.Unpack(Payload);

    /// <summary>The record's canonical invoice (unpacked on each call).</summary>
    public Invoice Invoice => StoreJson.UnpackInvoice(Payload);

    /// <summary>What the ERP holds for this record, once it confirmed it.</summary>
    public ErpReference? Erp { get; init; }
}

/// <summary>The ERP's own reference to a record it created: id, number, total and status as it reported them.</summary>
internal sealed record ErpReference(string Id, string Number, decimal? Amount, string? Status);

/// <summary>What batching needs of a record: no payload, so that planning a large export stays small.</summary>
internal sealed record RecordHead(long Id, string IdempotencyKey, string Number, int LineCount);

/// <summary>A record of a batch not settled yet (Posting or Posted), its content read back as the canonical invoice.</summary>
internal sealed record BatchedInvoice(long RecordId, string IdempotencyKey, Invoice Invoice, RecordState State);

internal sealed record ExceptionInfo(
    long Id,
    long RecordId,
    string Entity,
    string Code,
    string? Field,
    string Message,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<Suggestion> Suggestions,
    bool Open,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Resolution);

internal sealed record RunInfo(
    long Id,
    string Entity,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status);

internal enum BatchState
{
    /// <summary>Recorded (records Posting, keys in the ledger); not known to be in the target yet.</summary>
    Pending,

    /// <summary>Written where the target reads it (an outbox); the target cannot confirm it: its records stay Posted.</summary>
    Written,

    /// <summary>Handed to the target, whose import runs: its records are Posted until the import is confirmed.</summary>
    Submitted,

    /// <summary>Every record of the batch is settled: Confirmed by the target, or an exception with the target's reasons.</summary>
    Confirmed,

    /// <summary>The target refused the batch; its records went back to the exception queue and its keys were freed.</summary>
    Failed,
}

internal sealed record BatchInfo(string Id, string Entity, long RunId, BatchState State, string? Location, int InvoiceCount, int LineCount, DateTimeOffset CreatedAt);

/// <summary>One state change of a record: from (null when it was stored), to, when, by whom, why.</summary>
internal sealed record TransitionInfo(RecordState? From, RecordState To, DateTimeOffset At, string Actor, string? Reason);

internal sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Entity, string? Subject, string? Details);
