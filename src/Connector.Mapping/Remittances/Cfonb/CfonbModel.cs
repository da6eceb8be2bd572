namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>A 05 complement: its qualifier (LIB, NPY, RCN...) and its 70 characters of information as written.</summary>
internal sealed record CfonbComplement(int Line, string Qualifier, string Info);

/// <summary>A 04 operation with its 05 complements. The amount is signed: positive credit, negative debit.</summary>
internal sealed record CfonbOperation(
    int Line,
    string Account,
    string Currency,
    string Code,
    DateOnly OperationDate,
    DateOnly? ValueDate,
    string Label,
    string EntryNumber,
    string Reference,
    decimal Amount)
{
    public List<CfonbComplement> Complements { get; } = [];
}

/// <summary>A statement: the 01 previous balance, its 04 operations and the 07 new balance.</summary>
internal sealed class CfonbStatement(int line, string account, string currency, decimal opening)
{
    public int Line { get; } = line;

    public string Account { get; } = account;

    public string Currency { get; } = currency;

    public decimal Opening { get; } = opening;

    public List<CfonbOperation> Operations { get; } = [];

    public int ClosingLine { get; set; }

    public decimal Closing { get; set; }

    public decimal Computed => Opening + Operations.Sum(o => o.Amount);
}
