using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// Posts whole batches to a batch target (AutoInvoice through FBDI or interface tables, an outbox) and confirms their
/// imports. A batch left pending is looked up before it is submitted again; an import still running when the run's
/// patience (<c>confirm_timeout</c>) ends stays Submitted and is confirmed by a later run. Each invoice of a finished
/// import becomes Confirmed with the ERP's reference, or an exception with the ERP's messages (its key freed).
/// </summary>
internal sealed class BatchPoster(IConnectorStore store, TimeProvider clock, ILogger logger, TargetResilience resilience, TimeProvider timing, int maxRecords)
{
    public async Task<ExportResult> ExportAsync(Exporter exporter, EntityRuntime entity, IBatchInvoiceTarget target, long runId, CancellationToken cancellationToken)
    {
        // Imports started earlier first: their outcome may free keys or tell of refusals before new work goes out.
        foreach (var submitted in store.SubmittedBatches(entity.Code))
        {
            var batch = exporter.LoadBatch(entity.Definition, submitted.Id);
            var submission = new BatchSubmission(submitted.Id, submitted.Location ?? submitted.Id, submitted.InvoiceCount, submitted.LineCount);
            var confirmed = await ConfirmAsync(entity, target, batch, submission, cancellationToken).ConfigureAwait(false);
            if (confirmed.End != ExportEnd.Done)
            {
                return confirmed;
            }
        }

        foreach (var pending in store.PendingBatches(entity.Code))
        {
            logger.LogInformation("Resuming batch {Batch} of {Entity} left pending: looked up in {Target} before it is sent again", pending.Id, entity.Code, target.Type);
            var resumed = await PostAsync(exporter, entity, target, pending.Id, resumed: true, cancellationToken).ConfigureAwait(false);
            if (resumed.End != ExportEnd.Done)
            {
                return resumed;
            }
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var (more, batchId) = exporter.NextBatch(entity, runId, maxRecords);
            if (!more)
            {
                break;
            }

            if (batchId is null)
            {
                continue;
            }

            var result = await PostAsync(exporter, entity, target, batchId, resumed: false, cancellationToken).ConfigureAwait(false);
            if (result.End != ExportEnd.Done)
            {
                return result;
            }
        }

        return new ExportResult(cancellationToken.IsCancellationRequested ? ExportEnd.Interrupted : ExportEnd.Done);
    }

    private async Task<ExportResult> PostAsync(Exporter exporter, EntityRuntime entity, IBatchInvoiceTarget target, string batchId, bool resumed, CancellationToken cancellationToken)
    {
        var batch = exporter.LoadBatch(entity.Definition, batchId);
        BatchSubmission submission;
        BatchConfirmation first;
        try
        {
            var attempt = 0;
            submission = await resilience.Pipeline.ExecuteAsync(
                async token =>
                {
                    // Before any retry, and when resuming after a crash, ask the target what it holds: never send a batch twice.
                    if (resumed || attempt++ > 0)
                    {
                        var found = await target.FindSubmissionAsync(batch, token).ConfigureAwait(false);
                        if (found is not null)
                        {
                            logger.LogInformation("Batch {Batch} of {Entity} found in {Target} ({Reference}): not sent again", batchId, entity.Code, target.Type, found.Reference);
                            return found;
                        }
                    }

                    return await target.SubmitAsync(batch, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            first = await LookAsync(target, batch, submission, cancellationToken).ConfigureAwait(false);
        }
        catch (RefusedByTargetException e)
        {
            Fail(entity, target, batchId, e);
            return new ExportResult(ExportEnd.Done);
        }
        catch (Exception e) when (TargetResilience.IsTransient(e))
        {
            logger.LogError("Batch {Batch} of {Entity}: {Target} stayed unavailable ({Reason}); the batch stays pending for the next run", batchId, entity.Code, target.Type, e.Message);
            return new ExportResult(ExportEnd.TargetUnavailable, e.Message);
        }

        var state = first.Status == ConfirmationStatus.NotAvailable ? BatchState.Written : BatchState.Submitted;
        store.CompleteBatch(batchId, state, submission.Reference, submission.InvoiceCount, submission.LineCount, clock.GetUtcNow());
        logger.LogInformation("Batch {Batch} of {Entity}: {Invoices} invoices, {Lines} lines {Verb} {Reference}", batchId, entity.Code, submission.InvoiceCount, submission.LineCount, state == BatchState.Written ? "written to" : "submitted as", submission.Reference);
        return state == BatchState.Written
            ? new ExportResult(ExportEnd.Done)
            : await ConfirmAsync(entity, target, batch, submission, cancellationToken, first).ConfigureAwait(false);
    }

    /// <summary>Looks at the import until it finishes or the run's patience ends; applies its outcome per invoice.</summary>
    private async Task<ExportResult> ConfirmAsync(EntityRuntime entity, IBatchInvoiceTarget target, InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken, BatchConfirmation? first = null)
    {
        var deadline = timing.GetUtcNow() + resilience.Settings.ConfirmTimeout;
        try
        {
            var look = first ?? await LookAsync(target, batch, submission, cancellationToken).ConfigureAwait(false);
            while (look.Status == ConfirmationStatus.Running)
            {
                if (timing.GetUtcNow() >= deadline)
                {
                    logger.LogWarning("Import {Reference} of batch {Batch} ({Entity}) still running after {Timeout} ({Detail}); a later run confirms it", submission.Reference, batch.BatchId, entity.Code, resilience.Settings.ConfirmTimeout, look.Detail);
                    return new ExportResult(ExportEnd.Done);
                }

                await Task.Delay(resilience.Settings.ConfirmPollInterval, timing, cancellationToken).ConfigureAwait(false);
                look = await LookAsync(target, batch, submission, cancellationToken).ConfigureAwait(false);
            }

            if (look.Status == ConfirmationStatus.Completed)
            {
                Apply(entity, target, batch, look);
            }

            return new ExportResult(ExportEnd.Done);
        }
        catch (RefusedByTargetException e)
        {
            Fail(entity, target, batch.BatchId, e);
            return new ExportResult(ExportEnd.Done);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ExportResult(ExportEnd.Interrupted);
        }
        catch (Exception e) when (TargetResilience.IsTransient(e))
        {
            logger.LogError("Import {Reference} of batch {Batch} ({Entity}) could not be looked at ({Reason}); a later run confirms it", submission.Reference, batch.BatchId, entity.Code, e.Message);
            return new ExportResult(ExportEnd.TargetUnavailable, e.Message);
        }
    }

    private ValueTask<BatchConfirmation> LookAsync(IBatchInvoiceTarget target, InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
        => resilience.Pipeline.ExecuteAsync(token => new ValueTask<BatchConfirmation>(target.ConfirmAsync(batch, submission, token)), cancellationToken);

    private void Apply(EntityRuntime entity, IBatchInvoiceTarget target, InvoiceBatch batch, BatchConfirmation confirmation)
    {
        var outcomes = confirmation.Outcomes.ToDictionary(o => o.IdempotencyKey, StringComparer.Ordinal);
        var confirmations = new List<(long RecordId, ErpReference Erp)>();
        int refused = 0, silent = 0;
        foreach (var invoice in batch.Invoices)
        {
            var now = clock.GetUtcNow();
            if (!outcomes.TryGetValue(invoice.IdempotencyKey, out var outcome))
            {
                store.RefuseRecord(invoice.RecordId, TargetRefusals.Unconfirmed(target.Type, invoice.Invoice, batch.BatchId, confirmation.Detail), now, releaseKey: false);
                silent++;
            }
            else if (outcome.Accepted)
            {
                confirmations.Add((invoice.RecordId, TargetRefusals.Reference(outcome.Created!)));
            }
            else
            {
                store.RefuseRecord(invoice.RecordId, TargetRefusals.Refused(target.Type, invoice.Invoice, null, outcome.Errors), now);
                refused++;
            }
        }

        // The confirmations of a whole import in a few transactions, not one commit per invoice.
        foreach (var chunk in confirmations.Chunk(5_000))
        {
            store.ConfirmRecords(chunk, clock.GetUtcNow());
        }

        store.CloseBatch(batch.BatchId, clock.GetUtcNow());
        logger.LogInformation("Import of batch {Batch} ({Entity}) finished: {Confirmed} invoices confirmed, {Refused} refused, {Silent} not reported ({Detail})", batch.BatchId, entity.Code, confirmations.Count, refused, silent, confirmation.Detail);
    }

    private void Fail(EntityRuntime entity, IBatchInvoiceTarget target, string batchId, RefusedByTargetException e)
    {
        var message = $"{target.Type} refused batch {batchId}: {e.Message}";
        var problems = e.Errors.Select(r => Problem.Error(r.Code ?? ProblemCodes.TargetRefused, r.ToString(), new SourceLocation(batchId))).ToList();
        store.FailBatch(batchId, new ExceptionDraft(ProblemCodes.TargetRefused, null, message, problems, []), clock.GetUtcNow());
        logger.LogError("Batch {Batch} of {Entity} refused by {Target}: {Reason}", batchId, entity.Code, target.Type, e.Message);
    }
}
