using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Plugins.Tryton;

/// <summary>
/// <c>connector targets check</c> for Tryton: login, company, currency, default payment term, revenue journal and
/// account, a fiscal period for today, and how many of the entity's master customers exist as parties (by code).
/// Every check is an item; nothing throws.
/// </summary>
internal sealed class TrytonSetupCheck(TrytonRpc rpc, TrytonLookups lookups, TrytonOptions options, TimeProvider clock)
{
    public async Task<IReadOnlyList<TargetCheck>> RunAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var checks = new List<TargetCheck>();
        try
        {
            await rpc.EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(new TargetCheck("login", true, options.Description));
        }
        catch (TargetException e)
        {
            checks.Add(new TargetCheck("login", false, e.Message));
            return checks;
        }

        await Item(checks, "company", async () =>
        {
            var company = await lookups.CompanyAsync(cancellationToken).ConfigureAwait(false);
            var id = company.ToString(CultureInfo.InvariantCulture);
            if (entity.Target.BusinessUnitId is { } expected && expected != id)
            {
                return (false, $"business_unit_id is {expected}, but the company is {id} in Tryton{(options.CompanyName is null ? " (the user's current company)" : " (" + options.CompanyName + ")")}");
            }

            return (true, $"company id {company.ToString(CultureInfo.InvariantCulture)}{(options.CompanyName is null ? " (the user's current company)" : " (" + options.CompanyName + ")")}");
        }).ConfigureAwait(false);
        await Item(checks, "currency", async () => await lookups.CurrencyAsync(entity.Currency, cancellationToken).ConfigureAwait(false) is { } id
            ? (true, $"{entity.Currency} is currency {id.ToString(CultureInfo.InvariantCulture)}")
            : (false, $"Tryton has no currency {entity.Currency}: create it (with a rate) in Tryton")).ConfigureAwait(false);
        await Item(checks, "payment term", async () => await lookups.PaymentTermAsync(entity.Target.DefaultTerms, cancellationToken).ConfigureAwait(false) is { } id
            ? (true, $"default_terms '{entity.Target.DefaultTerms}' is payment term {id.ToString(CultureInfo.InvariantCulture)}")
            : (false, $"Tryton has no payment term named '{entity.Target.DefaultTerms}' (default_terms)")).ConfigureAwait(false);
        await Item(checks, "journal and accounts", async () =>
        {
            var basics = await lookups.BasicsAsync(cancellationToken).ConfigureAwait(false);
            return (basics.DefaultReceivable is not null,
                string.Create(CultureInfo.InvariantCulture, $"revenue journal {basics.Journal}, revenue account {basics.RevenueAccount}, ")
                + (basics.DefaultReceivable is { } r ? "default receivable account " + r.ToString(CultureInfo.InvariantCulture) : "no default receivable account in the accounting configuration"));
        }).ConfigureAwait(false);
        await Item(checks, "fiscal period", () => PeriodAsync(cancellationToken)).ConfigureAwait(false);
        await Item(checks, "parties", () => PartiesAsync(entity, cancellationToken)).ConfigureAwait(false);
        return checks;
    }

    private async Task<(bool, string)> PeriodAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        JsonArray domain =
        [
            TrytonJson.Clause("start_date", "<=", TrytonJson.Date(today)),
            TrytonJson.Clause("end_date", ">=", TrytonJson.Date(today)),
            TrytonJson.Clause("type", "=", "standard"),
            TrytonJson.Clause("state", "=", "open"),
        ];
        var found = await rpc.SearchReadAsync("account.period", domain, 1, ["name", "fiscalyear.name"], cancellationToken).ConfigureAwait(false);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return found.Count > 0
            ? (true, $"open period {TrytonJson.ToText(found[0]?["name"])} for today ({day})")
            : (false, $"no open fiscal period for today ({day}): create the fiscal year and its periods, or invoices fail at post");
    }

    private async Task<(bool, string)> PartiesAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        if (entity.MasterDataFromTarget)
        {
            // The customers are Tryton's parties themselves: nothing to compare, only whether there are any.
            var parties = await TrytonParties.LoadAsync(rpc, cancellationToken).ConfigureAwait(false);
            return parties.Count > 0
                ? (true, string.Create(CultureInfo.InvariantCulture, $"master_data is the target: {parties.Count} parties with a code are the customers"))
                : (false, "master_data is the target, but Tryton has no party with a code: invoices cannot name a customer");
        }

        var codes = MasterAccountNumbers.Read(Path.Combine(entity.Directory, entity.MasterData));
        if (codes.Count == 0)
        {
            var count = await rpc.ModelAsync("party.party", "search_count", cancellationToken, TrytonJson.Array(TrytonJson.Clause("code", "!=", null))).ConfigureAwait(false);
            return (false, $"the master file lists no customers; Tryton has {count?.ToJsonString()} parties with a code");
        }

        var found = await rpc.SearchReadAsync("party.party", [TrytonJson.Clause("code", "in", new JsonArray([.. codes.Select(c => (JsonNode)c)]))], null, ["code"], cancellationToken).ConfigureAwait(false);
        var present = found.Select(f => TrytonJson.ToText(f?["code"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = codes.Where(c => !present.Contains(c)).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"{present.Count} of {codes.Count} master customers are parties (by code)");
        return missing.Count == 0 ? (true, text) : (false, text + "; missing: " + string.Join(", ", missing.Take(20)) + (missing.Count > 20 ? ", ..." : string.Empty));
    }

    private static async Task Item(List<TargetCheck> checks, string item, Func<Task<(bool Ok, string Detail)>> check)
    {
        try
        {
            var (ok, detail) = await check().ConfigureAwait(false);
            checks.Add(new TargetCheck(item, ok, detail));
        }
        catch (TargetException e)
        {
            checks.Add(new TargetCheck(item, false, e.Message));
        }
        catch (TrytonFault e)
        {
            checks.Add(new TargetCheck(item, false, e.Text));
        }
    }
}
