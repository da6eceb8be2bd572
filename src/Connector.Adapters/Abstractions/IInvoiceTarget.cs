using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Abstractions;

/// <summary>
/// An ERP target for invoices. A target makes one attempt per call and lets failures propagate as
/// <see cref="TargetException"/>s; retries belong to the pipeline. Posting a batch whose id the target already holds
/// must not create anything twice: the pipeline asks <see cref="FindBatchAsync"/> before any retry.
/// </summary>
public interface IInvoiceTarget
{
    /// <summary>The adapter name used in entity.yaml (<c>target.type</c>).</summary>
    string Type { get; }

    /// <summary>Posts one batch of ready invoices. One attempt.</summary>
    Task<PostedBatch> PostAsync(InvoiceBatch batch, CancellationToken cancellationToken);

    /// <summary>Looks a batch up by its id: what the ERP (or outbox) holds for it, or null when it holds nothing.</summary>
    Task<PostedBatch?> FindBatchAsync(EntityDefinition entity, string batchId, CancellationToken cancellationToken);
}

/// <summary>A batch of invoices of one entity, with a deterministic id chosen by the pipeline.</summary>
public sealed record InvoiceBatch(string BatchId, EntityDefinition Entity, IReadOnlyList<PostableInvoice> Invoices);

/// <summary>An invoice ready to post: resolved customer, its idempotency key and the store's record id.</summary>
public sealed record PostableInvoice(long RecordId, string IdempotencyKey, Invoice Invoice);

/// <summary>What a target did with a batch: where it went and how many lines it carried.</summary>
public sealed record PostedBatch(string BatchId, string Location, int InvoiceCount, int LineCount);

/// <summary>The root of target failures; the pipeline maps the subtypes to actions.</summary>
public abstract class TargetException : Exception
{
    protected TargetException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A failure worth retrying (I/O, time-out, throttling); <see cref="RetryAfter"/> when the target said.</summary>
public sealed class TransientTargetException : TargetException
{
    public TransientTargetException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public TimeSpan? RetryAfter { get; }
}

/// <summary>The target refused the records; retrying the same content cannot succeed.</summary>
public sealed class RefusedByTargetException : TargetException
{
    public RefusedByTargetException(string message, IReadOnlyList<string> reasons)
        : base(message) => Reasons = reasons;

    public IReadOnlyList<string> Reasons { get; }
}
