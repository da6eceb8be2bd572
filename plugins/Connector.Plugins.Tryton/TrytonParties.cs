using System.Text.Json.Nodes;
using Connector.Mapping.Model;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Tryton's parties as the entity's customers (<c>master_data: target</c>): every active party with a code becomes a
/// customer whose account number is the code, with its name, its identifiers (VAT, SIREN...) as tax ids, and its first
/// address as the bill-to site (the invoice address the target posts to). The parties of Tryton's companies (the
/// entity itself) are not customers and are left out.
/// </summary>
internal static class TrytonParties
{
    public static async Task<IReadOnlyList<Customer>> LoadAsync(TrytonRpc rpc, CancellationToken cancellationToken)
    {
        var parties = await rpc.SearchReadAsync("party.party", [TrytonJson.Clause("code", "!=", null)], null, ["id", "code", "name", "addresses"], cancellationToken).ConfigureAwait(false);
        var companies = await rpc.SearchReadAsync("company.company", [], null, ["party"], cancellationToken).ConfigureAwait(false);
        var ownParties = companies.Select(c => TrytonJson.ToId(c?["party"])).OfType<int>().ToHashSet();
        var identifiers = await rpc.SearchReadAsync("party.identifier", [TrytonJson.Clause("party.code", "!=", null)], null, ["party", "code"], cancellationToken).ConfigureAwait(false);
        var taxIds = identifiers.OfType<JsonObject>()
            .Where(i => TrytonJson.ToId(i["party"]) is not null && TrytonJson.ToText(i["code"]) is { Length: > 0 })
            .ToLookup(i => TrytonJson.ToId(i["party"])!.Value, i => TrytonJson.ToText(i["code"])!);
        var customers = new List<Customer>(parties.Count);
        foreach (var party in parties.OfType<JsonObject>())
        {
            var id = TrytonJson.ToId(party["id"]);
            var code = TrytonJson.ToText(party["code"]);
            if (id is null || string.IsNullOrWhiteSpace(code) || ownParties.Contains(id.Value))
            {
                continue;
            }

            var address = (party["addresses"] as JsonArray)?.Select(TrytonJson.ToId).OfType<int>().Order().FirstOrDefault();
            customers.Add(new Customer
            {
                AccountNumber = code,
                Name = TrytonJson.ToText(party["name"]) ?? code,
                TaxIds = [.. taxIds[id.Value]],
                Sites = address is > 0 ? [new CustomerSite(address.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "BILL_TO", true)] : [],
            });
        }

        return customers;
    }
}
