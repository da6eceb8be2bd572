using System.Globalization;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>How runs look on the console: a table per run, charts of outcomes and exception codes.</summary>
internal static class ConsoleView
{
    public static void Summary(IReadOnlyList<RunSummary> summaries)
    {
        if (summaries.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No entity to run.[/]");
            return;
        }

        var table = new Table().Title("Runs").AddColumns("Run", "Entity", "Docs", "Read", "Exported", "Exceptions", "Skipped", "Pending", "Earlier records exported");
        var totals = new Table().Title("Control totals: source = exported + exceptions + skipped + pending").AddColumns("Entity", "Currency", "Source", "Exported", "Exceptions", "Skipped", "Pending", "Check");
        foreach (var summary in summaries)
        {
            var r = summary.Report;
            table.AddRow(
                r.RunId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(r.EntityCode),
                r.Documents.Count.ToString(CultureInfo.InvariantCulture),
                Number(r.Counts.Read),
                r.Counts.Confirmed > 0 ? $"[green]{Number(r.Counts.Exported)}[/] ({Number(r.Counts.Confirmed)} confirmed)" : $"[green]{Number(r.Counts.Exported)}[/]",
                r.Counts.Excepted > 0 ? $"[yellow]{Number(r.Counts.Excepted)}[/]" : "0",
                Number(r.Counts.Skipped),
                Number(r.Counts.Pending),
                Number(r.ExportedFromEarlierRuns.Sum(c => c.Exported.Count)));
            foreach (var t in r.Totals)
            {
                totals.AddRow(
                    Markup.Escape(r.EntityCode),
                    Markup.Escape(t.Currency),
                    Cell(t.Source),
                    Cell(t.Exported),
                    Cell(t.Excepted),
                    Cell(t.Skipped),
                    Cell(t.Pending),
                    t.Balanced ? "[green]balanced[/]" : $"[red bold]OFF BY {Markup.Escape(Cell(t.Difference))}[/]");
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.Write(totals);
        foreach (var summary in summaries.Where(s => s.Export is { End: ExportEnd.TargetUnavailable or ExportEnd.TargetUnusable }))
        {
            var why = summary.Export!.End == ExportEnd.TargetUnusable
                ? "its target cannot be used as configured (check it with: connector targets check " + summary.Report.EntityCode + ")"
                : "its target stayed unavailable; what was not posted waits for the next run, looked up before it is sent again";
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red bold]{summary.Report.EntityCode}: posting stopped: {why}.[/] [red]{summary.Export.Detail}[/]");
        }

        var outcomes = new BarChart().Label("[bold]Records by outcome[/]").Width(70);
        foreach (var summary in summaries)
        {
            var r = summary.Report;
            outcomes.AddItem($"{r.EntityCode} exported", r.Counts.Exported, Color.Green);
            outcomes.AddItem($"{r.EntityCode} exceptions", r.Counts.Excepted, Color.Yellow);
            outcomes.AddItem($"{r.EntityCode} skipped", r.Counts.Skipped, Color.Grey);
        }

        AnsiConsole.Write(outcomes);
        PaymentConsoleView.Write(summaries);
        var codes = summaries.SelectMany(s => s.Report.ExceptionsByCode)
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count)
            .ToList();
        if (codes.Count > 0)
        {
            AnsiConsole.WriteLine();
            var chart = new BarChart().Label("[bold]Exceptions by code[/]").Width(70);
            foreach (var (code, count) in codes)
            {
                chart.AddItem(code, count, Color.Yellow);
            }

            AnsiConsole.Write(chart);
        }

        AnsiConsole.WriteLine();
        foreach (var summary in summaries)
        {
            foreach (var package in summary.Report.Packages)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Posted[/] {package}");
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[blue]Report[/] {summary.HtmlReport}");
        }
    }

    public static string Cell(AmountCount value) => value.Count == 0 && value.Amount == 0 ? "-" : $"{value.Count} / {Amount(value.Amount)}";

    public static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}

/// <summary>Writes one line per document as a run goes.</summary>
internal sealed class ConsoleRunObserver : IRunObserver
{
    private int _lastShown;

    /// <summary>A line every 10 % of a batch of 100 or more, so that a long posting shows it moves.</summary>
    public void Posting(int settled, int total)
    {
        if (total < 100)
        {
            return;
        }

        var step = Math.Max(1, total / 10);
        if (settled == total || settled / step != Interlocked.Exchange(ref _lastShown, settled / step))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]posting: {settled:N0} of {total:N0} in this batch[/]");
        }
    }

    public void DocumentStarted(string name, long size)
    {
    }

    public void BytesRead(long bytes)
    {
    }

    public void Waiting(int files, string why)
        => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{"Waiting",-20}[/] {files} file(s): {why}");

    public void DocumentFinished(string name, DocumentOutcome outcome)
    {
        var colour = outcome.Status switch
        {
            DocumentStatus.Processed => "green",
            DocumentStatus.ProcessedWithErrors => "yellow",
            DocumentStatus.Duplicate => "grey",
            _ => "red",
        };
        var counts = string.Join(", ", outcome.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")
            .Concat(outcome.Payments.OrderBy(c => c.Key).Select(c => $"payments {c.Key} {c.Value}")));
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]{outcome.Status,-20}[/] {name} {counts}");
        foreach (var problem in outcome.Problems.Take(5))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    [red]{problem.Code}[/] {problem.Message} ({problem.Location})");
        }

        if (outcome.Problems.Count > 5)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    ... and {outcome.Problems.Count - 5} more problems");
        }
    }
}

/// <summary>Drives a Spectre progress bar per document from the bytes read.</summary>
internal sealed class ProgressRunObserver(ProgressContext context) : IRunObserver
{
    private ProgressTask? _current;
    private string? _currentName;
    private ProgressTask? _posting;

    public void Posting(int settled, int total)
    {
        _posting ??= context.AddTask("posting", maxValue: total);
        _posting.MaxValue = total;
        _posting.Value = settled;
    }

    public void Waiting(int files, string why)
        => context.AddTask(Markup.Escape($"{files} file(s) waiting: {why}"), maxValue: 1).StopTask();

    public void DocumentStarted(string name, long size)
    {
        _current = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, size));
        _currentName = name;
    }

    public void BytesRead(long bytes)
    {
        if (_current is not null)
        {
            _current.Value = bytes;
        }
    }

    public void DocumentFinished(string name, DocumentOutcome outcome)
    {
        if (_current is not null && _currentName != name)
        {
            // One of several documents read together (scans): a line of its own under the batch's bar.
            _current.Value = _current.MaxValue;
            _current.StopTask();
            context.AddTask(Markup.Escape($"  {name}: {outcome.Status}"), maxValue: 1).Increment(1);
        }
        else if (_current is not null)
        {
            _current.Value = _current.MaxValue;
            _current.Description = Markup.Escape($"{name}: {outcome.Status}");
            _current.StopTask();
        }
    }
}
