using System.CommandLine;
using System.Globalization;
using Connector.Host.Reports;
using Connector.Host.Store;
using Spectre.Console;

namespace Connector.Host.Cli;

internal static class ReportCommands
{
    public static Command Report()
    {
        var run = new Argument<long>("run") { Description = "Run id (see: connector runs)" };
        var format = new Option<string>("--format") { Description = "text, html, csv or xlsx", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output") { Description = "Write to this file (html, csv, xlsx); default: the console for text and csv, data/reports for the others" };
        var command = new Command("report", "The reconciliation report of a run: source control totals against exported, excepted, skipped and pending, per currency.") { run, format, output };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var info = app.Store.GetRun(parse.GetValue(run)) ?? throw new ArgumentException($"There is no run {parse.GetValue(run)}.");
            var name = app.Catalog.Entities.FirstOrDefault(e => e.Code == info.Entity)?.Name ?? info.Entity;
            var report = ReportBuilder.Build(app.Store, info.Id, name, app.Paths);
            var target = parse.GetValue(output);
            switch (parse.GetValue(format)?.ToLowerInvariant())
            {
                case "text":
                    Print(report);
                    break;
                case "csv" when target is null:
                    ReportCsvWriter.Write(report, Console.Out);
                    break;
                case "csv":
                    using (var writer = new StreamWriter(target))
                    {
                        ReportCsvWriter.Write(report, writer);
                    }

                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Written {target}");
                    break;
                case "html":
                    target ??= Path.Combine(app.Paths.ReportsDirectory, info.Entity, $"run-{info.Id}.html");
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                    File.WriteAllText(target, ReportHtmlRenderer.Render(report));
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Written {target}");
                    break;
                case "xlsx":
                    target ??= Path.Combine(app.Paths.ReportsDirectory, info.Entity, $"run-{info.Id}.xlsx");
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                    using (var stream = File.Create(target))
                    {
                        ReportXlsxWriter.Write(report, stream);
                    }

                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Written {target}");
                    break;
                default:
                    throw new ArgumentException("--format is text, html, csv or xlsx.");
            }

            return report.Balanced ? CommandSupport.Ok : CommandSupport.Failed;
        }));
        return command;
    }

    public static Command Runs()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 30, Description = "At most this many, newest first" };
        var command = new Command("runs", "List runs, newest first.") { entity, limit };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var table = new Table().AddColumns("Run", "Entity", "Trigger", "Started (UTC)", "Finished (UTC)", "Status");
            foreach (var r in app.Store.ListRuns(parse.GetValue(entity), parse.GetValue(limit)))
            {
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Entity), Markup.Escape(r.Trigger), r.StartedAt.ToString("u", CultureInfo.InvariantCulture), r.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty, Markup.Escape(r.Status));
            }

            AnsiConsole.Write(table);
            return CommandSupport.Ok;
        }));
        return command;
    }

    public static Command Documents()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var status = new Option<string?>("--status") { Description = "Only this status: Received, Processed, ProcessedWithErrors, Failed, Duplicate" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100, Description = "At most this many, newest first" };
        var command = new Command("documents", "Received documents with their status and problems, newest first (find the failed ones here).") { entity, status, limit };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            DocumentStatus? wanted = parse.GetValue(status) is { } text
                ? Enum.TryParse<DocumentStatus>(text, ignoreCase: true, out var parsed) ? parsed : throw new ArgumentException($"--status is one of {string.Join(", ", Enum.GetNames<DocumentStatus>())}.")
                : null;
            var table = new Table().AddColumns("Id", "Entity", "Run", "Received (UTC)", "Name", "Status", "Records", "Problems", "Archive");
            foreach (var d in app.Store.ListDocuments(parse.GetValue(entity), wanted, parse.GetValue(limit)))
            {
                var problems = d.Problems.Count == 0 ? string.Empty : $"{d.Problems.Count}: {d.Problems[0]}";
                table.AddRow(
                    d.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(d.Entity),
                    d.RunId.ToString(CultureInfo.InvariantCulture),
                    d.ReceivedAt.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(d.OriginalName),
                    d.Status == DocumentStatus.Failed ? "[red]Failed[/]" : Markup.Escape(d.Status.ToString()),
                    d.RecordCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(problems),
                    Markup.Escape(d.ArchivePath));
            }

            AnsiConsole.Write(table);
            return CommandSupport.Ok;
        }));
        return command;
    }

    public static Command Audit()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100, Description = "At most this many, newest first" };
        var command = new Command("audit", "The audit trail: who did what, newest first.") { entity, limit };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var table = new Table().AddColumns("At (UTC)", "Actor", "Action", "Entity", "Subject", "Details");
            foreach (var a in app.Store.AuditTrail(parse.GetValue(entity), parse.GetValue(limit)))
            {
                table.AddRow(a.At.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(a.Actor), Markup.Escape(a.Action), Markup.Escape(a.Entity ?? string.Empty), Markup.Escape(a.Subject ?? string.Empty), Markup.Escape(a.Details ?? string.Empty));
            }

            AnsiConsole.Write(table);
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static void Print(ReconciliationReport report)
    {
        AnsiConsole.Write(new Rule(Markup.Escape($"Run {report.RunId} of {report.EntityCode} {report.EntityName} ({report.Trigger}), {report.StartedAt:u}")).LeftJustified());
        var totals = new Table().AddColumns("Currency", "Source", "Exported", "Exceptions", "Skipped", "Pending", "Difference");
        foreach (var t in report.Totals)
        {
            totals.AddRow(
                Markup.Escape(t.Currency),
                Cell(t.Source),
                Cell(t.Exported),
                Cell(t.Excepted),
                Cell(t.Skipped),
                Cell(t.Pending),
                t.Balanced ? "[green]0[/]" : $"[red bold]{Markup.Escape(Cell(t.Difference))}[/]");
        }

        AnsiConsole.Write(totals);
        AnsiConsole.MarkupLine(report.Balanced ? "[green bold]Balanced: source = exported + exceptions + skipped + pending.[/]" : "[red bold]NOT BALANCED: records are missing. See the difference above.[/]");
        foreach (var d in report.Documents)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {d.Name}: {d.Status}, {d.Records} records");
            foreach (var p in d.Problems)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"      [red]{p}[/]");
            }
        }

        foreach (var e in report.ExceptionsByCode)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  exception {e.Code}: {e.Count}");
        }

        foreach (var p in report.Packages)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  package {p}");
        }
    }

    private static string Cell(AmountCount value) => ConsoleView.Cell(value);
}
