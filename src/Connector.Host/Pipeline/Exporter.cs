using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Connector.Host.Pipeline;

/// <summary>
/// Moves Ready records into the entity's target, exactly once: a batch is first recorded (records -> Posting, keys
/// into the export ledger), then posted, then marked written. A batch left pending by a crash is looked up in the
/// target before anything is sent again; retries of transient failures look it up first too.
/// </summary>
internal sealed class Exporter(IConnectorStore store, TimeProvider clock, ILogger logger, ExportOptions options)
{
    /// <summary>Exports every Ready record of the entity; returns the batches of the run that are written.</summary>
    public async Task<IReadOnlyList<BatchInfo>> ExportAsync(EntityRuntime entity, IInvoiceTarget target, long runId, CancellationToken cancellationToken)
    {
        foreach (var pending in store.PendingBatches(entity.Code))
        {
            logger.LogInformation("Resuming batch {Batch} of {Entity} left pending by an interrupted run", pending.Id, entity.Code);
            if (!await PostAsync(entity, target, pending.Id, resumed: true, cancellationToken).ConfigureAwait(false))
            {
                return Written(runId);
            }
        }

        var maxLines = Math.Max(1, entity.Definition.Target.MaxLinesPerFile);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Recorded in a method of its own: the records read to form the batch are garbage before the batch is posted.
            var (more, batchId) = NextBatch(entity, runId, maxLines);
            if (!more)
            {
                break;
            }

            if (batchId is not null && !await PostAsync(entity, target, batchId, resumed: false, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        return Written(runId);
    }

    private List<BatchInfo> Written(long runId) => store.BatchesOfRun(runId).Where(b => b.State == BatchState.Written).ToList();

    /// <summary>Records the next batch of Ready records; (false, null) when none is left, (true, null) when a duplicate was held back.</summary>
    private (bool More, string? BatchId) NextBatch(EntityRuntime entity, long runId, int maxLines)
    {
        // No more records than can fit in one file are read (each has at least one line).
        var ready = store.ReadyHeads(entity.Code, Math.Min(options.MaxRecordsPerQuery, maxLines));
        if (ready.Count == 0)
        {
            return (false, null);
        }

        var batch = new List<RecordHead>();
        var lines = 0;
        foreach (var record in ready)
        {
            if (batch.Count > 0 && lines + record.LineCount > maxLines)
            {
                break;
            }

            batch.Add(record);
            lines += record.LineCount;
        }

        var sequence = store.NextBatchSequence(entity.Code);
        var batchId = string.Create(CultureInfo.InvariantCulture, $"{entity.Code}-{clock.GetUtcNow():yyyyMMdd}-{sequence:D6}");
        try
        {
            store.CreateBatch(batchId, entity.Code, runId, batch, clock.GetUtcNow());
        }
        catch (DuplicateKeyException e)
        {
            RejectDuplicate(entity, batch, e.Key);
            return (true, null);
        }

        return (true, batchId);
    }

    private InvoiceBatch LoadBatch(EntityRuntime entity, string batchId)
    {
        var invoices = store.InvoicesToPost(batchId).Select(b => new PostableInvoice(b.RecordId, b.IdempotencyKey, b.Invoice)).ToList();
        return new InvoiceBatch(batchId, entity.Definition, invoices);
    }

    /// <summary>
    /// Posts one batch with retries. False when the target stayed unavailable: the batch stays pending (its records
    /// count as pending in the report) and is looked up, then posted, at the next run; nothing more is exported now.
    /// </summary>
    private async Task<bool> PostAsync(EntityRuntime entity, IInvoiceTarget target, string batchId, bool resumed, CancellationToken cancellationToken)
    {
        var batch = LoadBatch(entity, batchId);
        var attempt = 0;
        try
        {
            var posted = await Resilience(entity.Code).ExecuteAsync(
                async token =>
                {
                    // Before any retry, and when resuming after a crash, ask the target what it holds: never send a batch twice.
                    if (resumed || attempt++ > 0)
                    {
                        var found = await target.FindBatchAsync(entity.Definition, batchId, token).ConfigureAwait(false);
                        if (found is not null)
                        {
                            return found;
                        }
                    }

                    return await target.PostAsync(batch, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            store.CompleteBatch(batchId, posted.Location, posted.InvoiceCount, posted.LineCount, clock.GetUtcNow());
            logger.LogInformation("Batch {Batch} of {Entity}: {Invoices} invoices, {Lines} lines written to {Location}", batchId, entity.Code, posted.InvoiceCount, posted.LineCount, posted.Location);
            return true;
        }
        catch (RefusedByTargetException e)
        {
            var message = $"{target.Type} refused batch {batchId}: {e.Message}";
            var problems = e.Reasons.Select(r => Problem.Error("TARGET_REFUSED", r, new SourceLocation(batchId))).ToList();
            store.FailBatch(batchId, new ExceptionDraft("TARGET_REFUSED", null, message, problems, []), clock.GetUtcNow());
            logger.LogError("Batch {Batch} of {Entity} refused by {Target}: {Reason}", batchId, entity.Code, target.Type, e.Message);
            return true;
        }
        catch (Exception e) when (e is TransientTargetException or TimeoutRejectedException)
        {
            logger.LogError(e, "Batch {Batch} of {Entity}: {Target} stayed unavailable after {Retries} retries; the batch stays pending for the next run", batchId, entity.Code, target.Type, options.MaxRetries);
            return false;
        }
    }

    private ResiliencePipeline<PostedBatch> Resilience(string entity)
        => new ResiliencePipelineBuilder<PostedBatch> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<PostedBatch>
            {
                ShouldHandle = new PredicateBuilder<PostedBatch>().Handle<TransientTargetException>().Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientTargetException { RetryAfter: { } after } ? (TimeSpan?)after : null),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Export of {Entity} failed transiently (attempt {Attempt}); retrying after {Delay}", entity, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private void RejectDuplicate(EntityRuntime entity, IReadOnlyList<RecordHead> batch, string key)
    {
        var record = store.GetRecord(batch.First(r => r.IdempotencyKey == key).Id)!;
        var problem = Problem.Error(ProblemCodes.ConflictingDuplicate, $"key {key} was exported before; this record would post invoice {record.Number} a second time", new SourceLocation($"record {record.Id}"), "invoice_number", record.Number);
        store.UpdateRecord(
            new RecordUpdate(record.Id, RecordState.Exception, record.PayloadJson, record.Currency, record.NetAmount, record.LineCount, [problem], new ExceptionDraft(problem.Code, problem.Field, problem.Message, [problem], []), "already exported", "pipeline", "record.exception", problem.Message),
            clock.GetUtcNow());
        logger.LogWarning("Record {Record} of {Entity} held back: {Message}", record.Id, entity.Code, problem.Message);
    }
}

/// <summary>How the pipeline calls a target: retries of transient failures, the time allowed per attempt, batch sizes.</summary>
internal sealed record ExportOptions
{
    public int MaxRetries { get; init; } = 4;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxRecordsPerQuery { get; init; } = 50_000;
}
