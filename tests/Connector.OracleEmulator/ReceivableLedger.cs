using System.Globalization;

namespace Connector.OracleEmulator;

/// <summary>An application of a standard receipt to an invoice's installment, as the emulator keeps it.</summary>
public sealed record EmulatedApplication(
    long ApplicationId,
    long StandardReceiptId,
    long CustomerTransactionId,
    long InstallmentId,
    string TransactionNumber,
    decimal AmountApplied,
    DateOnly ApplicationDate);

/// <summary>
/// The emulator's receipt applications and the balances they leave: an invoice's balance due is its lines' total less
/// what receipts applied to it; a receipt's unapplied amount is its amount less its applications. Every invoice has one
/// installment (payment schedule), <see cref="InstallmentId"/> of its CustomerTransactionId. Applying checks the rules
/// and records the application atomically under one lock.
/// </summary>
internal sealed class ReceivableLedger
{
    public const string OverApplicationCode = "AR_CKAP_OVERAPP";
    public const string NegativeUnappliedCode = "AR_RW_APP_NEG_UNAPP";
    public const string CurrencyCode = "AR_RAPI_APPLY_CURR_INVALID";
    public const string InstallmentCode = "AR_RAPI_APPLIED_PS_ID_INVALID";

    private readonly Lock _lock = new();
    private readonly List<EmulatedApplication> _applications = [];
    private long _nextId = 300100160000001;

    /// <summary>The id of an invoice's only installment.</summary>
    public static long InstallmentId(long customerTransactionId) => (customerTransactionId * 10) + 1;

    public IReadOnlyList<EmulatedApplication> Snapshot()
    {
        lock (_lock)
        {
            return [.. _applications];
        }
    }

    public decimal Balance(EmulatedInvoice invoice)
    {
        lock (_lock)
        {
            return invoice.TotalAmount - _applications.Where(a => a.CustomerTransactionId == invoice.CustomerTransactionId).Sum(a => a.AmountApplied);
        }
    }

    public decimal Unapplied(EmulatedReceipt receipt)
    {
        lock (_lock)
        {
            return receipt.Amount - _applications.Where(a => a.StandardReceiptId == receipt.StandardReceiptId).Sum(a => a.AmountApplied);
        }
    }

    /// <summary>
    /// Applies <paramref name="amount"/> (null: the installment's whole balance, at most the receipt's unapplied amount)
    /// of the receipt to the invoice, or refuses as Receivables does: another currency, more than the balance due (or
    /// the other sign), more than the receipt has unapplied.
    /// </summary>
    public (EmulatedApplication? Application, OracleError? Error) Apply(EmulatedReceipt receipt, EmulatedInvoice invoice, decimal? amount, DateOnly date)
    {
        var receiptCurrency = receipt.Attribute("Currency");
        var invoiceCurrency = invoice.Attribute("InvoiceCurrencyCode");
        if (!string.Equals(receiptCurrency, invoiceCurrency, StringComparison.Ordinal))
        {
            return (null, new OracleError(CurrencyCode,
                $"The receipt currency {receiptCurrency} doesn't match the currency {invoiceCurrency} of transaction {invoice.TransactionNumber}.",
                "appliedPaymentScheduleId"));
        }

        lock (_lock)
        {
            var balance = invoice.TotalAmount - _applications.Where(a => a.CustomerTransactionId == invoice.CustomerTransactionId).Sum(a => a.AmountApplied);
            var unapplied = receipt.Amount - _applications.Where(a => a.StandardReceiptId == receipt.StandardReceiptId).Sum(a => a.AmountApplied);
            var applied = amount ?? (balance > 0 ? Math.Min(balance, unapplied) : balance);
            if (applied == 0 || Math.Sign(applied) != Math.Sign(balance) || Math.Abs(applied) > Math.Abs(balance))
            {
                return (null, new OracleError(OverApplicationCode, string.Create(CultureInfo.InvariantCulture,
                    $"You can't apply {applied} to transaction {invoice.TransactionNumber}: its balance due is {balance} and over-application isn't allowed."),
                    "amountApplied"));
            }

            if (applied > unapplied)
            {
                return (null, new OracleError(NegativeUnappliedCode, string.Create(CultureInfo.InvariantCulture,
                    $"The application of {applied} would make the unapplied amount of receipt {receipt.ReceiptNumber} negative (unapplied {unapplied})."),
                    "amountApplied"));
            }

            var application = new EmulatedApplication(_nextId++, receipt.StandardReceiptId, invoice.CustomerTransactionId,
                InstallmentId(invoice.CustomerTransactionId), invoice.TransactionNumber, applied, date);
            _applications.Add(application);
            return (application, null);
        }
    }
}
