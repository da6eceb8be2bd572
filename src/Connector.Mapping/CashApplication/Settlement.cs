using System.Globalization;
using Connector.Mapping.Model;

namespace Connector.Mapping.CashApplication;

/// <summary>How an amount paid settles one item: applied, discount, deduction (with reason), excess for on account.</summary>
internal sealed record Settlement(decimal Applied, decimal Discount, decimal Deduction, string? Reason, decimal Excess, string Note);

/// <summary>What a rule allows when settling: a discount within terms, a short payment within tolerance, an overpayment.</summary>
internal readonly record struct Allowance(bool Discount, bool Short, bool Over)
{
    public static Allowance All => new(true, true, true);

    /// <summary>Only what the amount alone proves: in full, or less exactly the discount the terms allow.</summary>
    public static Allowance Strict => new(true, false, false);

    public static Allowance ExactOnly => new(false, false, false);
}

/// <summary>
/// Decides whether an amount paid closes an item: in full; less the early-payment discount of its terms when paid
/// within the discount days (+ grace), the discount rounded to cents; short by at most the tolerance (the lower of the
/// amount and the percent of the open amount), recorded as a deduction; or more than open (by less than the open amount), the excess on account.
/// </summary>
internal sealed class Settler(OpenItemBook book, Func<int, decimal> available, CashApplicationOptions options, DateOnly? paidOn)
{
    public Settlement? Settle(int index, decimal paid, Allowance allow, RemittanceLine? line, out string why)
    {
        var item = book[index];
        var open = available(index);
        why = string.Empty;
        if (paid == open)
        {
            return new Settlement(paid, 0m, 0m, null, 0m, Text($"{paid:0.00} pays the open {open:0.00} in full"));
        }

        if (open < 0m || paid < 0m)
        {
            why = Text($"{paid:0.00} is not the credit's open {open:0.00}");
            return null;
        }

        if (paid > open)
        {
            if (allow.Over && paid - open < open)
            {
                return new Settlement(open, 0m, 0m, null, paid - open, Text($"{paid:0.00} is {paid - open:0.00} more than the open {open:0.00}: the excess goes on account"));
            }

            why = Text($"{paid:0.00} is more than the open {open:0.00}") + (allow.Over ? ", twice or more: rather another item's payment" : string.Empty);
            return null;
        }

        var diff = open - paid;
        var late = string.Empty;
        if (allow.Discount && Discount(item, open, diff, line) is { } discount)
        {
            var last = item.InvoiceDate!.Value.AddDays(item.DiscountDays!.Value + options.DiscountGraceDays);
            if (paidOn is { } date && date <= last)
            {
                return new Settlement(paid, diff, 0m, null, 0m,
                    Text($"{paid:0.00} is the open {open:0.00} less the {item.DiscountPercent:0.##} % discount {discount:0.00} of terms {item.PaymentTerms ?? "?"}, paid {date:yyyy-MM-dd} within {item.DiscountDays} days of {item.InvoiceDate:yyyy-MM-dd}"));
            }

            late = paidOn is { } d
                ? Text($"; the {discount:0.00} discount was taken {d.DayNumber - last.DayNumber} days after its window closed {last:yyyy-MM-dd}")
                : "; a discount was taken but the payment has no date to check its window";
        }

        var tolerance = Math.Min(options.ShortPaymentTolerance, decimal.Round(open * options.ShortPaymentTolerancePercent / 100m, 2, MidpointRounding.AwayFromZero));
        if (allow.Short && diff <= tolerance)
        {
            var reason = string.IsNullOrWhiteSpace(line?.DeductionReason) ? options.DeductionReason : line.DeductionReason.Trim();
            return new Settlement(paid, 0m, diff, reason, 0m, Text($"{paid:0.00} is short of the open {open:0.00} by {diff:0.00}, within the tolerance {tolerance:0.00}: deduction {reason}{late}"));
        }

        why = Text($"{paid:0.00} is short of the open {open:0.00} by {diff:0.00}") + (allow.Short ? Text($", beyond the tolerance {tolerance:0.00}") : ", and this rule accepts no short payment") + late;
        return null;
    }

    /// <summary>The discount the item's terms allow on what is open, when the payment date is within its window; else 0.</summary>
    public decimal DiscountInWindow(int index)
    {
        var item = book[index];
        if (item.DiscountPercent is not { } percent || percent <= 0m || item.DiscountDays is not { } days || item.InvoiceDate is not { } invoiced
            || paidOn is not { } date || date > invoiced.AddDays(days + options.DiscountGraceDays) || available(index) <= 0m)
        {
            return 0m;
        }

        return decimal.Round(available(index) * percent / 100m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The discount the terms allow, when it is the difference (on the original or the open amount); else the one the line states.</summary>
    private static decimal? Discount(OpenItem item, decimal open, decimal diff, RemittanceLine? line)
    {
        if (item.DiscountPercent is not { } percent || percent <= 0m || item.DiscountDays is null || item.InvoiceDate is null)
        {
            return null;
        }

        var onOriginal = decimal.Round((item.OriginalAmount > 0m ? item.OriginalAmount : open) * percent / 100m, 2, MidpointRounding.AwayFromZero);
        var onOpen = decimal.Round(open * percent / 100m, 2, MidpointRounding.AwayFromZero);
        if (diff == onOriginal || diff == onOpen)
        {
            return diff;
        }

        return line?.DiscountTaken is { } stated && stated == diff && diff <= Math.Max(onOriginal, onOpen) ? diff : null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
