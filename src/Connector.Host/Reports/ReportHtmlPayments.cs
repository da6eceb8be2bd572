using System.Globalization;
using System.Text;
using Connector.Host.Store;

namespace Connector.Host.Reports;

/// <summary>The Payments section of the HTML report: outcomes as bars, the amounts, and the payments that wait for a person.</summary>
internal static class ReportHtmlPayments
{
    public static void Append(StringBuilder html, PaymentReport? payments)
    {
        if (payments is null)
        {
            return;
        }

        var t = payments.Totals;
        html.Append("<h2>Payments</h2>\n<div class=\"bars\">\n");
        var max = Math.Max(1, payments.ByState.Max(s => s.Count));
        foreach (var state in payments.ByState)
        {
            var width = Math.Clamp(state.Count * 100m / max, 0m, 100m).ToString("0.#", CultureInfo.InvariantCulture);
            html.Append("<div class=\"bar-row\"><span class=\"bar-label\">").Append(E(Label(state.State)))
                .Append("</span><span class=\"bar-track\"><span class=\"bar\" style=\"display:block;width:").Append(width)
                .Append("%\"></span></span><span class=\"bar-count\">").Append(E(ReportFormat.Count(state.Count)))
                .Append(" (").Append(E(ReportFormat.Amount(state.Amount))).Append(")</span></div>\n");
        }

        html.Append("</div>\n<table>\n<thead><tr><th>Received</th><th>Applied</th><th>Discounts</th><th>Deductions</th><th>On account</th><th>Unapplied</th><th>Applied automatically</th></tr></thead>\n<tbody><tr>");
        foreach (var amount in new[] { t.AmountReceived, t.AmountApplied, t.Discounts, t.Deductions, t.OnAccount, t.UnappliedAmount })
        {
            html.Append("<td class=\"num\">").Append(E(ReportFormat.Amount(amount))).Append("</td>");
        }

        html.Append("<td>").Append(E(Rates(t))).Append("</td></tr></tbody>\n</table>\n");
        if (t.DeductionsByReason.Count > 0)
        {
            html.Append("<p>Deductions by reason: ")
                .Append(E(string.Join(", ", t.DeductionsByReason.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {ReportFormat.Amount(d.Value)}"))))
                .Append("</p>\n");
        }

        if (payments.Waiting.Count == 0)
        {
            return;
        }

        html.Append("<h3>Payments that wait for a person</h3>\n<table class=\"documents\">\n<thead><tr><th>Payment</th><th>Document</th><th>Payer</th><th class=\"num\">Amount</th><th class=\"num\">Unapplied</th><th>State</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var p in payments.Waiting)
        {
            html.Append("<tr><td>").Append(E(p.Payment)).Append("</td><td>").Append(E(p.Document)).Append("</td><td>").Append(E(p.Payer))
                .Append("</td><td class=\"num\">").Append(E($"{p.Currency} {ReportFormat.Amount(p.Amount)}"))
                .Append("</td><td class=\"num\">").Append(E(ReportFormat.Amount(p.Unapplied)))
                .Append("</td><td>").Append(E(Label(p.State))).Append("</td><td>").Append(E(p.Reason)).Append("</td></tr>\n");
            if (p.Images.Count > 0)
            {
                html.Append("<tr class=\"scan\"><td colspan=\"7\">");
                foreach (var image in p.Images)
                {
                    html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png)).Append("\" alt=\"").Append(E(image.Caption))
                        .Append("\"><figcaption>").Append(E(image.Caption)).Append("</figcaption></figure>");
                }

                html.Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>The automatic rates as people read them, e.g. <c>6 of 7 payments (85.7 %), lines 90.0 %</c>.</summary>
    public static string Rates(PaymentTotals t)
        => string.Create(CultureInfo.InvariantCulture, $"{t.FullyApplied} of {t.FullyApplied + t.PartlyApplied + t.Unapplied} payments")
           + (t.PaymentRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $" ({rate * 100m:0.0} %)") : string.Empty)
           + (t.LineRate is { } lines ? string.Create(CultureInfo.InvariantCulture, $", lines {lines * 100m:0.0} %") : string.Empty);

    public static string Label(RemittanceState state) => state switch
    {
        RemittanceState.Debit => "Debit (not a payment)",
        RemittanceState.Duplicate => "Duplicate (received before)",
        RemittanceState.Unapplied => "Unapplied (operator)",
        RemittanceState.PartlyApplied => "Partly applied (operator)",
        RemittanceState.Applied => "Applied, to post",
        RemittanceState.Posting => "Posting",
        RemittanceState.Confirmed => "Receipt in the ERP",
        RemittanceState.Refused => "Refused by the ERP",
        RemittanceState.NoTarget => "Applied, target takes no receipts",
        RemittanceState.Advice => "Remittance advice, waits for its money",
        RemittanceState.AdviceUsed => "Remittance advice, used",
        RemittanceState.Skipped => "Skipped by an operator",
        _ => state.ToString(),
    };

    private static string E(string? value) => ReportHtmlRenderer.E(value);
}
