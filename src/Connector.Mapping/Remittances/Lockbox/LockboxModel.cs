namespace Connector.Mapping.Remittances.Lockbox;

/// <summary>A 6 detail (one cheque) with its 4 overflow records.</summary>
internal sealed record LockboxCheque(
    int Line,
    string Batch,
    string Item,
    long AmountCents,
    string Routing,
    string Account,
    string ChequeNumber,
    string ChequeDate,
    string Remitter,
    string Payee)
{
    public List<LockboxOverflow> Overflows { get; } = [];
}

/// <summary>A 4 overflow record: the memo / remittance text it carries.</summary>
internal sealed record LockboxOverflow(int Line, string Sequence, string Indicator, string Text);

/// <summary>A lockbox (5 header to 8 service total) with its cheques.</summary>
internal sealed class LockboxDeposit(int line, string number, DateOnly depositDate)
{
    public int Line { get; } = line;

    public string Number { get; } = number;

    public DateOnly DepositDate { get; } = depositDate;

    public List<LockboxCheque> Cheques { get; } = [];
}
