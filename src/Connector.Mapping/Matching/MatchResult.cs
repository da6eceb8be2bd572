using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>How a customer reference was resolved against the master data.</summary>
public enum MatchOutcome
{
    /// <summary>One customer, with confidence.</summary>
    Matched,

    /// <summary>Several customers could be meant, or the best one is not certain enough: an operator picks.</summary>
    Ambiguous,

    /// <summary>No customer comes close.</summary>
    NoMatch,
}

/// <summary>A customer the reference may mean, with its score (0-100), the rule that found it and why.</summary>
public sealed record MatchCandidate(Customer Customer, int Score, string Rule, string Reason);

/// <summary>
/// The outcome of matching one customer reference. <see cref="Customer"/> is set only when <see cref="Outcome"/> is
/// <see cref="MatchOutcome.Matched"/>; <see cref="Candidates"/> holds what an operator can choose from;
/// <see cref="Explanation"/> says which rules were tried with which values and scores.
/// </summary>
public sealed record MatchResult(
    MatchOutcome Outcome,
    Customer? Customer,
    string Rule,
    int Score,
    IReadOnlyList<MatchCandidate> Candidates,
    string Explanation);

/// <summary>The names of the matching rules, as they appear in <see cref="MatchResult.Rule"/>.</summary>
public static class MatchRules
{
    public const string Account = "account";
    public const string TaxId = "tax_id";
    public const string Identifier = "identifier";
    public const string Alias = "alias";
    public const string Name = "name";
    public const string None = "none";
}
