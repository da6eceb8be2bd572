using System.Globalization;
using System.Net;
using System.Text;

namespace Connector.Host.Reports;

/// <summary>
/// Renders a <see cref="ReconciliationReport"/> as one self-contained HTML page: inline CSS, no script, no external
/// resource, every value HTML-encoded.
/// </summary>
internal static class ReportHtmlRenderer
{
    public static string Render(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(16 * 1024);
        var title = $"Reconciliation {report.EntityCode} run {report.RunId.ToString(CultureInfo.InvariantCulture)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(ReportHtmlStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        AppendHeader(html, report);
        AppendBanner(html, report);
        AppendTotals(html, report);
        AppendCounts(html, report.Counts);
        AppendExceptions(html, report.ExceptionsByCode);
        AppendSetAside(html, report.SetAside);
        ReportHtmlPayments.Append(html, report.Payments);
        AppendDocuments(html, report.Documents);
        AppendCarried(html, report.ExportedFromEarlierRuns);
        AppendPackages(html, report.Packages);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, ReconciliationReport report)
    {
        html.Append("<header>\n<h1>Reconciliation report</h1>\n<p class=\"entity\">")
            .Append(E(report.EntityCode)).Append(" &middot; ").Append(E(report.EntityName)).Append("</p>\n<dl class=\"facts\">\n");
        Fact(html, "Run", report.RunId.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Trigger", report.Trigger);
        Fact(html, "Started", ReportFormat.ReadableTimestamp(report.StartedAt));
        Fact(html, "Finished", report.FinishedAt is { } finished ? ReportFormat.ReadableTimestamp(finished) : "not finished");
        if (report.FinishedAt is { } end)
        {
            Fact(html, "Duration", ReportFormat.Duration(end - report.StartedAt));
        }

        html.Append("</dl>\n</header>\n");
    }

    private static void AppendBanner(StringBuilder html, ReconciliationReport report)
    {
        if (report.Balanced)
        {
            var currencies = report.Totals.Count == 0 ? "nothing to reconcile" : string.Join(", ", report.Totals.Select(t => t.Currency));
            html.Append("<section class=\"banner ok\" role=\"status\">&#10004; Balanced <small>(")
                .Append(E(currencies)).Append(")</small></section>\n");
            return;
        }

        html.Append("<section class=\"banner bad\" role=\"alert\">&#10008; The run does not reconcile\n<ul>\n");
        foreach (var totals in report.Totals.Where(t => !t.Balanced))
        {
            var difference = totals.Difference;
            html.Append("<li>NOT BALANCED: difference ").Append(E(ReportFormat.Amount(difference.Amount))).Append(' ')
                .Append(E(totals.Currency)).Append(", ").Append(E(ReportFormat.Count(difference.Count))).Append(" record(s)</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendTotals(StringBuilder html, ReconciliationReport report)
    {
        html.Append("<h2>Control totals</h2>\n");
        if (report.Totals.Count == 0)
        {
            html.Append("<p class=\"none\">No records were read.</p>\n");
            return;
        }

        html.Append("<div class=\"cards\">\n");
        foreach (var totals in report.Totals)
        {
            html.Append("<div class=\"card").Append(totals.Balanced ? string.Empty : " bad").Append("\">\n<h3>").Append(E(totals.Currency))
                .Append("</h3>\n<table>\n<thead><tr><th></th><th class=\"num\">Records</th><th class=\"num\">Amount</th></tr></thead>\n<tbody>\n");
            TotalsRow(html, "Source", totals.Source, "total");
            TotalsRow(html, "Exported", totals.Exported, null);
            TotalsRow(html, "Excepted", totals.Excepted, null);
            TotalsRow(html, "Skipped", totals.Skipped, null);
            TotalsRow(html, "Pending", totals.Pending, null);
            TotalsRow(html, "Difference", totals.Difference, totals.Balanced ? "diff ok" : "diff bad");
            html.Append("</tbody>\n</table>\n<p class=\"equation\">Source = Exported + Excepted + Skipped + Pending</p>\n</div>\n");
        }

        html.Append("</div>\n");
    }

    private static void AppendCounts(StringBuilder html, RecordCounts counts)
    {
        html.Append("<h2>Records</h2>\n<table>\n<thead><tr><th>Read</th><th>Exported</th><th>of which confirmed by the ERP</th><th>Excepted</th><th>Skipped</th><th>Pending</th></tr></thead>\n<tbody><tr>");
        foreach (var value in new[] { counts.Read, counts.Exported, counts.Confirmed, counts.Excepted, counts.Skipped, counts.Pending })
        {
            html.Append("<td>").Append(E(ReportFormat.Count(value))).Append("</td>");
        }

        html.Append("</tr></tbody>\n</table>\n");
        if (counts.Unaccounted != 0)
        {
            html.Append("<p class=\"warn\">").Append(E(ReportFormat.Count(counts.Unaccounted)))
                .Append(" record(s) read are neither exported, excepted, skipped nor pending.</p>\n");
        }
    }

    private static void AppendSetAside(StringBuilder html, IReadOnlyList<ReportSetAside> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        html.Append("<h2>Records set aside</h2>\n<table class=\"documents\">\n<thead><tr><th>Invoice</th><th>Document</th><th class=\"num\">Amount</th><th>Code</th><th>What is wrong</th><th>Exception</th></tr></thead>\n<tbody>\n");
        foreach (var r in records)
        {
            var where = r.Line is { } line ? $"{r.Document}, line {line.ToString(CultureInfo.InvariantCulture)}" : r.Document;
            html.Append("<tr><td>").Append(E(r.Number)).Append("</td><td>").Append(E(where))
                .Append("</td><td class=\"num\">").Append(E($"{r.Currency} {ReportFormat.Amount(r.Amount)}"))
                .Append("</td><td><code>").Append(E(r.Code)).Append("</code></td><td>").Append(E(r.Message))
                .Append("</td><td>").Append(E(r.ExceptionId is { } id ? $"connector exceptions show {id.ToString(CultureInfo.InvariantCulture)}" : string.Empty))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendExceptions(StringBuilder html, IReadOnlyList<ExceptionCount> exceptions)
    {
        html.Append("<h2>Exceptions by code</h2>\n");
        if (exceptions.Count == 0)
        {
            html.Append("<p class=\"none\">No exceptions.</p>\n");
            return;
        }

        var max = Math.Max(1, exceptions.Max(e => e.Count));
        html.Append("<div class=\"bars\">\n");
        foreach (var exception in exceptions.OrderByDescending(e => e.Count).ThenBy(e => e.Code, StringComparer.Ordinal))
        {
            var width = Math.Clamp(exception.Count * 100m / max, 0m, 100m).ToString("0.#", CultureInfo.InvariantCulture);
            html.Append("<div class=\"bar-row\"><span class=\"bar-label\">").Append(E(exception.Code))
                .Append("</span><span class=\"bar-track\"><span class=\"bar\" style=\"display:block;width:").Append(width)
                .Append("%\"></span></span><span class=\"bar-count\">").Append(E(ReportFormat.Count(exception.Count))).Append("</span></div>\n");
        }

        html.Append("</div>\n");
    }

    private static void AppendDocuments(StringBuilder html, IReadOnlyList<ReportDocument> documents)
    {
        html.Append("<h2>Documents</h2>\n");
        if (documents.Count == 0)
        {
            html.Append("<p class=\"none\">No documents.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Document</th><th>Status</th><th class=\"num\">Records</th><th>Problems</th></tr></thead>\n<tbody>\n");
        foreach (var document in documents)
        {
            var failed = document.Status.Equals("Failed", StringComparison.OrdinalIgnoreCase);
            html.Append("<tr><td>").Append(E(document.Name)).Append("<div class=\"sha\">SHA-256 ").Append(E(document.Sha256)).Append("</div></td><td")
                .Append(failed ? " class=\"status-bad\"" : string.Empty).Append('>').Append(E(document.Status)).Append("</td><td class=\"num\">")
                .Append(E(ReportFormat.Count(document.Records))).Append("</td><td>");
            if (document.Problems.Count == 0)
            {
                html.Append("<span class=\"none\">none</span>");
            }
            else
            {
                html.Append("<ul class=\"problems\">");
                foreach (var problem in document.Problems)
                {
                    html.Append("<li>").Append(E(problem)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendCarried(StringBuilder html, IReadOnlyList<CarriedTotal> carried)
    {
        if (carried.Count == 0)
        {
            return;
        }

        html.Append("<h2>Also exported: records read in earlier runs</h2>\n<p>Fixed by an operator or held back by the target before; they reconcile in the report of the run that read them.</p>\n<ul class=\"packages\">\n");
        foreach (var c in carried)
        {
            html.Append("<li>").Append(E($"{c.Currency}: {ReportFormat.Count(c.Exported.Count)} record(s), {ReportFormat.Amount(c.Exported.Amount)}")).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendPackages(StringBuilder html, IReadOnlyList<string> packages)
    {
        html.Append("<h2>Packages and imports</h2>\n");
        if (packages.Count == 0)
        {
            html.Append("<p class=\"none\">No package was written and no import started.</p>\n");
            return;
        }

        html.Append("<ul class=\"packages\">\n");
        foreach (var package in packages)
        {
            html.Append("<li>").Append(E(package)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Fact(StringBuilder html, string label, string value)
        => html.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>\n");

    private static void TotalsRow(StringBuilder html, string label, AmountCount value, string? cssClass)
    {
        html.Append(cssClass is null ? "<tr>" : $"<tr class=\"{cssClass}\">").Append("<td>").Append(E(label)).Append("</td><td class=\"num\">")
            .Append(E(ReportFormat.Count(value.Count))).Append("</td><td class=\"num\">").Append(E(ReportFormat.Amount(value.Amount))).Append("</td></tr>\n");
    }

    internal static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
