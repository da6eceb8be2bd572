using System.Data;
using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Oracle E-Business Suite through the AutoInvoice interface tables: a batch is inserted into RA_INTERFACE_LINES_ALL
/// in one transaction, then RAXMTR is submitted; confirmation reads the request's phase, the created transactions
/// and the interface errors by the line transaction flexfield, and clears the refused rows so they can be sent again.
/// Receipts go through AutoLockbox (<see cref="EbsLockbox"/>), open items through a configurable query (<see cref="EbsOpenItems"/>).
/// </summary>
internal sealed class OracleEbsTarget : IBatchInvoiceTarget, IReceiptTarget, IOpenItemSource
{
    public const string TypeName = "oracle-ebs";

    private readonly EbsDatabase _db;
    private readonly TimeProvider _clock;

    public OracleEbsTarget(EbsDatabase db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public string Type => TypeName;

    private OracleEbsOptions Options => _db.Options;

    public Task<ErpReceipt> PostReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new EbsLockbox(_db, _clock).PostAsync(receipt, ct);
    }

    public Task<ErpReceipt?> FindReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new EbsLockbox(_db, _clock).FindAsync(receipt, ct);
    }

    public Task<IReadOnlyList<Mapping.Model.OpenItem>> LoadOpenItemsAsync(EntityDefinition entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new EbsOpenItems(_db).LoadAsync(entity, ct);
    }

    public async Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Invoices.Count == 0)
        {
            throw new ArgumentException($"Batch {batch.BatchId} is empty.", nameof(batch));
        }

        // Rows are built (and checked) before anything is written: a record that cannot be expressed in the interface
        // is left out (ConfirmAsync reports it refused, with the column and the reason); the others go on.
        var (rows, _) = BuildRows(batch);
        var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            bool pending;
            try
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var states = await EbsBatchState.ReadAsync(_db, connection, transaction, batch, cancellationToken).ConfigureAwait(false);

                    // Refused rows of an earlier run give way to the corrected record; created or waiting invoices are not sent twice.
                    var refused = batch.Invoices.Where(p => states[p.IdempotencyKey] is { Created: null } s && s.Pending.Any(l => l.Errors.Count > 0)).ToList();
                    await EbsCleanup.DeleteAsync(_db, connection, transaction, batch, refused, states, cancellationToken).ConfigureAwait(false);
                    var skip = batch.Invoices
                        .Where(p => states[p.IdempotencyKey] is var s && (s.Created is not null || (s.Pending.Count > 0 && s.Pending.All(l => l.Errors.Count == 0))))
                        .Select(p => p.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
                    var lines = rows.Where(r => !skip.Contains(r.Record.IdempotencyKey)).ToList();
                    await EbsBulkInsert.InsertAsync(_db, connection, transaction, "RA_INTERFACE_LINES_ALL", EbsInterfaceRows.LineColumns, lines, cancellationToken).ConfigureAwait(false);
                    if (Options.Distributions == EbsDistributions.RevenueAccount)
                    {
                        await EbsBulkInsert.InsertAsync(_db, connection, transaction, "RA_INTERFACE_DISTRIBUTIONS_ALL", EbsInterfaceRows.DistributionColumnsFor(Options),
                            [.. lines.Select(l => EbsInterfaceRows.Distribution(Options, l))], cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    pending = lines.Count > 0 || states.Values.Any(s => s.Pending.Any(l => l.RequestId is null));
                    if (!pending)
                    {
                        var earlier = states.Values.Select(s => s.CreatedRequestId ?? s.Pending.Select(l => l.RequestId).Max()).Max();
                        return new BatchSubmission(batch.BatchId, EbsDatabase.Text(earlier), batch.Invoices.Count, batch.LineCount);
                    }
                }
            }
            catch (DbException e)
            {
                throw _db.Classify($"writing batch {batch.BatchId} to RA_INTERFACE_LINES_ALL", e);
            }

            var requestId = await EbsRequests.SubmitAsync(_db, connection, batch.Entity, _clock, cancellationToken).ConfigureAwait(false);
            return new BatchSubmission(batch.BatchId, requestId.ToString(CultureInfo.InvariantCulture), batch.Invoices.Count, batch.LineCount);
        }
    }

    public async Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            Dictionary<string, InvoiceState> states;
            try
            {
                states = await EbsBatchState.ReadAsync(_db, connection, null, batch, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw _db.Classify($"looking up batch {batch.BatchId}", e);
            }

            var found = states.Values.Where(s => s.Created is not null || s.Pending.Count > 0).ToList();
            if (found.Count == 0)
            {
                return null;
            }

            var request = found.Select(s => s.Pending.Select(l => l.RequestId).Append(s.CreatedRequestId).Max()).Max();
            return new BatchSubmission(batch.BatchId, EbsDatabase.Text(request), found.Count,
                found.Sum(s => s.Created is not null ? s.CreatedLines : s.Pending.Count));
        }
    }

    public async Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(submission);
        var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                long? requestId = long.TryParse(submission.Reference, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
                var status = requestId is { } r ? await EbsRequests.StatusAsync(_db, connection, r, cancellationToken).ConfigureAwait(false) : null;
                if (status is { Found: true, Done: false })
                {
                    return BatchConfirmation.Running(status.Detail);
                }

                var states = await EbsBatchState.ReadAsync(_db, connection, null, batch, cancellationToken).ConfigureAwait(false);
                if (status is { Found: false } && states.Values.Any(s => s.Created is null && s.Pending.Count > 0))
                {
                    // Not visible yet (or purged while lines still wait): look again later.
                    return BatchConfirmation.Running(status.Detail);
                }
                if (requestId is null && states.Values.Any(s => s.Created is null && s.Pending.Any(l => l.RequestId is null)))
                {
                    // Written by an attempt that stopped before submitting: submit now and look again later.
                    var submitted = await EbsRequests.SubmitAsync(_db, connection, batch.Entity, _clock, cancellationToken).ConfigureAwait(false);
                    return BatchConfirmation.Running(string.Create(CultureInfo.InvariantCulture, $"AutoInvoice request {submitted} submitted for lines left in the interface"));
                }

                // Lines picked up by another request (an earlier attempt's) wait for that one too.
                foreach (var other in states.Values.Where(s => s.Created is null).SelectMany(s => s.Pending)
                    .Select(l => l.RequestId).OfType<long>().Where(o => o != requestId).Distinct().ToList())
                {
                    var otherStatus = await EbsRequests.StatusAsync(_db, connection, other, cancellationToken).ConfigureAwait(false);
                    if (otherStatus is { Found: true, Done: false })
                    {
                        return BatchConfirmation.Running(string.Create(CultureInfo.InvariantCulture, $"request {other}: {otherStatus.Detail}"));
                    }
                }

                var (_, notWritten) = BuildRows(batch);
                var outcomes = batch.Invoices.Select(p => notWritten.TryGetValue(p.IdempotencyKey, out var local)
                    ? InvoiceOutcome.Refused(p.IdempotencyKey, local)
                    : Outcome(p, states[p.IdempotencyKey], requestId, status)).ToList();
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await EbsCleanup.DeleteAsync(_db, connection, transaction, batch,
                        [.. batch.Invoices.Where(p => states[p.IdempotencyKey].Pending.Count > 0)], states, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                var accepted = outcomes.Count(o => o.Accepted);
                return new BatchConfirmation(ConfirmationStatus.Completed, outcomes, string.Create(CultureInfo.InvariantCulture,
                    $"AutoInvoice request {submission.Reference}: {status?.Detail ?? "no request"}; {accepted} created, {outcomes.Count - accepted} refused"));
            }
            catch (DbException e)
            {
                throw _db.Classify($"confirming batch {batch.BatchId} (request {submission.Reference})", e);
            }
        }
    }

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
        => EbsSetupCheck.RunAsync(_db, entity, cancellationToken);

    /// <summary>The interface rows of the batch, and the invoices that cannot be written, with why (deterministic: confirmation builds them again).</summary>
    private (List<EbsRow> Rows, Dictionary<string, IReadOnlyList<TargetError>> NotWritten) BuildRows(InvoiceBatch batch)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<EbsRow>(batch.LineCount);
        var notWritten = new Dictionary<string, IReadOnlyList<TargetError>>(StringComparer.Ordinal);
        foreach (var postable in batch.Invoices)
        {
            if (!keys.Add(postable.IdempotencyKey))
            {
                throw new ArgumentException($"Batch {batch.BatchId} holds the idempotency key '{postable.IdempotencyKey}' twice.", nameof(batch));
            }

            try
            {
                EbsReadiness.Check(batch.Entity, postable);
                rows.AddRange(EbsInterfaceRows.Lines(batch.Entity, Options, postable).ToList());
            }
            catch (RefusedByTargetException e)
            {
                notWritten[postable.IdempotencyKey] = e.Errors;
            }
        }

        return (rows, notWritten);
    }

    private static InvoiceOutcome Outcome(PostableInvoice postable, InvoiceState state, long? requestId, EbsRequestStatus? status)
    {
        if (state.Created is { } created)
        {
            return InvoiceOutcome.Confirmed(postable.IdempotencyKey, created);
        }

        var errors = state.Pending.SelectMany(l => l.Errors).ToList();
        if (errors.Count == 0)
        {
            var request = requestId?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
            errors.Add(new TargetError(state.Pending.Count == 0
                ? $"AutoInvoice request {request} completed and the invoice is neither in RA_CUSTOMER_TRX_LINES_ALL nor in RA_INTERFACE_LINES_ALL (its rows were removed by someone else)"
                : status is { Failed: true }
                    ? $"AutoInvoice request {request} ended in error ({status.Detail}) without importing the invoice; read the request's log"
                    : $"AutoInvoice request {request} completed without importing the invoice and gave no error for it: another line of the same transaction failed, or its lines were not selected (org, batch source)"));
        }

        return InvoiceOutcome.Refused(postable.IdempotencyKey, errors);
    }
}
