using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Microsoft.Extensions.Logging;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Tryton customer invoices over JSON-RPC, one invoice per call: look for the idempotency key in <c>reference</c>
/// (Tryton does not keep it unique, so the look-up comes before every create), create the draft, post it (which numbers
/// it and books its move), read back number, state and total. A draft left by an attempt that failed between create and
/// post is deleted and created again from the current content (the record may have been corrected since), so a crash
/// never leaves two invoices with one key. Receipts go through the pay wizard (<see cref="TrytonReceiptPoster"/>), open
/// items come from posted invoices with an amount to pay (<see cref="TrytonOpenItems"/>).
/// </summary>
internal sealed class TrytonTarget : IPerInvoiceTarget, IMasterDataProvider, IReceiptTarget, IOpenItemSource, IDisposable
{
    public const string TypeName = "tryton";

    private static readonly string[] ReadBack = ["id", "number", "state", "total_amount", "currency.code"];

    private readonly TrytonOptions _options;
    private readonly TrytonRpc _rpc;
    private readonly TrytonLookups _lookups;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public TrytonTarget(TrytonOptions options, TimeProvider clock, ILoggerFactory loggerFactory, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _clock = clock;
        _logger = loggerFactory.CreateLogger<TrytonTarget>();
        _rpc = new TrytonRpc(options, _logger, handler);
        _lookups = new TrytonLookups(_rpc, options);
    }

    public string Type => TypeName;

    /// <summary>The JSON-RPC client (tests drop its session to see the re-login).</summary>
    internal TrytonRpc Rpc => _rpc;

    /// <summary>The parties of Tryton as the entity's customers (<c>master_data: target</c> in entity.yaml).</summary>
    public async Task<IReadOnlyList<Customer>> LoadAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        try
        {
            var customers = await TrytonParties.LoadAsync(_rpc, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{Count} parties with a code read from {Tryton} as customers", customers.Count, _options.Description);
            return customers;
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, "the parties");
        }
    }

    public async Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(invoice);
        var key = invoice.IdempotencyKey;
        try
        {
            var basics = await _lookups.BasicsAsync(cancellationToken).ConfigureAwait(false);
            var existing = await ByReferenceAsync(basics.Company, key, cancellationToken).ConfigureAwait(false);
            if (Settled(existing) is { } done)
            {
                _logger.LogInformation("Tryton already holds {Key} as invoice {Id}: not created again", key, done.ErpId);
                return done;
            }

            var drafts = existing.Where(e => TrytonJson.ToText(e?["state"]) is "draft" or "validated")
                .Select(e => TrytonJson.ToId(e?["id"])).OfType<int>().ToList();
            if (drafts.Count > 0)
            {
                _logger.LogInformation("Deleting {Count} unposted draft(s) of {Key} left by an earlier attempt", drafts.Count, key);
                await _rpc.ModelAsync("account.invoice", "delete", cancellationToken, new JsonArray([.. drafts.Select(d => (JsonNode)d)])).ConfigureAwait(false);
            }

            var refs = await TrytonInvoiceResolver.ResolveAsync(entity, invoice, _lookups, _options, Today(invoice), cancellationToken).ConfigureAwait(false);
            var created = await _rpc.ModelAsync("account.invoice", "create", cancellationToken, TrytonJson.Array(TrytonInvoicePayload.Build(invoice, refs))).ConfigureAwait(false);
            var id = created is JsonArray { Count: 1 } ids && TrytonJson.ToId(ids[0]) is { } i
                ? i
                : throw new TransientTargetException($"{_options.Description}: create of {key} answered {created?.ToJsonString()}, not one id.");
            await PostDraftAsync(id, key, cancellationToken).ConfigureAwait(false);
            var read = await _rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("id", "=", id)], 1, ReadBack, cancellationToken).ConfigureAwait(false);
            return read.Count == 1 ? ToErp(read[0]!) : throw new TransientTargetException($"{_options.Description}: invoice {id} ({key}) was posted but cannot be read back.");
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, key);
        }
    }

    public async Task<ErpInvoice?> FindAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(invoice);
        try
        {
            var basics = await _lookups.BasicsAsync(cancellationToken).ConfigureAwait(false);
            return Settled(await ByReferenceAsync(basics.Company, invoice.IdempotencyKey, cancellationToken).ConfigureAwait(false));
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, invoice.IdempotencyKey);
        }
    }

    /// <summary>
    /// Records a customer receipt of <paramref name="amount"/> on the posted invoice <paramref name="erpId"/> through
    /// Tryton's pay wizard (see <see cref="TrytonReceipts"/>); receipts use it through <see cref="PostReceiptAsync"/>.
    /// </summary>
    internal async Task<TrytonPaymentResult> PayAsync(string erpId, decimal amount, DateOnly date, string paymentMethod, string description, CancellationToken cancellationToken)
    {
        try
        {
            var id = int.Parse(erpId, NumberStyles.None, CultureInfo.InvariantCulture);
            return await new TrytonReceipts(_rpc, _lookups).PayAsync(id, amount, date, paymentMethod, description, cancellationToken).ConfigureAwait(false);
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, erpId);
        }
    }

    public async Task<ErpReceipt> PostReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            return await new TrytonReceiptPoster(_rpc, _lookups, _options).PostAsync(receipt, ct).ConfigureAwait(false);
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, receipt.IdempotencyKey);
        }
    }

    public async Task<ErpReceipt?> FindReceiptAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            return await new TrytonReceiptPoster(_rpc, _lookups, _options).FindAsync(receipt, ct).ConfigureAwait(false);
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, receipt.IdempotencyKey);
        }
    }

    public async Task<IReadOnlyList<OpenItem>> LoadOpenItemsAsync(EntityDefinition entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            return await new TrytonOpenItems(_rpc, _lookups).LoadAsync(entity, ct).ConfigureAwait(false);
        }
        catch (TrytonFault fault)
        {
            throw Failure(fault, "open items");
        }
    }

    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
        => new TrytonSetupCheck(_rpc, _lookups, _options, _clock).RunAsync(entity, cancellationToken);

    /// <summary>Posts the draft; when Tryton refuses, the draft is deleted so that nothing half-done stays behind.</summary>
    private async Task PostDraftAsync(int id, string key, CancellationToken cancellationToken)
    {
        try
        {
            await _rpc.ModelAsync("account.invoice", "post", cancellationToken, TrytonJson.Array(id)).ConfigureAwait(false);
        }
        catch (TrytonFault fault) when (fault.IsUserError)
        {
            try
            {
                await _rpc.ModelAsync("account.invoice", "delete", cancellationToken, TrytonJson.Array(id)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TrytonFault or TargetException)
            {
                _logger.LogWarning("The draft {Id} of {Key} refused at post could not be deleted ({Error}); the next attempt deletes it", id, key, e.Message);
            }

            throw;
        }
    }

    /// <summary>The company's customer invoices whose reference is the key, in any state.</summary>
    private async Task<IReadOnlyList<JsonNode?>> ByReferenceAsync(int company, string key, CancellationToken cancellationToken)
    {
        JsonArray domain = [TrytonJson.Clause("company", "=", company), TrytonJson.Clause("type", "=", "out"), TrytonJson.Clause("reference", "=", key)];
        var found = await _rpc.SearchReadAsync("account.invoice", domain, null, ReadBack, cancellationToken).ConfigureAwait(false);
        return [.. found];
    }

    /// <summary>The invoice already posted (or paid, or cancelled by a person) under the key; drafts do not count.</summary>
    private ErpInvoice? Settled(IReadOnlyList<JsonNode?> found)
    {
        var settled = found.Where(f => TrytonJson.ToText(f?["state"]) is "posted" or "paid" or "cancelled")
            .OrderBy(f => TrytonJson.ToText(f?["state"]) == "cancelled" ? 1 : 0)
            .ToList();
        if (settled.Count > 1)
        {
            _logger.LogWarning("Tryton holds {Count} settled invoices with one reference: {Ids}", settled.Count, string.Join(", ", settled.Select(s => s?["id"]?.ToJsonString())));
        }

        return settled.Count > 0 ? ToErp(settled[0]!) : null;
    }

    private static ErpInvoice ToErp(JsonNode record) => new(
        (TrytonJson.ToId(record["id"]) ?? 0).ToString(CultureInfo.InvariantCulture),
        TrytonJson.ToText(record["number"]) ?? string.Empty,
        TrytonJson.ToDecimal(record["total_amount"]),
        TrytonJson.ToText(TrytonJson.Dotted(record, "currency", "code")),
        TrytonJson.ToText(record["state"]));

    private DateOnly Today(PostableInvoice invoice) => invoice.Invoice.IssueDate ?? DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    private TargetException Failure(TrytonFault fault, string key)
    {
        if (fault.IsConcurrency)
        {
            return new TransientTargetException($"{_options.Description}: {key}: {fault.Text}", TimeSpan.FromSeconds(1));
        }

        var error = new TargetError(fault.Text, fault.Kind);
        return new RefusedByTargetException($"Tryton refused {key}: {fault.Text}", [error]);
    }

    public void Dispose() => _rpc.Dispose();
}
