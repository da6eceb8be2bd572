using Connector.Mapping.Entities;
using Connector.Mapping.Matching;

namespace Connector.Mapping.Remittances;

/// <summary>
/// Which entity a bank file is for: the account its payments arrived on (a statement's IBAN or account number, a
/// lockbox number) against the entities' <c>identifiers.bank_accounts</c>, compared without spaces, dashes or case.
/// </summary>
internal sealed class BankAccountRouter
{
    private readonly Dictionary<string, List<EntityDefinition>> _byAccount = new(StringComparer.Ordinal);

    public BankAccountRouter(IEnumerable<EntityDefinition> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            foreach (var account in entity.Identifiers.BankAccounts.Select(TaxIdNormalizer.Clean).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal))
            {
                (_byAccount.TryGetValue(account, out var list) ? list : _byAccount[account] = []).Add(entity);
            }
        }
    }

    /// <summary>The one entity with one of these accounts, or null (none, or several: the reason says which).</summary>
    public EntityDefinition? Route(IEnumerable<string?> accounts, out string reason)
    {
        var written = accounts.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var found = written
            .SelectMany(a => _byAccount.TryGetValue(TaxIdNormalizer.Clean(a), out var list) ? list : [])
            .DistinctBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        if (found.Count == 1)
        {
            reason = $"account {string.Join(", ", written)} is entity {found[0].Code} ({found[0].Name})";
            return found[0];
        }

        reason = found.Count > 1
            ? $"the accounts {string.Join(", ", written)} belong to several entities ({string.Join(", ", found.Select(e => e.Code))})"
            : written.Count == 0
                ? "the file names no receiving account"
                : $"no entity has the account {string.Join(", ", written)} under identifiers.bank_accounts";
        return null;
    }
}
