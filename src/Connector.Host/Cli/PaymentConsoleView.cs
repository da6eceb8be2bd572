using System.Globalization;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>The payments of runs on the console: a bar chart of their outcomes and a line of amounts per entity.</summary>
internal static class PaymentConsoleView
{
    public static void Write(IReadOnlyList<RunSummary> summaries)
    {
        var withPayments = summaries.Where(s => s.Report.Payments is not null).ToList();
        foreach (var summary in summaries.Where(s => s.Receipts is { End: ExportEnd.TargetUnavailable or ExportEnd.TargetUnusable }))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red bold]{summary.Report.EntityCode}: posting receipts stopped:[/] [red]{summary.Receipts!.Detail}[/]; the payments wait for the next run, looked up before they are sent again.");
        }

        if (withPayments.Count == 0)
        {
            return;
        }

        AnsiConsole.WriteLine();
        var chart = new BarChart().Label("[bold]Payments by outcome[/]").Width(70);
        foreach (var summary in withPayments)
        {
            foreach (var state in summary.Report.Payments!.ByState)
            {
                chart.AddItem($"{summary.Report.EntityCode} {ReportHtmlPayments.Label(state.State)}", state.Count, Colour(state.State));
            }
        }

        AnsiConsole.Write(chart);
        foreach (var summary in withPayments)
        {
            var t = summary.Report.Payments!.Totals;
            var deductions = t.DeductionsByReason.Count == 0 ? string.Empty : " (" + string.Join(", ", t.DeductionsByReason.Select(d => $"{d.Key} {ConsoleView.Amount(d.Value)}")) + ")";
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[bold]{summary.Report.EntityCode}[/] received {ConsoleView.Amount(t.AmountReceived)}, applied {ConsoleView.Amount(t.AmountApplied)}, discounts {ConsoleView.Amount(t.Discounts)}, deductions {ConsoleView.Amount(t.Deductions)}{deductions}, on account {ConsoleView.Amount(t.OnAccount)}, unapplied {ConsoleView.Amount(t.UnappliedAmount)}; applied automatically: {ReportHtmlPayments.Rates(t)}");
        }
    }

    private static Color Colour(RemittanceState state) => state switch
    {
        RemittanceState.Confirmed or RemittanceState.Applied or RemittanceState.Posting => Color.Green,
        RemittanceState.NoTarget => Color.Olive,
        RemittanceState.Unapplied or RemittanceState.PartlyApplied => Color.Yellow,
        RemittanceState.Refused => Color.Red,
        _ => Color.Grey,
    };
}
