using System.Globalization;
using Connector.Host.Store;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Remittances;

namespace Connector.Host.Pipeline;

/// <summary>
/// The remittance advices of an entity that wait for their money (stored in state Advice, and those of the document
/// being read), and their re-association with bank credits (<see cref="AdviceReassociation"/>) both ways: a credit
/// arriving after its advice is applied with the advice's lines; an advice arriving after its credit re-applies the
/// credit when it waits with nothing applied. An advice serves one credit; one instance serves one document.
/// </summary>
internal sealed class AdvicePool(IConnectorStore store, EntityRuntime entity)
{
    private readonly List<(long Id, string Reason)> _usedStored = [];
    private List<PoolAdvice>? _pool;

    /// <summary>What the last advice applied to a waiting credit was used for.</summary>
    public string LastUse { get; private set; } = string.Empty;

    private List<PoolAdvice> Pool => _pool ??= [.. store.RemittancesInStates(entity.Code, [RemittanceState.Advice]).Select(r => new PoolAdvice(r.Id, null, r.Remittance))];

    public void Add(Remittance advice, int draftIndex) => Pool.Add(new PoolAdvice(null, draftIndex, advice));

    /// <summary>The credit with its advice's lines when exactly one advice describes it (and that advice, now used); else the credit as it is.</summary>
    public (Remittance Remittance, PoolAdvice? Advice) WithAdvice(Remittance credit)
    {
        var pool = Pool;
        if (pool.Count == 0 || AdviceReassociation.Find(credit, [.. pool.Select(p => p.Remittance)], PayerAccount) is not { } match)
        {
            return (credit, null);
        }

        var advice = pool[match.AdviceIndex];
        pool.RemoveAt(match.AdviceIndex);
        if (advice.StoredId is { } id)
        {
            _usedStored.Add((id, Text($"used for the bank credit {credit.PaymentNumber ?? credit.BankReference} of {credit.Amount:0.00}: {match.Reason}")));
        }

        return (AdviceReassociation.Merge(credit, advice.Remittance, match.Reason), advice);
    }

    /// <summary>
    /// An advice arriving after its money: the one stored credit that waits with nothing applied and that the advice
    /// describes is applied again with the advice's lines. True when it was (the advice is then used).
    /// </summary>
    public bool ApplyToWaitingCredit(Remittance advice, OpenItemBook book, CashApplicationEngine engine, DateTimeOffset at)
    {
        var fits = store.RemittancesInStates(entity.Code, [RemittanceState.Unapplied])
            .Where(r => r.Explanation is not null && r.Applications.Count == 0)
            .Select(r => (Stored: r, Match: AdviceReassociation.Find(r.Remittance, [advice], PayerAccount)))
            .Where(f => f.Match is not null)
            .ToList();
        if (fits.Count != 1)
        {
            return false;
        }

        var (credit, match) = fits[0];
        var result = engine.Apply(AdviceReassociation.Merge(credit.Remittance, advice, match!.Reason), book, entity.Matcher);
        if (result.Outcome == ApplicationOutcome.Unapplied)
        {
            return false;
        }

        var to = result.Outcome == ApplicationOutcome.FullyApplied ? RemittanceState.Applied : RemittanceState.PartlyApplied;
        var decision = new RemittanceDecision(result.PayerAccount, RemittanceProcessor.Stored(result), result.Applied, result.OnAccount, result.Unapplied);
        var reason = Text($"applied with the remittance advice {advice.PaymentNumber} ({match.Reason}): {result.Explanation}");
        if (!store.MoveRemittance(new RemittanceMove(credit.Id, RemittanceState.Unapplied, to, reason, "connector") { Decision = decision }, at))
        {
            CashApplicationEngine.Release(result, book);
            return false;
        }

        LastUse = Text($"used for the bank credit {credit.Remittance.PaymentNumber ?? credit.Remittance.BankReference} of {credit.Amount:0.00} (payment {credit.Id}), which waited unapplied");
        return true;
    }

    /// <summary>Marks the stored advices used by this document's credits (after the credits are stored).</summary>
    public void RecordUsedStoredAdvices(DateTimeOffset at)
    {
        foreach (var (id, reason) in _usedStored)
        {
            store.MoveRemittance(new RemittanceMove(id, RemittanceState.Advice, RemittanceState.AdviceUsed, reason, "connector"), at);
        }

        _usedStored.Clear();
    }

    private string? PayerAccount(PayerReference payer)
        => payer.CustomerAccount is { Length: > 0 } account ? account
            : entity.Matcher.MatchPayer(payer) is { Outcome: MatchOutcome.Matched, Customer: { } customer } ? customer.AccountNumber
            : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An advice waiting: stored (its id) or read from the current document (its index among the drafts).</summary>
    internal sealed record PoolAdvice(long? StoredId, int? DraftIndex, Remittance Remittance);
}
