using static Connector.Host.Reports.XlsxSheetBuilder;

namespace Connector.Host.Reports;

/// <summary>The Payments sheet of the XLSX report: payments by state, what they came to, and those that wait for a person.</summary>
internal static class ReportXlsxPayments
{
    public static XlsxSheetBuilder Sheet(PaymentReport payments)
    {
        var sheet = new XlsxSheetBuilder();
        sheet.Row().Text("Payments", Styles.Bold).Text("Count", Styles.Bold).Text("Amount", Styles.Bold);
        foreach (var state in payments.ByState)
        {
            sheet.Row().Text(ReportHtmlPayments.Label(state.State)).Number(state.Count).Number(state.Amount);
        }

        var t = payments.Totals;
        sheet.Blank();
        sheet.Row().Text("Amounts", Styles.Bold);
        sheet.Row().Text("Received").Number(t.Credits).Number(t.AmountReceived);
        sheet.Row().Text("Applied").Empty().Number(t.AmountApplied);
        sheet.Row().Text("Discounts").Empty().Number(t.Discounts);
        foreach (var (reason, amount) in t.DeductionsByReason.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            sheet.Row().Text("Deduction " + reason).Empty().Number(amount);
        }

        sheet.Row().Text("On account").Empty().Number(t.OnAccount);
        sheet.Row().Text("Unapplied").Empty().Number(t.UnappliedAmount);
        sheet.Row().Text("Applied automatically").Text(ReportHtmlPayments.Rates(t));

        if (payments.Waiting.Count > 0)
        {
            sheet.Blank();
            sheet.Row().Text("Payment", Styles.Bold).Text("Document", Styles.Bold).Text("Payer", Styles.Bold).Text("Currency", Styles.Bold)
                .Text("Amount", Styles.Bold).Text("Unapplied", Styles.Bold).Text("State", Styles.Bold).Text("Why", Styles.Bold);
            foreach (var p in payments.Waiting)
            {
                sheet.Row().Text(p.Payment).Text(p.Document).Text(p.Payer).Text(p.Currency).Number(p.Amount).Number(p.Unapplied)
                    .Text(ReportHtmlPayments.Label(p.State)).Text(p.Reason);
            }
        }

        return sheet;
    }
}
