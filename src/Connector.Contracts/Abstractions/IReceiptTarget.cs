using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Abstractions;

/// <summary>
/// A target that can post receipts (contract 1.1), implemented beside <see cref="IInvoiceTarget"/> by the target a
/// factory builds. Like invoices: one attempt per call, failures as <see cref="TransientTargetException"/> (worth
/// retrying after <see cref="FindReceiptAsync"/>), <see cref="RefusedByTargetException"/> (the ERP refused the receipt
/// or one of its applications, with the reasons) or <see cref="TargetSetupException"/>. The receipt number is
/// deterministic (<see cref="ReceiptPosting.ReceiptNumber"/>), so a retry meets the ERP's duplicate rule instead of
/// creating a second receipt; a duplicate refusal is resolved by looking the receipt up.
/// </summary>
public interface IReceiptTarget
{
    /// <summary>
    /// Creates the receipt and applies it to each of <see cref="ReceiptPosting.Applications"/> (one attempt). A receipt
    /// already there under its number (an earlier attempt) is completed with the applications it lacks, not created twice.
    /// </summary>
    Task<ErpReceipt> PostReceiptAsync(ReceiptPosting receipt, CancellationToken ct);

    /// <summary>The receipt as the ERP holds it (found by its number, date and amount), with its applications; null when absent.</summary>
    Task<ErpReceipt?> FindReceiptAsync(ReceiptPosting receipt, CancellationToken ct);
}

/// <summary>
/// A source of an entity's open receivables (contract 1.1): invoices and credit notes whose open amount is not zero,
/// what cash application applies payments to. One attempt; failures as for targets.
/// </summary>
public interface IOpenItemSource
{
    Task<IReadOnlyList<OpenItem>> LoadOpenItemsAsync(EntityDefinition entity, CancellationToken ct);
}

/// <summary>A receipt to post: one customer payment and the invoices it pays.</summary>
/// <param name="Entity">The entity whose target receives it.</param>
/// <param name="IdempotencyKey">The receipt's key (<see cref="Connector.Mapping.Model.IdempotencyKey.ForReceipt"/>).</param>
/// <param name="ReceiptNumber">Deterministic: the cheque number or bank reference, else <see cref="ReceiptNumbers.FromKey"/> of the key.</param>
/// <param name="ReceiptDate">The receipt (deposit) date; with number, amount and customer part of Oracle's duplicate rule.</param>
/// <param name="Amount">The payment, positive.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="CustomerAccount">The paying customer's account number in the ERP, when known (unidentified receipts have none).</param>
/// <param name="Method">How it was paid.</param>
/// <param name="RemittanceBankAccount">The entity's bank account it arrived on, when the target wants it per receipt.</param>
/// <param name="PayerName">The payer as the bank names it.</param>
/// <param name="Applications">The invoices (and credit notes) it pays; may be empty (the receipt stays unapplied).</param>
/// <param name="Comments">Free text for the ERP's comments.</param>
public sealed record ReceiptPosting(
    EntityDefinition Entity,
    string IdempotencyKey,
    string ReceiptNumber,
    DateOnly ReceiptDate,
    decimal Amount,
    string Currency,
    string? CustomerAccount,
    PaymentMethod Method,
    string? RemittanceBankAccount,
    string? PayerName,
    IReadOnlyList<ReceiptApplication> Applications,
    string? Comments)
{
    /// <summary>What the applications take off the receipt's amount.</summary>
    public decimal AppliedTotal => Applications.Sum(a => a.AmountApplied);
}

/// <summary>One application of a receipt to an open item.</summary>
/// <param name="InvoiceNumber">The ERP's transaction number.</param>
/// <param name="ErpInvoiceId">The ERP's id of the transaction (<see cref="OpenItem.ErpId"/>), when known.</param>
/// <param name="InstallmentId">The installment (Fusion payment schedule), when known.</param>
/// <param name="AmountApplied">Cash applied (positive; negative for a credit note offset).</param>
/// <param name="Discount">Early-payment discount granted besides the cash (0 when none).</param>
/// <param name="Deduction">A short payment the payer took (0 when none); left open on the invoice unless the target can adjust.</param>
/// <param name="DeductionReason">The payer's reason for the deduction.</param>
public sealed record ReceiptApplication(
    string InvoiceNumber,
    string? ErpInvoiceId,
    string? InstallmentId,
    decimal AmountApplied,
    decimal Discount,
    decimal Deduction,
    string? DeductionReason);

/// <summary>A receipt as the ERP holds it.</summary>
/// <param name="Id">The ERP's id (Fusion StandardReceiptId, EBS CASH_RECEIPT_ID, Tryton move id).</param>
/// <param name="Number">The receipt number.</param>
/// <param name="Amount">The receipt amount.</param>
/// <param name="Unapplied">What is not applied to any invoice.</param>
/// <param name="Status">The ERP's status word (e.g. Applied, Unapplied, APP, posted).</param>
/// <param name="Applications">What it is applied to.</param>
/// <remarks>Two are equal when every member is, the applications compared item by item in order.</remarks>
public sealed record ErpReceipt(string Id, string Number, decimal Amount, decimal Unapplied, string Status, IReadOnlyList<ErpReceiptApplication> Applications)
{
    public bool Equals(ErpReceipt? other) =>
        other is not null && Id == other.Id && Number == other.Number && Amount == other.Amount && Unapplied == other.Unapplied
        && Status == other.Status && Applications.SequenceEqual(other.Applications);

    public override int GetHashCode() => HashCode.Combine(Id, Number, Amount, Unapplied, Status, Applications.Count);

    public override string ToString() =>
        $"{Number} (id {Id}): {Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}, unapplied {Unapplied.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {Status}"
        + (Applications.Count == 0 ? string.Empty : "; applied to " + string.Join(", ", Applications.Select(a => a.InvoiceNumber + " " + a.AmountApplied.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}

/// <summary>One application the ERP holds for a receipt.</summary>
/// <param name="InvoiceNumber">The transaction number applied to.</param>
/// <param name="AmountApplied">Cash applied.</param>
/// <param name="Discount">Discount granted with it (0 when the ERP says none or does not say).</param>
/// <param name="ApplicationId">The ERP's id of the application, when it gives one.</param>
public sealed record ErpReceiptApplication(string InvoiceNumber, decimal AmountApplied, decimal Discount, string? ApplicationId);
