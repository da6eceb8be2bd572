using System.Collections.Concurrent;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// An ERP that takes invoices like the FBDI outbox it wraps and keeps receipts in memory, with faults a test sets:
/// open items that cannot be read, receipt numbers it refuses, transient failures. Receipt numbers are unique: a
/// second post of a number gives the receipt already there (the duplicate rule resolved by a look-up).
/// </summary>
internal sealed class FakeReceiptErp(IBatchInvoiceTarget invoices) : IBatchInvoiceTarget, IReceiptTarget, IOpenItemSource
{
    private readonly ConcurrentDictionary<string, ErpReceipt> _receipts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private int _transientLeft;
    private long _nextId = 5000;

    public string Type => "fake-receipts";

    public IReadOnlyDictionary<string, ErpReceipt> Receipts => _receipts;

    /// <summary>Every receipt call in order: <c>find NUMBER</c>, <c>post NUMBER</c>.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public bool OpenItemsFail { get; set; }

    public HashSet<string> RefuseNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> receipt calls fail with a transient error.</summary>
    public void FailTransiently(int count) => _transientLeft = count;

    public Task<IReadOnlyList<OpenItem>> LoadOpenItemsAsync(EntityDefinition entity, CancellationToken ct)
        => OpenItemsFail ? throw new TransientTargetException("open items: HTTP 503") : Task.FromResult<IReadOnlyList<OpenItem>>([]);

    public Task<ErpReceipt> PostReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        _calls.Enqueue("post " + receipt.ReceiptNumber);
        Fail();
        if (RefuseNumbers.Contains(receipt.ReceiptNumber))
        {
            throw new RefusedByTargetException($"receipt {receipt.ReceiptNumber} refused", [new TargetError("the customer's site is closed", "AR_RAPI_CUST_SITE_INVALID", null, receipt.CustomerAccount)]);
        }

        var created = _receipts.GetOrAdd(receipt.ReceiptNumber, _ => new ErpReceipt(
            Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            receipt.ReceiptNumber,
            receipt.Amount,
            receipt.Amount - receipt.AppliedTotal,
            "Applied",
            [.. receipt.Applications.Select(a => new ErpReceiptApplication(a.InvoiceNumber, a.AmountApplied, a.Discount, null))]));
        return Task.FromResult(created);
    }

    public Task<ErpReceipt?> FindReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        _calls.Enqueue("find " + receipt.ReceiptNumber);
        Fail();
        return Task.FromResult(_receipts.GetValueOrDefault(receipt.ReceiptNumber));
    }

    public Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken) => invoices.SubmitAsync(batch, cancellationToken);

    public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken) => invoices.FindSubmissionAsync(batch, cancellationToken);

    public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken) => invoices.ConfirmAsync(batch, submission, cancellationToken);

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken) => invoices.CheckAsync(entity, cancellationToken);

    private void Fail()
    {
        if (Interlocked.Decrement(ref _transientLeft) >= 0)
        {
            throw new TransientTargetException("receipts: HTTP 503", TimeSpan.FromMilliseconds(1));
        }
    }
}
