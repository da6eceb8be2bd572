using System.Globalization;

namespace Connector.Mapping.Model;

/// <summary>
/// The deterministic key a record carries into the ERP so that it is posted once: entity + record type + the
/// source's business number. It never depends on time, file name or row position.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>The short record-type code used in keys and in the Oracle transaction flexfield.</summary>
    public static string TypeCode(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? "CM" : "INV";

    public static string ForInvoice(string entityCode, InvoiceKind kind, string number)
        => string.Create(CultureInfo.InvariantCulture, $"{entityCode}|{TypeCode(kind)}|{number}");

    /// <summary>
    /// The key of a receipt (<c>RCPT</c>; <c>ADVC</c> for a remittance advice, which is no receipt): entity, the account it arrived on, the payment's number (else the bank's reference,
    /// else none), its date, amount and currency, the payer, and its occurrence among payments identical in all of
    /// these within one document (1, 2...). The same payment in an overlapping statement or a file sent twice gets the
    /// same key; two genuine identical payments on one day get occurrences 1 and 2 and both count.
    /// </summary>
    public static string ForReceipt(Remittance remittance, int occurrence)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        var number = Clean(remittance.PaymentNumber) ?? Clean(remittance.BankReference) ?? "-";
        var date = (remittance.BookingDate ?? remittance.PaymentDate ?? remittance.ValueDate)?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "-";
        var payer = Clean(remittance.Payer.BankAccount) ?? Clean(remittance.Payer.CustomerAccount) ?? Clean(remittance.Payer.Name) ?? "-";
        // An advice and the credit it describes carry the same payment data: they must never be taken for duplicates.
        var kind = remittance.AdviceOnly ? "ADVC" : "RCPT";
        return string.Create(CultureInfo.InvariantCulture, $"{remittance.EntityCode}|{kind}|{Clean(remittance.ReceivingAccount) ?? "-"}|{number}|{date}|{remittance.Amount:0.00}|{remittance.Currency ?? "-"}|{payer}|{occurrence}");
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '|').Select(char.ToUpperInvariant)]);
        return cleaned.Length == 0 ? null : cleaned;
    }
}
