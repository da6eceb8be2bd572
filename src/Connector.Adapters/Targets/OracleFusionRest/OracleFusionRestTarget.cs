using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// Oracle Fusion Receivables through REST: one POST of <c>receivablesInvoices</c> per invoice, with its lines. The
/// idempotency key is the transaction number within the entity's manual-numbering transaction source (Oracle refuses
/// a number twice there), and travels in InternalNotes too. A refusal because the number exists is resolved by
/// looking the invoice up: the same invoice (same customer, date and amount) is returned as posted; another is a conflict.
/// Receipts (contract 1.1): POST standardReceipts and action/applyReceipt (<see cref="FusionReceiptPoster"/>); open
/// items from receivablesInvoices and their installments (<see cref="FusionOpenItems"/>).
/// </summary>
internal sealed class OracleFusionRestTarget : IPerInvoiceTarget, IReceiptTarget, IOpenItemSource, IDisposable
{
    public const string TypeName = "oracle-fusion-rest";
    public const string InvoicesResource = FusionInvoiceItem.Resource;

    /// <summary>The media type of a receivablesInvoices item sent.</summary>
    public const string ItemMediaType = "application/vnd.oracle.adf.resourceitem+json";

    /// <summary>The code the emulator (and, by the same rule, Oracle) gives a number already used in the source.</summary>
    private static readonly string[] DuplicateCodes = ["AR_DUPLICATE_TRX_NUMBER", "AR_TRX_DUPLICATE_NUMBER", "AR_DUP_TRX_NUMBER"];

    private readonly FusionRestOptions _options;
    private readonly FusionHttp _http;
    private readonly FusionInvoiceLookup _lookup;
    private readonly ILogger _logger;
    private readonly FusionReceiptPoster _receipts;

    public OracleFusionRestTarget(FusionRestOptions options, int concurrency, TimeProvider clock, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _logger = loggerFactory.CreateLogger<OracleFusionRestTarget>();
        _http = new FusionHttp(options.Connection, concurrency, options.RestFrameworkVersion,
            "invoices need AR_CREATE_RECEIVABLES_INVOICE_PRIV", clock, _logger);
        _lookup = new FusionInvoiceLookup(_http);
        _receipts = new FusionReceiptPoster(_http, options, _logger);
    }

    public string Type => TypeName;

    public async Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(invoice);
        var (json, lineNumbers) = FusionInvoicePayload.Build(entity, invoice, _options.ItemNumbers);
        var what = $"POST {InvoicesResource} {invoice.IdempotencyKey}";
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue(ItemMediaType);
        var answer = await _http.PostAsync(InvoicesResource, content, cancellationToken, what).ConfigureAwait(false);
        if (answer.Ok)
        {
            return FusionInvoiceItem.Read(FusionInvoiceItem.Parse(answer.Body, what), what);
        }

        if (FusionHttp.Refusal(answer, lineNumbers) is not { } errors)
        {
            throw _http.Unexpected(answer, what);
        }

        if (IsDuplicateNumber(errors, invoice.Invoice.Number))
        {
            return await ResolveDuplicateAsync(entity, invoice, errors, cancellationToken).ConfigureAwait(false);
        }

        throw new RefusedByTargetException($"Oracle refused {invoice.IdempotencyKey}: {string.Join("; ", errors)}", errors);
    }

    public async Task<ErpInvoice?> FindAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(invoice);
        var what = $"GET {InvoicesResource} {invoice.IdempotencyKey}";
        var item = await _lookup.FindItemAsync(entity.Target, invoice.Invoice.Number, what, cancellationToken).ConfigureAwait(false);
        return item is null ? null : FusionInvoiceItem.Read(item, what);
    }

    public Task<ErpReceipt> PostReceiptAsync(ReceiptPosting receipt, CancellationToken ct) => _receipts.PostAsync(receipt, ct);

    public async Task<ErpReceipt?> FindReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var reader = new FusionReceiptReader(_http);
        var item = await reader.FindItemAsync(receipt, ct).ConfigureAwait(false);
        return item is null ? null : await reader.ReadAsync(item, receipt.CustomerAccount, ct).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<OpenItem>> LoadOpenItemsAsync(EntityDefinition entity, CancellationToken ct) => new FusionOpenItems(_http, OpenItemsPageSize).LoadAsync(entity, ct);

    /// <summary>Items per GET when reading open items (tests lower it to see paging).</summary>
    internal int OpenItemsPageSize { get; set; } = FusionReceiptReader.DefaultPageSize;

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
        => new FusionSetupCheck(_http).RunAsync(entity, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ErpInvoice> ResolveDuplicateAsync(
        EntityDefinition entity, PostableInvoice invoice, IReadOnlyList<TargetError> errors, CancellationToken cancellationToken)
    {
        var what = $"GET {InvoicesResource} {invoice.IdempotencyKey}";
        var item = await _lookup.FindItemAsync(entity.Target, invoice.Invoice.Number, what, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            throw new RefusedByTargetException(
                $"Oracle refused {invoice.IdempotencyKey} as a duplicate number, but holds no such number in business unit "
                + $"{entity.Target.BusinessUnit} and source {entity.Target.TransactionSource}: {string.Join("; ", errors)}", errors);
        }

        var found = FusionInvoiceItem.Read(item, what);
        var difference = Difference(entity, invoice.Invoice, item, found);
        if (difference is null)
        {
            _logger.LogInformation("{Key} was already in Oracle as CustomerTransactionId {Id}: taken as posted", invoice.IdempotencyKey, found.ErpId);
            return found;
        }

        var conflict = $"transaction number {invoice.Invoice.Number} already exists in source {entity.Target.TransactionSource} "
            + $"(CustomerTransactionId {found.ErpId}) as a different invoice: {difference}";
        throw new RefusedByTargetException($"Oracle refused {invoice.IdempotencyKey}: {conflict}", [.. errors, new TargetError(conflict, "CONNECTOR_NUMBER_CONFLICT")]);
    }

    /// <summary>What differs between the invoice and the one Oracle holds under its number, or null when it is the same.</summary>
    private static string? Difference(EntityDefinition entity, Invoice invoice, JsonObject item, ErpInvoice found)
    {
        var customer = FusionInvoiceItem.Text(item["BillToCustomerNumber"]);
        if (!string.Equals(customer, invoice.ResolvedCustomer?.AccountNumber, StringComparison.Ordinal))
        {
            return $"Oracle's bills customer {customer}, this one {invoice.ResolvedCustomer?.AccountNumber}";
        }

        var date = FusionInvoiceItem.Text(item["TransactionDate"]);
        var expectedDate = invoice.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date is not null && !string.Equals(date, expectedDate, StringComparison.Ordinal))
        {
            return $"Oracle's is dated {date}, this one {expectedDate}";
        }

        if (found.Currency is not null && !string.Equals(found.Currency, invoice.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return $"Oracle's is in {found.Currency}, this one in {invoice.Currency}";
        }

        // Oracle rounds each line to the currency; the validation tolerance per line covers that.
        var tolerance = entity.Validation.AmountTolerance * Math.Max(1, invoice.Lines.Count);
        return found.Amount is { } amount && Math.Abs(amount - invoice.NetTotal) > tolerance
            ? string.Create(CultureInfo.InvariantCulture, $"Oracle's totals {amount}, this one {invoice.NetTotal}")
            : null;
    }

    private static bool IsDuplicateNumber(IReadOnlyList<TargetError> errors, string number) =>
        errors.Any(e => (e.Code is not null && DuplicateCodes.Contains(e.Code, StringComparer.OrdinalIgnoreCase))
            || (e.Message.Contains(number, StringComparison.Ordinal)
                && (e.Message.Contains("already exist", StringComparison.OrdinalIgnoreCase)
                    || e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))));
}
