using System.Diagnostics;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Bench.Oracle;

/// <summary>A batch target that times its inner target's submissions and confirmation looks (one caller at a time).</summary>
internal sealed class TimedBatchTarget(IBatchInvoiceTarget inner) : IBatchInvoiceTarget
{
    public string Type => inner.Type;

    public TimeSpan Submit { get; private set; }

    public TimeSpan Confirm { get; private set; }

    public int Looks { get; private set; }

    public async Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await inner.SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Submit += watch.Elapsed;
        }
    }

    public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken) => inner.FindSubmissionAsync(batch, cancellationToken);

    public async Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            Looks++;
            return await inner.ConfirmAsync(batch, submission, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Confirm += watch.Elapsed;
        }
    }

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken) => inner.CheckAsync(entity, cancellationToken);
}
