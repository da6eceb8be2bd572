using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;

namespace Connector.Mapping.EInvoicing;

/// <summary>Which entity an e-invoice's seller is, and why; or why none.</summary>
internal sealed record SellerRoute(EntityDefinition? Entity, string Reason, IReadOnlyList<string> Ambiguous)
{
    public bool Found => Entity is not null;
}

/// <summary>
/// Routes an e-invoice to the entity that issued it: the seller's VAT id (BT-31), then its legal registration id
/// (BT-30) and other identifiers (BT-29), then its electronic address (BT-34), against each entity's
/// <c>identifiers:</c> in entity.yaml. Ids are compared normalised and only with ids of the same kind (a SIREN meets
/// the SIREN inside a French VAT id or SIRET, never a German number). The seller's name is never enough: an
/// e-invoice routed to the wrong company would be posted into the wrong books.
/// </summary>
internal sealed class SellerRouter
{
    private readonly Dictionary<TaxIdKey, List<EntityDefinition>> _byTaxId = [];
    private readonly Dictionary<string, List<EntityDefinition>> _byScheme = new(StringComparer.Ordinal);

    public SellerRouter(IEnumerable<EntityDefinition> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            var ids = entity.Identifiers;
            foreach (var written in ids.VatIds.Concat(ids.LegalIds.Select(SchemedIdentifier.Value)))
            {
                foreach (var key in TaxIdNormalizer.Normalize(written))
                {
                    Add(_byTaxId, key, entity);
                }
            }

            foreach (var key in ids.LegalIds.Concat(ids.ElectronicAddresses).Select(SchemedIdentifier.Key).OfType<string>())
            {
                Add(_byScheme, key, entity);
            }
        }
    }

    public SellerRoute Route(EInvoiceParty seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var tried = new List<string>();
        foreach (var (what, written) in Candidates(seller))
        {
            tried.Add($"{what} {written}");
            var found = new List<EntityDefinition>();
            if (SchemedIdentifier.Key(written) is { } schemed && _byScheme.TryGetValue(schemed, out var bySchemed))
            {
                found.AddRange(bySchemed);
            }

            foreach (var key in TaxIdNormalizer.Normalize(SchemedIdentifier.Value(written)))
            {
                if (found.Count == 0 && _byTaxId.TryGetValue(key, out var byKey))
                {
                    found.AddRange(byKey);
                }
            }

            var distinct = found.DistinctBy(e => e.Code, StringComparer.Ordinal).ToList();
            if (distinct.Count == 1)
            {
                return new SellerRoute(distinct[0], Text($"seller {what} {written} is entity {distinct[0].Code} ({distinct[0].Name})"), []);
            }

            if (distinct.Count > 1)
            {
                var codes = distinct.Select(e => e.Code).Order(StringComparer.Ordinal).ToList();
                return new SellerRoute(null, Text($"seller {what} {written} is claimed by several entities ({string.Join(", ", codes)}): correct their identifiers in entity.yaml"), codes);
            }
        }

        var name = seller.Name ?? seller.TradingName ?? "(no name)";
        return new SellerRoute(null, tried.Count == 0
            ? Text($"the seller \"{name}\" gives no VAT id, legal id or electronic address to tell which entity issued the invoice")
            : Text($"no entity has the seller's identifiers ({string.Join(", ", tried)}; seller \"{name}\"): add them under identifiers: in its entity.yaml"), []);
    }

    private static IEnumerable<(string What, string Written)> Candidates(EInvoiceParty seller)
    {
        if (!string.IsNullOrWhiteSpace(seller.VatId))
        {
            yield return ("VAT id", seller.VatId.Trim());
        }

        if (seller.LegalId is { } legal && !string.IsNullOrWhiteSpace(legal.Value))
        {
            yield return ("legal id", legal.ToString().Trim());
        }

        foreach (var id in seller.Identifiers.Where(i => !string.IsNullOrWhiteSpace(i.Value)))
        {
            yield return ("identifier", id.ToString().Trim());
        }

        if (seller.ElectronicAddress is { } address && !string.IsNullOrWhiteSpace(address.Value))
        {
            yield return ("electronic address", address.ToString().Trim());
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<EntityDefinition>> index, TKey key, EntityDefinition entity)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(entity))
        {
            list.Add(entity);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
