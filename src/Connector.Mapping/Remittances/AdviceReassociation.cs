using System.Globalization;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;

namespace Connector.Mapping.Remittances;

/// <summary>A remittance advice found for a bank credit, and why it is that one.</summary>
internal sealed record AdviceMatch(int AdviceIndex, string Reason);

/// <summary>
/// Re-associates remittance advices (the payer's list of what it pays, arriving apart from the money: an X12 820 with
/// BPR01 = I, a remittance spreadsheet) with the bank credits that carry the money, so that cash application uses the
/// advice's invoice lines for the credit. In this order, and only when exactly one advice fits: the same reference
/// (the advice's trace or payment number as the credit's payment number, end-to-end id or bank reference); else the
/// same payer (resolved to one customer account), the same amount and currency, dated within a window of the credit.
/// Two advices that fit equally are not chosen between: the credit is applied on its own.
/// </summary>
internal static class AdviceReassociation
{
    public static AdviceMatch? Find(Remittance credit, IReadOnlyList<Remittance> advices, Func<PayerReference, string?> payerAccount, int windowDays = 7)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(advices);
        ArgumentNullException.ThrowIfNull(payerAccount);
        if (credit.Direction != EntryDirection.Credit || credit.AdviceOnly)
        {
            return null;
        }

        var references = new[] { credit.PaymentNumber, credit.BankReference }.Select(Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byReference = Indexes(advices, a => Key(a.PaymentNumber) is { } key && references.Contains(key) && SameMoney(credit, a)).ToList();
        if (byReference.Count == 1)
        {
            return new AdviceMatch(byReference[0], string.Create(CultureInfo.InvariantCulture, $"advice {advices[byReference[0]].PaymentNumber} has the credit's reference and amount {credit.Amount:0.00}"));
        }

        if (byReference.Count > 1)
        {
            return null;
        }

        var payer = payerAccount(credit.Payer);
        if (payer is null)
        {
            return null;
        }

        var date = credit.BookingDate ?? credit.ValueDate ?? credit.PaymentDate;
        var byPayer = Indexes(advices, a => SameMoney(credit, a)
            && string.Equals(payerAccount(a.Payer), payer, StringComparison.OrdinalIgnoreCase)
            && Within(date, a.PaymentDate ?? a.BookingDate, windowDays)).ToList();
        return byPayer.Count == 1
            ? new AdviceMatch(byPayer[0], string.Create(CultureInfo.InvariantCulture, $"advice {advices[byPayer[0]].PaymentNumber} is from the same customer {payer} for the same {credit.Amount:0.00} {credit.Currency} within {windowDays} days"))
            : null;
    }

    /// <summary>The credit with the advice's applications and what it adds about the payer; the money stays the credit's.</summary>
    public static Remittance Merge(Remittance credit, Remittance advice, string reason)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(advice);
        var payer = credit.Payer with
        {
            CustomerAccount = credit.Payer.CustomerAccount ?? advice.Payer.CustomerAccount,
            Name = credit.Payer.Name ?? advice.Payer.Name,
            TaxId = credit.Payer.TaxId ?? advice.Payer.TaxId,
        };
        var text = string.Join(" | ", new[] { credit.FreeText, advice.FreeText, $"remittance advice {advice.PaymentNumber} ({advice.Source}): {reason}" }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return credit with { Payer = payer, Lines = advice.Lines, FreeText = text };
    }

    private static IEnumerable<int> Indexes(IReadOnlyList<Remittance> advices, Func<Remittance, bool> fits)
        => Enumerable.Range(0, advices.Count).Where(i => advices[i].AdviceOnly && fits(advices[i]));

    private static bool SameMoney(Remittance credit, Remittance advice)
        => advice.Amount == credit.Amount
           && (advice.Currency is null || credit.Currency is null || string.Equals(advice.Currency, credit.Currency, StringComparison.OrdinalIgnoreCase));

    private static bool Within(DateOnly? a, DateOnly? b, int days)
        => a is null || b is null || Math.Abs(a.Value.DayNumber - b.Value.DayNumber) <= days;

    private static string? Key(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var cleaned = TaxIdNormalizer.Clean(reference);
        return cleaned.Length == 0 ? null : cleaned;
    }
}
