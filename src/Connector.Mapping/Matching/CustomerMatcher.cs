using System.Collections.Concurrent;
using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>
/// Resolves the customer a source names against an entity's customer master, in this order: account number (exact
/// after trimming, case-insensitive), tax id (normalised: VAT id, SIRET, SIREN inside either, EIN), learned alias (the
/// normalised name, or the tax id / account as written), then fuzzy name over names and alternate names through an
/// index. A value that is given but unknown is mentioned in the explanation and the next rule is tried.
/// Build once per master; <see cref="Match"/> and <see cref="AddAlias"/> are thread-safe.
/// </summary>
internal sealed partial class CustomerMatcher
{
    private const int AmbiguityMargin = 3;

    private readonly List<Customer> _customers;
    private readonly Dictionary<string, int> _byAccount;
    private readonly TaxIdIndex _byTaxId;
    private readonly Dictionary<string, List<int>> _byIdentifier;
    private readonly FuzzyNameSearch _names;
    private readonly MatchingOptions _options;
    private readonly ConcurrentDictionary<string, string> _nameAliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idAliases = new(StringComparer.Ordinal);

    private CustomerMatcher(List<Customer> customers, Dictionary<string, int> byAccount, MatchingOptions options)
    {
        _customers = customers;
        _byAccount = byAccount;
        _options = options;
        _byTaxId = TaxIdIndex.Build([.. customers.Select(c => c.TaxIds)]);
        _byIdentifier = IndexIdentifiers(customers);
        _names = new FuzzyNameSearch(customers, options.AcceptScore);
    }

    /// <summary>The number of customers indexed (a repeated account number counts once: the first wins).</summary>
    public int Count => _customers.Count;

    /// <summary>Indexes the customers and learned aliases. Blank aliases are passed over; a customer without account number too.</summary>
    public static CustomerMatcher Build(IEnumerable<Customer> customers, IEnumerable<CustomerAlias> aliases, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(options);
        var list = new List<Customer>();
        var byAccount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in customers)
        {
            var account = customer.AccountNumber?.Trim();
            if (!string.IsNullOrEmpty(account) && byAccount.TryAdd(account, list.Count))
            {
                list.Add(customer);
            }
        }

        var matcher = new CustomerMatcher(list, byAccount, options);
        foreach (var alias in aliases.Where(a => !string.IsNullOrWhiteSpace(a.Alias) && !string.IsNullOrWhiteSpace(a.AccountNumber)))
        {
            matcher.AddAlias(alias);
        }

        return matcher;
    }

    public Customer? FindByAccount(string accountNumber)
        => !string.IsNullOrWhiteSpace(accountNumber) && _byAccount.TryGetValue(accountNumber.Trim(), out var i) ? _customers[i] : null;

    /// <summary>Learns that a name (or a tax id or account as a source writes it) means an account. The latest wins.</summary>
    public void AddAlias(CustomerAlias alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias.Alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias.AccountNumber);
        var account = alias.AccountNumber.Trim();
        var name = NameNormalizer.Normalize(alias.Alias);
        if (!name.IsEmpty)
        {
            _nameAliases[name.Text] = account;
        }

        _idAliases[IdAliasKey(alias.Alias)] = account;
    }

    public MatchResult Match(CustomerReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var notes = new List<string>();
        return ByAccount(reference, notes) ?? ByTaxId(reference, reference.TaxId, notes) ?? ByOtherIds(reference, notes)
            ?? ByAlias(reference, notes) ?? ByName(reference, notes);
    }

    private static Dictionary<string, List<int>> IndexIdentifiers(List<Customer> customers)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++)
        {
            foreach (var key in customers[i].Identifiers.Concat(customers[i].TaxIds).Select(SchemedIdentifier.Key).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(i);
            }
        }

        return index;
    }

    /// <summary>
    /// The reference's other identifiers (e-invoices: legal id, electronic address, scheme-qualified buyer ids): first
    /// exactly as <c>scheme:value</c> against the customers' identifiers, then their values as tax ids (a SIREN or
    /// SIRET as legal id meets the VAT id or SIRET of the master).
    /// </summary>
    private MatchResult? ByOtherIds(CustomerReference reference, List<string> notes)
    {
        foreach (var written in reference.OtherIds.Where(id => !string.IsNullOrWhiteSpace(id)))
        {
            if (SchemedIdentifier.Key(written) is { } key && _byIdentifier.TryGetValue(key, out var hits))
            {
                var what = Text($"identifier \"{written.Trim()}\"");
                return hits.Count == 1
                    ? Matched(_customers[hits[0]], MatchRules.Identifier, Text($"{what} is {Describe(_customers[hits[0]])}"), notes)
                    : TaxIdShared(reference, what, hits, notes);
            }
        }

        foreach (var written in reference.OtherIds.Where(id => !string.IsNullOrWhiteSpace(id)))
        {
            var value = SchemedIdentifier.Value(written);
            if (!string.Equals(value, reference.TaxId?.Trim(), StringComparison.OrdinalIgnoreCase) && ByTaxId(reference, value, notes, quiet: true) is { } found)
            {
                return found;
            }
        }

        if (reference.OtherIds.Count > 0)
        {
            notes.Add(Text($"identifiers {string.Join(", ", reference.OtherIds.Select(i => $"\"{i.Trim()}\""))} are not in the customer master"));
        }

        return null;
    }

    private MatchResult? ByAccount(CustomerReference reference, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(reference.AccountNumber))
        {
            return null;
        }

        var customer = FindByAccount(reference.AccountNumber);
        if (customer is null)
        {
            notes.Add(Text($"account \"{reference.AccountNumber.Trim()}\" is not in the customer master"));
            return null;
        }

        return Matched(customer, MatchRules.Account, Text($"account \"{reference.AccountNumber.Trim()}\" is {Describe(customer)}"), notes);
    }

    private MatchResult? ByTaxId(CustomerReference reference, string? taxId, List<string> notes, bool quiet = false)
    {
        if (string.IsNullOrWhiteSpace(taxId))
        {
            return null;
        }

        var written = taxId.Trim();
        foreach (var key in TaxIdNormalizer.Normalize(written))
        {
            var hits = _byTaxId.Find(key);
            if (hits.Count == 0)
            {
                continue;
            }

            var what = Text($"tax id \"{written}\" ({key.Kind} {key.Value})");
            if (hits.Count == 1)
            {
                return Matched(_customers[hits[0]], MatchRules.TaxId, Text($"{what} is {Describe(_customers[hits[0]])}"), notes);
            }

            return TaxIdShared(reference, what, hits, notes);
        }

        if (!quiet)
        {
            notes.Add(Text($"tax id \"{written}\" is not in the customer master"));
        }

        return null;
    }

    /// <summary>Several accounts share the tax id (one company, several accounts): the name decides, if it clearly can.</summary>
    private MatchResult TaxIdShared(CustomerReference reference, string what, IReadOnlyList<int> hits, List<string> notes)
    {
        var name = NameNormalizer.Normalize(reference.Name);
        var ranked = hits.Select(i => _names.ScoreCustomer(i, name)).OrderByDescending(h => h.Score)
            .ThenBy(h => h.Customer.AccountNumber, StringComparer.Ordinal).ToList();
        var best = ranked[0];
        if (best.Score >= _options.ProposeScore && ranked[1].Score < best.Score - AmbiguityMargin)
        {
            var reason = Text($"{what} is shared by {hits.Count} accounts; name \"{reference.Name?.Trim()}\" ~ \"{best.MatchedName}\" ({best.Customer.AccountNumber}) scored {best.Score}, the next {ranked[1].Score}");
            return Matched(best.Customer, MatchRules.TaxId, reason, notes, best.Score);
        }

        var candidates = ranked.Take(Math.Max(2, _options.MaxCandidates))
            .Select(h => new MatchCandidate(h.Customer, 100, MatchRules.TaxId, Text($"{what}; name scored {h.Score}"))).ToList();
        notes.Add(Text($"{what} is shared by {hits.Count} accounts ({string.Join(", ", ranked.Select(h => h.Customer.AccountNumber))}) and the name does not tell them apart"));
        return new MatchResult(MatchOutcome.Ambiguous, null, MatchRules.TaxId, 100, candidates, string.Join("; ", notes));
    }

    private MatchResult? ByAlias(CustomerReference reference, List<string> notes)
    {
        var name = NameNormalizer.Normalize(reference.Name);
        var found = !name.IsEmpty && _nameAliases.TryGetValue(name.Text, out var account) ? (Value: reference.Name!.Trim(), Account: account) : default;
        foreach (var written in new[] { reference.TaxId, reference.AccountNumber })
        {
            if (found.Account is null && !string.IsNullOrWhiteSpace(written) && _idAliases.TryGetValue(IdAliasKey(written), out var byId))
            {
                found = (written.Trim(), byId);
            }
        }

        if (found.Account is null)
        {
            return null;
        }

        var customer = FindByAccount(found.Account);
        if (customer is null)
        {
            notes.Add(Text($"alias \"{found.Value}\" points to account \"{found.Account}\", which is not in the customer master"));
            return null;
        }

        return Matched(customer, MatchRules.Alias, Text($"alias \"{found.Value}\" was learned for {Describe(customer)}"), notes);
    }

    private MatchResult ByName(CustomerReference reference, List<string> notes)
    {
        var written = reference.Name?.Trim() ?? string.Empty;
        var name = NameNormalizer.Normalize(written);
        if (name.IsEmpty)
        {
            notes.Add("no customer name to compare");
            return new MatchResult(MatchOutcome.NoMatch, null, MatchRules.None, 0, [], string.Join("; ", notes));
        }

        var hits = _names.Search(name);
        return FuzzyDecision.Decide(written, hits, _options, AmbiguityMargin, notes);
    }

    private static MatchResult Matched(Customer customer, string rule, string reason, List<string> notes, int score = 100)
    {
        notes.Add(reason);
        return new MatchResult(MatchOutcome.Matched, customer, rule, score, [new MatchCandidate(customer, score, rule, reason)], string.Join("; ", notes));
    }

    private static string Describe(Customer customer) => Text($"{customer.AccountNumber} \"{customer.Name}\"");

    private static string IdAliasKey(string written) => written.Trim().ToUpperInvariant();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
