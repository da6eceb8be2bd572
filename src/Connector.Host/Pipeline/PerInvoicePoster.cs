using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// Posts the records of each batch one per call, several at once (the target's concurrency), each call under the
/// target's resilience pipeline. A record is looked up by its key before any retry and before it is posted again after
/// a crash (its batch still pending). Created -> Confirmed with the ERP's reference; refused -> an exception with the
/// ERP's messages and its key freed; still failing after the retries -> it stays Posting and the run stops posting.
/// </summary>
internal sealed class PerInvoicePoster(IConnectorStore store, TimeProvider clock, ILogger logger, TargetResilience resilience, int batchSize, IProgress<(int Settled, int Total)>? progress)
{
    public async Task<ExportResult> ExportAsync(Exporter exporter, EntityRuntime entity, IPerInvoiceTarget target, long runId, CancellationToken cancellationToken)
    {
        foreach (var pending in store.PendingBatches(entity.Code))
        {
            logger.LogInformation("Resuming batch {Batch} of {Entity} left pending: each record is looked up in {Target} before it is posted", pending.Id, entity.Code, target.Type);
            var resumed = await PostBatchAsync(exporter, entity, target, pending.Id, resumed: true, cancellationToken).ConfigureAwait(false);
            if (resumed.End != ExportEnd.Done)
            {
                return resumed;
            }
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var (more, batchId) = exporter.NextBatch(entity, runId, Math.Max(1, batchSize));
            if (!more)
            {
                break;
            }

            if (batchId is null)
            {
                continue;
            }

            var result = await PostBatchAsync(exporter, entity, target, batchId, resumed: false, cancellationToken).ConfigureAwait(false);
            if (result.End != ExportEnd.Done)
            {
                return result;
            }
        }

        return new ExportResult(cancellationToken.IsCancellationRequested ? ExportEnd.Interrupted : ExportEnd.Done);
    }

    private async Task<ExportResult> PostBatchAsync(Exporter exporter, EntityRuntime entity, IPerInvoiceTarget target, string batchId, bool resumed, CancellationToken cancellationToken)
    {
        var batch = exporter.LoadBatch(entity.Definition, batchId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = new SettlementWriter(store, clock, stop);
        ExportResult? stopped = null;
        var settled = 0;
        var confirmed = 0;
        var refused = 0;
        try
        {
            await Parallel.ForEachAsync(
                batch.Invoices,
                new ParallelOptions { MaxDegreeOfParallelism = resilience.Settings.Concurrency, CancellationToken = stop.Token },
                async (invoice, token) =>
                {
                    try
                    {
                        var erp = await PostOneAsync(entity, target, invoice, resumed, token).ConfigureAwait(false);
                        writer.Confirm(invoice.RecordId, TargetRefusals.Reference(erp));
                        Interlocked.Increment(ref confirmed);
                    }
                    catch (RefusedByTargetException e)
                    {
                        writer.Refuse(invoice.RecordId, TargetRefusals.Refused(target.Type, invoice.Invoice, e.Message, e.Errors));
                        Interlocked.Increment(ref refused);
                        logger.LogWarning("Invoice {Number} of {Entity} refused by {Target}: {Reason}", invoice.Invoice.Number, entity.Code, target.Type, e.Message);
                    }
                    catch (Exception e) when (TargetResilience.IsTransient(e))
                    {
                        Interlocked.CompareExchange(ref stopped, new ExportResult(ExportEnd.TargetUnavailable, e.Message), null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                    catch (TargetSetupException e)
                    {
                        Interlocked.CompareExchange(ref stopped, new ExportResult(ExportEnd.TargetUnusable, e.Message), null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    progress?.Report((Interlocked.Increment(ref settled), batch.Invoices.Count));
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by a record that could not be posted, by the store, or by the caller: what is left stays Posting.
        }

        await writer.CompleteAsync().ConfigureAwait(false);
        store.CloseBatch(batchId, clock.GetUtcNow());
        logger.LogInformation("Batch {Batch} of {Entity}: {Confirmed} invoices confirmed by {Target}, {Refused} refused", batchId, entity.Code, confirmed, target.Type, refused);
        if (stopped is { } result)
        {
            if (result.End == ExportEnd.TargetUnusable)
            {
                logger.LogError("Posting for {Entity} stopped: {Target} cannot be used as configured: {Reason}", entity.Code, target.Type, result.Detail);
            }
            else
            {
                logger.LogError("{Target} of {Entity} stayed unavailable ({Reason}); the invoices not posted wait in batch {Batch} for the next run", target.Type, entity.Code, result.Detail, batchId);
            }

            return result;
        }

        return new ExportResult(cancellationToken.IsCancellationRequested ? ExportEnd.Interrupted : ExportEnd.Done);
    }

    /// <summary>One invoice under the resilience pipeline: looked up first on a retry or when resuming, posted when absent.</summary>
    private async Task<ErpInvoice> PostOneAsync(EntityRuntime entity, IPerInvoiceTarget target, PostableInvoice invoice, bool resumed, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return await resilience.Pipeline.ExecuteAsync(
            async token =>
            {
                if (resumed || attempt++ > 0)
                {
                    var found = await target.FindAsync(entity.Definition, invoice, token).ConfigureAwait(false);
                    if (found is not null)
                    {
                        logger.LogInformation("Invoice {Number} of {Entity} found in {Target} ({Id}): not posted again", invoice.Invoice.Number, entity.Code, target.Type, found.ErpId);
                        return found;
                    }
                }

                return await target.PostAsync(entity.Definition, invoice, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
