using System.Globalization;
using System.CommandLine;
using Connector.Adapters.Abstractions;
using Connector.Host.Pipeline;
using Serilog.Events;
using Spectre.Console;

namespace Connector.Host.Cli;

internal static class RunCommands
{
    public static Command Run()
    {
        var once = new Option<bool>("--once") { Description = "Process every inbox once, export, report, and exit" };
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var settle = new Option<int>("--settle") { Description = "Leave files written less than this many seconds ago for the next pass (default 5; 0 with --once)", DefaultValueFactory = _ => -1 };
        var command = new Command("run", "Run the service: watch each entity's inboxes on their schedules, process, export, report. Ctrl+C stops cleanly.") { once, entity, settle };
        command.SetAction((parse, cancellationToken) => CommandSupport.WithApp(
            parse,
            async app =>
            {
                var wait = parse.GetValue(settle);
                var settleTime = TimeSpan.FromSeconds(wait >= 0 ? wait : parse.GetValue(once) ? 0 : 5);
                var entities = app.Entities(parse.GetValue(entity));
                if (parse.GetValue(once))
                {
                    var summaries = new List<RunSummary>();
                    foreach (var runtime in entities)
                    {
                        var runner = app.Runner();
                        var request = new RunRequest("manual", Settle: settleTime);
                        if (!runner.HasWork(runtime, request))
                        {
                            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{runtime.Code}: nothing waits (no file in the inboxes, nothing to resume or export); no run recorded.[/]");
                            continue;
                        }

                        if (CommandSupport.TargetOrSay(app, runtime) is { } target)
                        {
                            summaries.Add(await runner.RunAsync(runtime, target, request, new ConsoleRunObserver(), cancellationToken).ConfigureAwait(false));
                        }
                    }

                    ConsoleView.Summary(summaries);
                    return CommandSupport.Ok;
                }

                await new ScheduledService(app, entities, settleTime).RunAsync(cancellationToken).ConfigureAwait(false);
                return CommandSupport.Ok;
            },
            parse.GetValue(once) ? LogEventLevel.Warning : LogEventLevel.Information));
        return command;
    }

    public static Command Demo()
    {
        var command = new Command("demo", "Copy the sample entities' sample files into their inboxes, run every entity once, and show what happened.");
        command.SetAction((parse, cancellationToken) => CommandSupport.WithApp(parse, async app =>
        {
            var seeded = SampleSeeder.Seed(app.Entities(), app.Paths);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Copied {seeded} sample files into the inboxes under {app.Paths.DataDirectory}.[/]");
            var summaries = new List<RunSummary>();
            foreach (var runtime in app.Entities())
            {
                IInvoiceTarget target;
                try
                {
                    target = app.TargetFor(runtime);
                }
                catch (TargetSetupException e)
                {
                    // A sample entity whose ERP is not here (FR02 posts into Tryton through a plugin): said, not an error.
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{runtime.Code} ({runtime.Definition.Name}) posts into '{runtime.Definition.Target.Type}', which is not available here, so the demo leaves it out: {e.Message} See docs/plugins.md to install the plugin and point it at a server.[/]");
                    continue;
                }

                summaries.Add(await app.Runner().RunAsync(runtime, target, new RunRequest("demo"), new ConsoleRunObserver(), cancellationToken).ConfigureAwait(false));
            }

            ConsoleView.Summary(summaries);
            AnsiConsole.MarkupLine("Next: [bold]connector exceptions list[/] to see what needs a person, [bold]connector report RUN[/] for a report.");
            return CommandSupport.Ok;
        }));
        return command;
    }

    public static Command Import()
    {
        var entity = new Option<string?>("--entity") { Description = "The entity the files belong to (default, for e-invoices only: the entity their seller's VAT id, legal id or electronic address names)" };
        var profile = new Option<string?>("--profile") { Description = "The mapping profile to read them with (default: by the entity's source patterns)" };
        var files = new Argument<string[]>("files") { Description = "Files to import now", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import files now: store, read, validate, export and report, with a progress bar.") { entity, profile, files };
        command.SetAction((parse, cancellationToken) => CommandSupport.WithApp(parse, async app =>
        {
            var paths = parse.GetValue(files)!;
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No such file: {string.Join(", ", missing)}[/]");
                return CommandSupport.Failed;
            }

            var code = parse.GetValue(entity);
            var routing = code is not null ? new ImportRouting([(code, paths)], []) : ImportRouting.BySeller(app, paths);
            foreach (var (file, why) in routing.Unrouted)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{file}[/]: not imported: {why}");
            }

            var summaries = new List<RunSummary>();
            foreach (var (entityCode, group) in routing.Groups)
            {
                var runtime = app.Entity(entityCode);
                var request = new RunRequest("import", group, parse.GetValue(profile), Actor: Environment.UserName);
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var observer = new ProgressRunObserver(context);
                        summaries.Add(await app.Runner().RunAsync(runtime, app.TargetFor(runtime), request, observer, cancellationToken).ConfigureAwait(false));
                    }).ConfigureAwait(false);
            }

            if (summaries.Count > 0)
            {
                ConsoleView.Summary(summaries);
            }

            return routing.Unrouted.Count > 0 ? CommandSupport.Failed : CommandSupport.Ok;
        }));
        return command;
    }

    public static Command Check()
    {
        var command = new Command("check", "Load every entity, profile and customer master; list every problem; change nothing.");
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var table = new Table().AddColumns("Entity", "Name", "Target", "Profiles", "Customers", "Master data problems");
            foreach (var definition in app.Catalog.Entities)
            {
                var runtime = app.DetachedEntity(definition.Code);
                table.AddRow(
                    Markup.Escape(definition.Code),
                    Markup.Escape(definition.Name),
                    Markup.Escape(definition.Target.Type),
                    Markup.Escape(string.Join(", ", runtime.Profiles.Select(p => p.Name))),
                    runtime.Matcher.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    runtime.MasterDataProblems.Count == 0 ? "[green]none[/]" : Markup.Escape(string.Join("\n", runtime.MasterDataProblems.Select(p => p.ToString()))));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("[green]Mappings are valid.[/]");
            return CommandSupport.Ok;
        }));
        return command;
    }
}
