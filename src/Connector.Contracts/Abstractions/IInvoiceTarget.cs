using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Abstractions;

/// <summary>
/// An ERP target for invoices. A target makes one attempt per call and lets failures propagate as
/// <see cref="TargetException"/>s: retries, time-outs, circuit breaking and concurrency limits belong to the pipeline,
/// which also asks the target what it holds before any retry. A target posts either one invoice per call
/// (<see cref="IPerInvoiceTarget"/>) or a batch per call that is confirmed later (<see cref="IBatchInvoiceTarget"/>).
/// One instance serves one entity (its URL, credentials and identifiers come from that entity's <c>target</c>).
/// </summary>
public interface IInvoiceTarget
{
    /// <summary>The adapter name used in entity.yaml (<c>target.type</c>).</summary>
    string Type { get; }

    /// <summary>
    /// Tests the connection and the setup the entity relies on (business unit, source, types, terms...) and says
    /// exactly what is missing. Never throws for a failed check: each check is an item.
    /// </summary>
    Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken);
}

/// <summary>A target that posts one invoice per call (Oracle Fusion REST, Tryton).</summary>
public interface IPerInvoiceTarget : IInvoiceTarget
{
    /// <summary>Posts one invoice (one attempt) and returns what the ERP created, read back from its answer.</summary>
    /// <exception cref="TransientTargetException">Worth retrying (after a look-up).</exception>
    /// <exception cref="RefusedByTargetException">The ERP refused the content; never retried.</exception>
    Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken);

    /// <summary>Looks the invoice up by its idempotency key (e.g. transaction number within the source); null when absent.</summary>
    Task<ErpInvoice?> FindAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken);
}

/// <summary>
/// A target that takes a batch per call and confirms it later (AutoInvoice through FBDI or the EBS interface tables,
/// an outbox folder). The ERP's own key rule (AutoInvoice's transaction flexfield) must make a batch submitted twice
/// create nothing twice; the pipeline still asks <see cref="FindSubmissionAsync"/> before submitting again.
/// </summary>
public interface IBatchInvoiceTarget : IInvoiceTarget
{
    /// <summary>Submits the batch (one attempt): writes or uploads it and starts the import where the ERP has one.</summary>
    Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken);

    /// <summary>What the ERP (or outbox) already holds of this batch from an earlier attempt, or null when nothing.</summary>
    Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// One look at the import's progress (one attempt, no waiting loop): still running, or finished with an outcome for
    /// every invoice of the batch, or not confirmable by this target (a file dropped in an outbox).
    /// </summary>
    Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken);
}

/// <summary>A batch of invoices of one entity, with a deterministic id chosen by the pipeline.</summary>
public sealed record InvoiceBatch(string BatchId, EntityDefinition Entity, IReadOnlyList<PostableInvoice> Invoices)
{
    public int LineCount => Invoices.Sum(i => i.Invoice.Lines.Count);
}

/// <summary>An invoice ready to post: resolved customer, its idempotency key and the store's record id.</summary>
public sealed record PostableInvoice(long RecordId, string IdempotencyKey, Invoice Invoice);

/// <summary>An invoice as the ERP holds it, read back after posting or found by key.</summary>
/// <param name="ErpId">The ERP's id (Fusion CustomerTransactionId, EBS CUSTOMER_TRX_ID, Tryton id).</param>
/// <param name="Number">The transaction number the ERP gave or kept.</param>
/// <param name="Amount">The total the ERP holds, when it says.</param>
/// <param name="Currency">The currency the ERP holds, when it says.</param>
/// <param name="Status">The ERP's status word (e.g. Complete, Incomplete, posted), when it says.</param>
public sealed record ErpInvoice(string ErpId, string Number, decimal? Amount, string? Currency, string? Status);

/// <summary>What a batch target did with a batch: where it went (file, load request id) and what it carried.</summary>
/// <param name="BatchId">The pipeline's batch id.</param>
/// <param name="InvoiceCount">Invoices carried.</param>
/// <param name="LineCount">Invoice lines carried.</param>
/// <param name="Reference">The target's handle on the batch: a file path, an ESS request id, an AutoInvoice request id.</param>
public sealed record BatchSubmission(string BatchId, string Reference, int InvoiceCount, int LineCount);

public enum ConfirmationStatus
{
    /// <summary>The import has not finished; look again later.</summary>
    Running,

    /// <summary>The import finished: <see cref="BatchConfirmation.Outcomes"/> holds one outcome per invoice.</summary>
    Completed,

    /// <summary>This target cannot confirm (e.g. a package left in an outbox for another tool to load).</summary>
    NotAvailable,
}

/// <summary>The result of one look at a batch's import.</summary>
/// <param name="Status">Running, completed or not confirmable.</param>
/// <param name="Outcomes">When completed: one outcome per invoice of the batch.</param>
/// <param name="Detail">What the ERP said of the job (status, request ids), for the log and the operator.</param>
public sealed record BatchConfirmation(ConfirmationStatus Status, IReadOnlyList<InvoiceOutcome> Outcomes, string? Detail)
{
    public static BatchConfirmation Running(string? detail) => new(ConfirmationStatus.Running, [], detail);

    public static BatchConfirmation NotAvailable(string? detail) => new(ConfirmationStatus.NotAvailable, [], detail);
}

/// <summary>What the ERP did with one invoice of a batch: created it (<see cref="Created"/>) or refused it (<see cref="Errors"/>).</summary>
public sealed record InvoiceOutcome(string IdempotencyKey, ErpInvoice? Created, IReadOnlyList<TargetError> Errors)
{
    public bool Accepted => Created is not null && Errors.Count == 0;

    public static InvoiceOutcome Confirmed(string key, ErpInvoice created) => new(key, created, []);

    public static InvoiceOutcome Refused(string key, IReadOnlyList<TargetError> errors) => new(key, null, errors);
}

/// <summary>One reason the ERP gave for refusing an invoice, with the invoice line it names when it names one.</summary>
/// <param name="Message">The ERP's message, as it gave it.</param>
/// <param name="Code">The ERP's message code (e.g. AR_BILL_TO_CUST_NOT_FOUND), when it gave one.</param>
/// <param name="LineNumber">The invoice's line number (<c>InvoiceLine.LineNumber</c>) the error is about, or null for the whole invoice.</param>
/// <param name="InvalidValue">The value the ERP found invalid, when it said.</param>
public sealed record TargetError(string Message, string? Code = null, int? LineNumber = null, string? InvalidValue = null)
{
    public override string ToString()
        => (Code is null ? string.Empty : Code + ": ") + Message
           + (InvalidValue is null ? string.Empty : " (value '" + InvalidValue + "')")
           + (LineNumber is null ? string.Empty : " [line " + LineNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
}

/// <summary>One item of <see cref="IInvoiceTarget.CheckAsync"/>: what was checked, whether it is there, and what to do.</summary>
public sealed record TargetCheck(string Item, bool Ok, string Detail);
