using System.Globalization;

namespace Connector.Host.Reports;

/// <summary>
/// Writes a <see cref="ReconciliationReport"/> as one tidy CSV a spreadsheet reads:
/// <c>section,key,currency,count,amount,status,detail</c>, one fact per row, RFC 4180 quoting, CRLF. Counts and
/// amounts are plain invariant numbers (no thousands separators); every text cell is neutralised against formula
/// injection. The caller chooses the encoding of the <see cref="TextWriter"/> (UTF-8 with BOM helps Excel).
/// </summary>
internal static class ReportCsvWriter
{
    public const string Header = "section,key,currency,count,amount,status,detail";

    public static void Write(ReconciliationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write("\r\n");

        Row(writer, "run", "run_id", detail: report.RunId.ToString(CultureInfo.InvariantCulture));
        Row(writer, "run", "entity_code", detail: report.EntityCode);
        Row(writer, "run", "entity_name", detail: report.EntityName);
        Row(writer, "run", "trigger", detail: report.Trigger);
        Row(writer, "run", "started_at", detail: ReportFormat.Timestamp(report.StartedAt));
        Row(writer, "run", "finished_at", detail: report.FinishedAt is { } finished ? ReportFormat.Timestamp(finished) : string.Empty);
        Row(writer, "run", "balanced", status: Status(report.Balanced));

        foreach (var totals in report.Totals)
        {
            Totals(writer, totals, "source", totals.Source);
            Totals(writer, totals, "exported", totals.Exported);
            Totals(writer, totals, "excepted", totals.Excepted);
            Totals(writer, totals, "skipped", totals.Skipped);
            Totals(writer, totals, "pending", totals.Pending);
            Totals(writer, totals, "difference", totals.Difference, Status(totals.Balanced));
        }

        var counts = report.Counts;
        Row(writer, "records", "read", count: counts.Read);
        Row(writer, "records", "exported", count: counts.Exported);
        Row(writer, "records", "confirmed", count: counts.Confirmed);
        Row(writer, "records", "excepted", count: counts.Excepted);
        Row(writer, "records", "skipped", count: counts.Skipped);
        Row(writer, "records", "pending", count: counts.Pending);
        foreach (var carried in report.ExportedFromEarlierRuns)
        {
            Row(writer, "exported_from_earlier_runs", "exported", carried.Currency, carried.Exported.Count, carried.Exported.Amount);
        }

        foreach (var exception in report.ExceptionsByCode)
        {
            Row(writer, "exceptions", exception.Code, count: exception.Count);
        }

        foreach (var record in report.SetAside)
        {
            Row(writer, "set_aside", record.Number, record.Currency, count: 1, amount: record.Amount, status: record.Code, detail: $"{record.Document}{(record.Line is { } line ? $" line {line.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}: {record.Message}");
        }

        foreach (var document in report.Documents)
        {
            Row(writer, "documents", document.Name, count: document.Records, status: document.Status, detail: document.Sha256);
            foreach (var problem in document.Problems)
            {
                Row(writer, "document_problems", document.Name, detail: problem);
            }
        }

        foreach (var package in report.Packages)
        {
            Row(writer, "packages", package);
        }

        if (report.Payments is { } payments)
        {
            WritePayments(writer, payments);
        }
    }

    /// <summary>Payments by state (count, amount), what they came to, and those that wait for a person.</summary>
    private static void WritePayments(TextWriter writer, PaymentReport payments)
    {
        foreach (var state in payments.ByState)
        {
            Row(writer, "payments", state.State.ToString(), count: state.Count, amount: state.Amount);
        }

        var t = payments.Totals;
        Row(writer, "payment_totals", "received", count: t.Credits, amount: t.AmountReceived);
        Row(writer, "payment_totals", "applied", amount: t.AmountApplied);
        Row(writer, "payment_totals", "discounts", amount: t.Discounts);
        foreach (var (reason, amount) in t.DeductionsByReason.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Row(writer, "payment_totals", "deduction", amount: amount, detail: reason);
        }

        Row(writer, "payment_totals", "on_account", amount: t.OnAccount);
        Row(writer, "payment_totals", "unapplied", amount: t.UnappliedAmount);
        Row(writer, "payment_totals", "fully_applied", count: t.FullyApplied);
        Row(writer, "payment_totals", "partly_applied", count: t.PartlyApplied);
        Row(writer, "payment_totals", "not_applied", count: t.Unapplied);
        Row(writer, "payment_totals", "payment_rate", detail: t.PaymentRate?.ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty);
        Row(writer, "payment_totals", "line_rate", detail: t.LineRate?.ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty);
        foreach (var p in payments.Waiting)
        {
            Row(writer, "payments_waiting", p.Payment, p.Currency, 1, p.Amount, p.State.ToString(), $"{p.Document}: {p.Payer}: {p.Reason}");
        }
    }

    /// <summary>One RFC 4180 field: quoted when it holds a delimiter, quote or line break, or starts or ends with a space.</summary>
    internal static string Field(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static string Status(bool balanced) => balanced ? "balanced" : "NOT BALANCED";

    private static void Totals(TextWriter writer, CurrencyTotals totals, string key, AmountCount value, string? status = null)
        => Row(writer, "totals", key, totals.Currency, value.Count, value.Amount, status);

    private static void Row(TextWriter writer, string section, string key, string? currency = null, int? count = null,
        decimal? amount = null, string? status = null, string? detail = null)
    {
        writer.Write(Text(section));
        writer.Write(',');
        writer.Write(Text(key));
        writer.Write(',');
        writer.Write(Text(currency));
        writer.Write(',');
        writer.Write(count is { } c ? ReportFormat.PlainCount(c) : string.Empty);
        writer.Write(',');
        writer.Write(amount is { } a ? ReportFormat.PlainAmount(a) : string.Empty);
        writer.Write(',');
        writer.Write(Text(status));
        writer.Write(',');
        writer.Write(Text(detail));
        writer.Write("\r\n");
    }

    private static string Text(string? value) => Field(SpreadsheetText.Neutralise(value));
}
