using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>Resolving the payer of a payment: the account and tax id it gives, then its bank account as a learned alias, then its name.</summary>
internal sealed partial class CustomerMatcher
{
    /// <summary>
    /// Learns that a bank account (IBAN or domestic account number, as written: spaces and dashes do not matter) is the
    /// customer's. Stored as an id alias, so it survives through the same alias store as names.
    /// </summary>
    public void LearnBankAccount(string bankAccount, string accountNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bankAccount);
        AddAlias(new CustomerAlias(CompactBankAccount(bankAccount), accountNumber));
    }

    /// <summary>
    /// Resolves a payer: by its customer account and tax id (as <see cref="Match"/> does), then by its bank account
    /// learned as an alias (<see cref="LearnBankAccount"/>, or an alias added with the account as written), then by its
    /// name (learned alias, fuzzy). The explanation names every value tried.
    /// </summary>
    public MatchResult MatchPayer(PayerReference payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var notes = new List<string>();
        var ids = new CustomerReference(payer.CustomerAccount, payer.TaxId, null);
        if (!ids.IsEmpty)
        {
            var byIds = Match(ids);
            if (byIds.Outcome == MatchOutcome.Matched)
            {
                return byIds;
            }

            notes.Add(byIds.Explanation);
        }

        if (!string.IsNullOrWhiteSpace(payer.BankAccount))
        {
            var written = payer.BankAccount.Trim();
            if ((_idAliases.TryGetValue(IdAliasKey(written), out var account) || _idAliases.TryGetValue(CompactBankAccount(written), out account))
                && FindByAccount(account) is { } customer)
            {
                return Matched(customer, MatchRules.Alias, Text($"bank account \"{written}\" was learned for {Describe(customer)}"), notes);
            }

            notes.Add(Text($"bank account \"{written}\" was not learned for any customer"));
        }

        var byName = Match(new CustomerReference(null, null, payer.Name));
        return notes.Count == 0 ? byName : byName with { Explanation = string.Join("; ", notes.Append(byName.Explanation)) };
    }

    private static string CompactBankAccount(string written)
        => new([.. written.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
}
