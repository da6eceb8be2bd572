using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.Entities;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

/// <summary>
/// Moves Ready records into the entity's target, exactly once. A batch is first recorded (records -> Posting, keys
/// into the export ledger), then posted: one invoice per call with a per-invoice target, the whole batch with a batch
/// target, whose import is then confirmed. Anything left by a crash or an outage (records still Posting, imports not
/// confirmed) is looked up in the target before anything is sent again; retries look up first too.
/// </summary>
internal sealed class Exporter(IConnectorStore store, TimeProvider clock, ILogger logger, ExportOptions options)
{
    /// <summary>Exports every Ready record of the entity and confirms what the target imported; says how it ended.</summary>
    public async Task<ExportResult> ExportAsync(EntityRuntime entity, IInvoiceTarget target, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(target);
        var settings = options.Resilience ?? entity.Definition.Target.Resilience;
        var resilience = TargetResilience.For(target, entity.Code, settings, options.Timing, logger);
        try
        {
            return target switch
            {
                IPerInvoiceTarget perInvoice => await new PerInvoicePoster(store, clock, logger, resilience, options.PerInvoiceBatchSize, options.Progress)
                    .ExportAsync(this, entity, perInvoice, runId, cancellationToken).ConfigureAwait(false),
                IBatchInvoiceTarget batches => await new BatchPoster(store, clock, logger, resilience, options.Timing, options.MaxRecordsPerQuery)
                    .ExportAsync(this, entity, batches, runId, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Target {target.Type} posts neither per invoice nor per batch."),
            };
        }
        catch (TargetSetupException e)
        {
            logger.LogError("Posting for {Entity} stopped: {Target} cannot be used as configured: {Reason}", entity.Code, target.Type, e.Message);
            return new ExportResult(ExportEnd.TargetUnusable, e.Message);
        }
    }

    /// <summary>
    /// Records the next batch of Ready records, at most <paramref name="maxRecords"/> and the entity's lines per file;
    /// (false, null) when none is left, (true, null) when a duplicate was held back.
    /// </summary>
    internal (bool More, string? BatchId) NextBatch(EntityRuntime entity, long runId, int maxRecords)
    {
        var maxLines = Math.Max(1, entity.Definition.Target.MaxLinesPerFile);

        // No more records than can fit in one file are read (each has at least one line).
        var ready = store.ReadyHeads(entity.Code, Math.Min(Math.Min(options.MaxRecordsPerQuery, maxLines), maxRecords));
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

    internal InvoiceBatch LoadBatch(EntityDefinition entity, string batchId)
    {
        var invoices = store.InvoicesToPost(batchId).Select(b => new PostableInvoice(b.RecordId, b.IdempotencyKey, b.Invoice)).ToList();
        return new InvoiceBatch(batchId, entity, invoices);
    }

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

/// <summary>How an export ended.</summary>
internal enum ExportEnd
{
    /// <summary>Every Ready record was posted; submitted imports were confirmed or are still running in the ERP.</summary>
    Done,

    /// <summary>The target stayed unavailable (retries used up, circuit open): what is left waits for the next run.</summary>
    TargetUnavailable,

    /// <summary>The target cannot be used as configured (credentials, URL, provider): nothing more was posted.</summary>
    TargetUnusable,

    /// <summary>The run was asked to stop.</summary>
    Interrupted,
}

internal sealed record ExportResult(ExportEnd End, string? Detail = null);

/// <summary>How the pipeline calls targets, beyond each target's own <c>target.resilience</c>.</summary>
internal sealed record ExportOptions
{
    /// <summary>Replaces every entity's <c>target.resilience</c> (tests and benchmarks).</summary>
    public ResilienceDefinition? Resilience { get; init; }

    /// <summary>The clock of waits, back-offs and the circuit breaker (not of business dates).</summary>
    public TimeProvider Timing { get; init; } = TimeProvider.System;

    public int MaxRecordsPerQuery { get; init; } = 50_000;

    /// <summary>Records per batch for a per-invoice target (each posted by its own call, several at once).</summary>
    public int PerInvoiceBatchSize { get; init; } = 1_000;

    /// <summary>Told the number of records settled so far and the number in the current batch, as posting goes.</summary>
    public IProgress<(int Settled, int Total)>? Progress { get; init; }
}
