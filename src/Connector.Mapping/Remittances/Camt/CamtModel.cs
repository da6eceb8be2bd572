using Connector.Mapping.EInvoicing;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>A camt.052 / 053 / 054 message as written: its name (e.g. <c>camt.053.001.02</c>), id and its statements, reports or notifications.</summary>
internal sealed record CamtMessage(string MessageName, string? MessageId, IReadOnlyList<CamtStatement> Statements);

/// <summary>
/// One Stmt (camt.053), Rpt (camt.052) or Ntfctn (camt.054): the account it is about, its balances, its transaction
/// summary and its entries.
/// </summary>
internal sealed record CamtStatement(
    string Element,
    string? Id,
    string? Account,
    IReadOnlyList<CamtBalance> Balances,
    CamtSummary? Summary,
    IReadOnlyList<CamtEntry> Entries,
    XmlSpot Spot)
{
    /// <summary>The page (StmtPgntn, RptPgntn, NtfctnPgntn) when the statement is split over several messages and this is not all of it; null when whole.</summary>
    public string? Page { get; init; }
}

/// <summary>A balance (Bal) with its type code (OPBD, CLBD, ITBD...), signed: a debit balance is negative.</summary>
internal sealed record CamtBalance(string? Type, decimal Amount, string? Currency, XmlSpot Spot);

/// <summary>What TxsSummry says of the entries; each total is null when not given.</summary>
internal sealed record CamtSummary(
    int? Count,
    decimal? Sum,
    decimal? Net,
    int? CreditCount,
    decimal? CreditSum,
    int? DebitCount,
    decimal? DebitSum,
    XmlSpot Spot);

/// <summary>A batch (Btch) of an entry: how many transactions and what total it announces.</summary>
internal sealed record CamtBatch(int? TransactionCount, decimal? TotalAmount, EntryDirection? Direction, XmlSpot Spot);

/// <summary>One booking (Ntry): its amount (positive) and direction, dates, references and transaction details.</summary>
internal sealed record CamtEntry
{
    public required decimal Amount { get; init; }

    public string? Currency { get; init; }

    public required EntryDirection Direction { get; init; }

    public bool Reversal { get; init; }

    /// <summary>BOOK, PDNG, INFO... (null when not given, taken as booked).</summary>
    public string? Status { get; init; }

    public DateOnly? BookingDate { get; init; }

    public DateOnly? ValueDate { get; init; }

    public string? EntryReference { get; init; }

    public string? AccountServicerReference { get; init; }

    public CamtTransactionCode? Code { get; init; }

    public string? AdditionalInfo { get; init; }

    public CamtBatch? Batch { get; init; }

    /// <summary>Whether the entry or its details carry charges (Chrgs): then the booked amount may be net of them.</summary>
    public bool HasCharges { get; init; }

    public IReadOnlyList<CamtTransaction> Transactions { get; init; } = [];

    /// <summary>Record problems of the entry itself (a bad date).</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public required XmlSpot Spot { get; init; }

    public bool IsBooked => Status is null || string.Equals(Status, "BOOK", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A bank transaction code: ISO domain / family / sub-family and/or the bank's proprietary code.</summary>
internal sealed record CamtTransactionCode(string? Domain, string? Family, string? SubFamily, string? Proprietary)
{
    public override string ToString()
    {
        var iso = Domain is null ? null : string.Join('/', new[] { Domain, Family, SubFamily }.Where(s => s is not null));
        return (iso, Proprietary) switch
        {
            (null, null) => string.Empty,
            (null, _) => Proprietary!,
            (_, null) => iso,
            _ => $"{iso} ({Proprietary})",
        };
    }
}

/// <summary>One underlying payment (TxDtls) as written, with its remittance information read into lines.</summary>
internal sealed record CamtTransaction
{
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public EntryDirection? Direction { get; init; }

    public string? EndToEndId { get; init; }

    public string? AccountServicerReference { get; init; }

    public string? ChequeNumber { get; init; }

    public CamtTransactionCode? Code { get; init; }

    public DateOnly? SettlementDate { get; init; }

    public PayerReference Payer { get; init; } = PayerReference.Empty;

    /// <summary>The Ustrd blocks, in order.</summary>
    public IReadOnlyList<string> Unstructured { get; init; } = [];

    public string? AdditionalInfo { get; init; }

    public IReadOnlyList<RemittanceLine> Lines { get; init; } = [];

    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public required XmlSpot Spot { get; init; }
}
