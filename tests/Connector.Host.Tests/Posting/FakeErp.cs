using System.Collections.Concurrent;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// An ERP in memory that posts one invoice per call, with faults a test sets: transient failures, a committed post
/// whose answer is lost, refusals of chosen numbers, a setup failure. Invoice numbers are unique, as in a manual
/// transaction source: a second post of a number is refused.
/// </summary>
internal sealed class FakePerInvoiceErp : IPerInvoiceTarget
{
    private readonly ConcurrentDictionary<string, ErpInvoice> _invoices = new(StringComparer.Ordinal);
    private int _transientLeft;
    private int _lostLeft;
    private int _posts;
    private int _finds;
    private int _inFlight;
    private int _maxInFlight;
    private long _nextId = 1000;

    public string Type => "fake-rest";

    public IReadOnlyDictionary<string, ErpInvoice> Invoices => _invoices;

    /// <summary>Posts that reached the ERP (not those cancelled or failed on the way).</summary>
    public int Posts => _posts;

    public int Finds => _finds;

    /// <summary>The most calls that were in progress at once.</summary>
    public int MaxInFlight => _maxInFlight;

    public HashSet<string> RefuseNumbers { get; } = new(StringComparer.Ordinal);

    public string? SetupFailure { get; set; }

    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="count"/> calls (posts or look-ups) fail transiently before doing anything.</summary>
    public void FailTransiently(int count) => _transientLeft = count;

    /// <summary>The next <paramref name="count"/> posts are carried out, then their answers are lost.</summary>
    public void LoseAnswers(int count) => _lostLeft = count;

    public async Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _posts);
        try
        {
            var number = invoice.Invoice.Number;
            if (RefuseNumbers.Contains(number))
            {
                throw new RefusedByTargetException($"invoice {number} refused", [new TargetError("You must enter a valid bill-to customer account number.", "AR_BILL_TO_CUST_NOT_FOUND", 1, "X-9")]);
            }

            var created = new ErpInvoice(Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture), number, invoice.Invoice.GrossTotal, invoice.Invoice.Currency, "Complete");
            if (!_invoices.TryAdd(number, created))
            {
                throw new RefusedByTargetException($"invoice {number} exists", [new TargetError($"The transaction number {number} already exists in the source.")]);
            }

            if (Interlocked.Decrement(ref _lostLeft) >= 0)
            {
                throw new TransientTargetException("connection reset after the request was sent");
            }

            return created;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async Task<ErpInvoice?> FindAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _finds);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Decrement(ref _inFlight);
        return _invoices.GetValueOrDefault(invoice.Invoice.Number);
    }

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<TargetCheck>>([new TargetCheck("connection", SetupFailure is null, SetupFailure ?? "answers")]);

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        var max = _maxInFlight;
        while (now > max && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
            max = _maxInFlight;
        }

        try
        {
            if (SetupFailure is not null)
            {
                throw new TargetSetupException(SetupFailure);
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken).ConfigureAwait(false);
            }

            if (Interlocked.Decrement(ref _transientLeft) >= 0)
            {
                throw new TransientTargetException("503 Service Unavailable", TimeSpan.FromMilliseconds(1));
            }
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }
    }
}

/// <summary>
/// A batch ERP in memory: a submitted batch is an import that runs for <see cref="PollsUntilDone"/> looks, then
/// creates every invoice except those whose number is refused (it reports their line errors).
/// </summary>
internal sealed class FakeBatchErp : IBatchInvoiceTarget
{
    private readonly Dictionary<string, (BatchSubmission Submission, int Looks)> _imports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ErpInvoice> _created = new(StringComparer.Ordinal);

    public string Type => "fake-fbdi";

    public int PollsUntilDone { get; set; } = 2;

    public int Submits { get; private set; }

    public HashSet<string> RefuseNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers the import leaves out of its report altogether.</summary>
    public HashSet<string> SilentNumbers { get; } = new(StringComparer.Ordinal);

    public string? JobError { get; set; }

    public IReadOnlyDictionary<string, ErpInvoice> Created => _created;

    public Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        Submits++;
        var submission = new BatchSubmission(batch.BatchId, "REQ-" + (_imports.Count + 1).ToString(CultureInfo.InvariantCulture), batch.Invoices.Count, batch.LineCount);
        _imports[batch.BatchId] = (submission, 0);
        return Task.FromResult(submission);
    }

    public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken)
        => Task.FromResult(_imports.TryGetValue(batch.BatchId, out var import) ? import.Submission : null);

    public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
    {
        var (sub, looks) = _imports[batch.BatchId];
        _imports[batch.BatchId] = (sub, looks + 1);
        if (looks + 1 < PollsUntilDone)
        {
            return Task.FromResult(BatchConfirmation.Running("RUNNING"));
        }

        if (JobError is not null)
        {
            throw new RefusedByTargetException(JobError, [new TargetError(JobError, "ESS_ERROR")]);
        }

        var outcomes = new List<InvoiceOutcome>();
        foreach (var invoice in batch.Invoices.Where(i => !SilentNumbers.Contains(i.Invoice.Number)))
        {
            if (RefuseNumbers.Contains(invoice.Invoice.Number))
            {
                outcomes.Add(InvoiceOutcome.Refused(invoice.IdempotencyKey, [new TargetError("You must provide a valid payment term.", null, invoice.Invoice.Lines[^1].LineNumber, "60 NET")]));
                continue;
            }

            if (!_created.TryGetValue(invoice.Invoice.Number, out var created))
            {
                created = new ErpInvoice("TRX-" + invoice.Invoice.Number, invoice.Invoice.Number, invoice.Invoice.GrossTotal, invoice.Invoice.Currency, "Complete");
                _created[invoice.Invoice.Number] = created;
            }

            outcomes.Add(InvoiceOutcome.Confirmed(invoice.IdempotencyKey, created));
        }

        return Task.FromResult(new BatchConfirmation(ConfirmationStatus.Completed, outcomes, $"{sub.Reference} SUCCEEDED"));
    }

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<TargetCheck>>([]);
}
