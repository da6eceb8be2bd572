using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;

namespace Connector.Plugins.Tryton;

/// <summary>The ids an invoice needs once per target: company, revenue journal and account, default receivable account.</summary>
internal sealed record TrytonBasics(int Company, int Journal, int RevenueAccount, int? DefaultReceivable);

/// <summary>A customer as Tryton holds it: a party with its code, first address and receivable account.</summary>
internal sealed record TrytonParty(int Id, string Name, int? Address, int? Receivable);

/// <summary>
/// Looks up and caches, for the life of the target, what invoices refer to by name or code: the basics, parties by
/// code, currencies by code, payment terms and taxes by name. A name that is not found is not cached, so that setting
/// it up in Tryton needs no restart.
/// </summary>
internal sealed class TrytonLookups(TrytonRpc rpc, TrytonOptions options)
{
    private readonly ConcurrentDictionary<string, TrytonParty> _parties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _currencies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _taxes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _basicsGate = new(1, 1);
    private TrytonBasics? _basics;

    public async Task<TrytonBasics> BasicsAsync(CancellationToken cancellationToken)
    {
        if (_basics is { } known)
        {
            return known;
        }

        await _basicsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _basics ??= await LoadBasicsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _basicsGate.Release();
        }
    }

    public async Task<int> CompanyAsync(CancellationToken cancellationToken)
    {
        await rpc.EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
        if (options.CompanyName is { } name)
        {
            var found = await rpc.SearchReadAsync("company.company", [TrytonJson.Clause("party.name", "=", name)], 1, ["id"], cancellationToken).ConfigureAwait(false);
            var id = found.Count > 0 ? TrytonJson.ToId(found[0]?["id"]) : null;
            if (id is null)
            {
                throw new TargetSetupException($"{options.Description}: there is no company '{name}' (option company).");
            }

            rpc.UseCompany(id.Value);
            return id.Value;
        }

        return TrytonJson.ToId(rpc.Context["company"])
            ?? throw new TargetSetupException($"{options.Description}: the user {options.UserName} has no current company; set option company.");
    }

    private async Task<TrytonBasics> LoadBasicsAsync(CancellationToken cancellationToken)
    {
        var company = await CompanyAsync(cancellationToken).ConfigureAwait(false);
        JsonArray journalDomain = options.JournalCode is { } j ? [TrytonJson.Clause("code", "=", j)] : [TrytonJson.Clause("type", "=", "revenue")];
        var journal = await FirstIdAsync("account.journal", journalDomain, cancellationToken).ConfigureAwait(false)
            ?? throw new TargetSetupException($"{options.Description}: no revenue journal {(options.JournalCode is null ? "(type revenue)" : "with code " + options.JournalCode)}.");
        JsonArray accountDomain = options.AccountCode is { } a
            ? [TrytonJson.Clause("code", "=", a), TrytonJson.Clause("company", "=", company)]
            : [TrytonJson.Clause("type.revenue", "=", true), TrytonJson.Clause("company", "=", company)];
        var account = await FirstIdAsync("account.account", accountDomain, cancellationToken, "code").ConfigureAwait(false)
            ?? throw new TargetSetupException($"{options.Description}: no revenue account {(options.AccountCode is null ? "(type revenue)" : "with code " + options.AccountCode)} in company {company}.");
        var configuration = await rpc.ModelAsync("account.configuration", "read", cancellationToken, TrytonJson.Array(1), TrytonJson.Fields("default_account_receivable")).ConfigureAwait(false);
        var receivable = TrytonJson.ToId(configuration?[0]?["default_account_receivable"]);
        return new TrytonBasics(company, journal, account, receivable);
    }

    public async Task<TrytonParty?> PartyAsync(string code, CancellationToken cancellationToken)
    {
        if (_parties.TryGetValue(code, out var known))
        {
            return known;
        }

        var found = await rpc.SearchReadAsync("party.party", [TrytonJson.Clause("code", "=", code)], 1, ["id", "name", "addresses", "account_receivable"], cancellationToken).ConfigureAwait(false);
        if (found.Count == 0 || found[0] is not { } party)
        {
            return null;
        }

        var addresses = party["addresses"] as JsonArray;
        var result = new TrytonParty(
            TrytonJson.ToId(party["id"]) ?? 0,
            TrytonJson.ToText(party["name"]) ?? code,
            addresses is { Count: > 0 } ? TrytonJson.ToId(addresses[0]) : null,
            TrytonJson.ToId(party["account_receivable"]));
        return _parties.GetOrAdd(code, result);
    }

    public Task<int?> CurrencyAsync(string code, CancellationToken cancellationToken)
        => CachedAsync(_currencies, code, "currency.currency", "code", cancellationToken);

    public Task<int?> PaymentTermAsync(string name, CancellationToken cancellationToken)
        => CachedAsync(_terms, name, "account.invoice.payment_term", "name", cancellationToken);

    /// <summary>A parent tax (no parent: its children are the dated rates) by its exact name.</summary>
    public async Task<int?> TaxAsync(string name, CancellationToken cancellationToken)
    {
        if (_taxes.TryGetValue(name, out var id))
        {
            return id;
        }

        var found = await FirstIdAsync("account.tax", [TrytonJson.Clause("name", "=", name), TrytonJson.Clause("parent", "=", null)], cancellationToken).ConfigureAwait(false);
        return found is { } f ? _taxes.GetOrAdd(name, f) : null;
    }

    /// <summary>
    /// The parent sale taxes whose rate is <paramref name="percent"/>: a percentage tax without parent at that rate,
    /// or the parent of a child (a dated rate) at that rate valid on <paramref name="date"/>.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SaleTaxesAtRateAsync(decimal percent, DateOnly date, CancellationToken cancellationToken)
    {
        var rate = TrytonJson.Decimal(percent / 100m);
        JsonArray domain =
        [
            TrytonJson.Clause("type", "=", "percentage"),
            TrytonJson.Clause("rate", "=", rate),
            // a dated child has no group of its own: its parent's says sale or purchase
            TrytonJson.Array("OR", TrytonJson.Clause("group.kind", "in", TrytonJson.Array("sale", "both")), TrytonJson.Clause("parent.group.kind", "in", TrytonJson.Array("sale", "both"))),
            TrytonJson.Array("OR", TrytonJson.Clause("start_date", "=", null), TrytonJson.Clause("start_date", "<=", TrytonJson.Date(date))),
            TrytonJson.Array("OR", TrytonJson.Clause("end_date", "=", null), TrytonJson.Clause("end_date", ">=", TrytonJson.Date(date))),
        ];
        var found = await rpc.SearchReadAsync("account.tax", domain, null, ["id", "name", "parent", "parent.name"], cancellationToken).ConfigureAwait(false);
        return found
            .Select(t => TrytonJson.ToId(t?["parent"]) is { } parent
                ? (Id: parent, Name: TrytonJson.ToText(TrytonJson.Dotted(t, "parent", "name")) ?? string.Empty)
                : (Id: TrytonJson.ToId(t?["id"]) ?? 0, Name: TrytonJson.ToText(t?["name"]) ?? string.Empty))
            .DistinctBy(t => t.Id)
            .OrderBy(t => t.Id)
            .ToList();
    }

    private async Task<int?> CachedAsync(ConcurrentDictionary<string, int> cache, string key, string model, string field, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out var id))
        {
            return id;
        }

        var found = await FirstIdAsync(model, [TrytonJson.Clause(field, "=", key)], cancellationToken).ConfigureAwait(false);
        return found is { } f ? cache.GetOrAdd(key, f) : null;
    }

    private async Task<int?> FirstIdAsync(string model, JsonArray domain, CancellationToken cancellationToken, string? orderBy = null)
    {
        var order = orderBy is null ? null : TrytonJson.Array(TrytonJson.Array(orderBy, "ASC"));
        var result = await rpc.ModelAsync(model, "search", cancellationToken, domain, 0, 1, order).ConfigureAwait(false);
        return result is JsonArray { Count: > 0 } ids ? TrytonJson.ToId(ids[0]) : null;
    }
}
