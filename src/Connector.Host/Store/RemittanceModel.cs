using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;

namespace Connector.Host.Store;

/// <summary>The life of a remittance (one payment of a bank file) in the store.</summary>
internal enum RemittanceState
{
    /// <summary>Money going out (fees, a transfer): not a customer's payment; kept so that the file is accounted for.</summary>
    Debit,

    /// <summary>Its key was stored before (the same payment in a resent file or an overlapping statement): skipped, the earlier one named.</summary>
    Duplicate,

    /// <summary>Nothing applied automatically: waits for an operator, with the candidates.</summary>
    Unapplied,

    /// <summary>Part applied automatically, the rest waits for an operator.</summary>
    PartlyApplied,

    /// <summary>Fully applied (any overpayment on account): ready to be posted as a receipt.</summary>
    Applied,

    /// <summary>Being posted: the target may hold the receipt; it is looked up before anything is sent again.</summary>
    Posting,

    /// <summary>The target holds the receipt, with its id and number.</summary>
    Confirmed,

    /// <summary>The target refused the receipt, with its reasons; its applications are given back to later books.</summary>
    Refused,

    /// <summary>Applied, but the entity's target cannot post receipts: kept with its applications, said so.</summary>
    NoTarget,

    /// <summary>A remittance advice (no money): says what a payment pays; waits for the bank credit it describes.</summary>
    Advice,

    /// <summary>An advice whose bank credit came: the credit was applied with the advice's lines (the credit is named).</summary>
    AdviceUsed,

    /// <summary>An operator decided the payment is not applied to invoices here (a refund, a transfer between own accounts...), with the reason.</summary>
    Skipped,
}

/// <summary>A decided application of a payment to an open item, as stored.</summary>
internal sealed record StoredApplication(
    string InvoiceNumber,
    string Customer,
    string? ErpId,
    string? InstallmentId,
    string Origin,
    decimal Amount,
    decimal Discount,
    decimal Deduction,
    string? DeductionReason,
    string Rule,
    string Explanation,
    int? Line)
{
    /// <summary>What the application closes on the item: cash, discount and deduction.</summary>
    public decimal Closed => Amount + Discount + Deduction;
}

/// <summary>An open item an operator may apply the payment to.</summary>
internal sealed record StoredCandidate(string InvoiceNumber, string Customer, decimal OpenAmount, int Score, string Reason);

/// <summary>A payment read from a bank document, keyed and (for a customer's payment) cash-applied, to store.</summary>
internal sealed record NewRemittance(
    long DocumentId,
    int Ordinal,
    long RunId,
    string Entity,
    string IdempotencyKey,
    RemittanceState State,
    Remittance Remittance,
    string? PayerAccount,
    decimal Applied,
    decimal OnAccount,
    decimal Unapplied,
    string? Explanation,
    IReadOnlyList<StoredApplication> Applications,
    IReadOnlyList<StoredCandidate> Candidates,
    IReadOnlyList<Problem> Problems,
    string? Reason,
    long? DuplicateOf)
{
    /// <summary>For a payment read from scanned cheques and stubs: what was read, kept for corrections.</summary>
    public ScannedReadings? Scan { get; init; }
}

/// <summary>A stored remittance.</summary>
internal sealed record RemittanceInfo(
    long Id,
    long DocumentId,
    int Ordinal,
    long RunId,
    string Entity,
    string IdempotencyKey,
    EntryDirection Direction,
    decimal Amount,
    string? Currency,
    RemittanceState State,
    byte[] Payload,
    string? PayerAccount,
    decimal Applied,
    decimal OnAccount,
    decimal Unapplied,
    string? Explanation,
    IReadOnlyList<StoredApplication> Applications,
    IReadOnlyList<StoredCandidate> Candidates,
    IReadOnlyList<Problem> Problems,
    string? Reason,
    long? DuplicateOf,
    int Attempts,
    string? ErpReceiptId,
    string? ErpReceiptNumber)
{
    /// <summary>The canonical remittance (unpacked on each call).</summary>
    public Remittance Remittance => StoreJson.UnpackRemittance(Payload);
}

/// <summary>A state change of a remittance; ERP id and number when the target confirmed it.</summary>
internal sealed record RemittanceMove(long Id, RemittanceState From, RemittanceState To, string Reason, string Actor)
{
    public string? ErpReceiptId { get; init; }

    public string? ErpReceiptNumber { get; init; }

    /// <summary>The target's reasons, for a refusal.</summary>
    public IReadOnlyList<Problem>? Problems { get; init; }

    /// <summary>An operator's decision: the applications, amounts and payer that replace the stored ones.</summary>
    public RemittanceDecision? Decision { get; init; }

    /// <summary>A scanned payment corrected by an operator: the payment as it now reads, and its readings.</summary>
    public (Remittance Remittance, ScannedReadings Readings)? Corrected { get; init; }
}

/// <summary>What an operator decided about a payment: where its money goes.</summary>
internal sealed record RemittanceDecision(string? PayerAccount, IReadOnlyList<StoredApplication> Applications, decimal Applied, decimal OnAccount, decimal Unapplied);

/// <summary>One state change of a remittance: from (null when it was stored), to, when, by whom, why.</summary>
internal sealed record RemittanceTransition(RemittanceState? From, RemittanceState To, DateTimeOffset At, string Actor, string? Reason);
