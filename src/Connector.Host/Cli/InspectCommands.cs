using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Mapping.Problems;
using Spectre.Console;

namespace Connector.Host.Cli;

internal static class InspectCommands
{
    /// <summary>The JSON of inspect is a documented contract (docs/inspect-json.md): snake_case, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Inspect()
    {
        var entity = new Option<string?>("--entity") { Description = "Read with this entity's profiles (default: try every entity and keep the one that reads it)" };
        var profile = new Option<string?>("--profile") { Description = "Only this profile" };
        var json = new Option<bool>("--json") { Description = "Print the documented JSON instead of tables" };
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files to inspect" };
        var command = new Command("inspect", "Detect the format, read, map, match and validate files; print the canonical records and every problem. Nothing is stored.") { entity, profile, json, files };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var code = parse.GetValue(entity);
            var entities = (code is null ? app.Catalog.Entities.Select(e => e.Code) : [code]).Select(app.DetachedEntity).ToList();
            var results = new List<InspectResult>();
            foreach (var file in parse.GetValue(files)!)
            {
                results.Add(File.Exists(file)
                    ? Inspector.Inspect(entities, file, parse.GetValue(profile))
                    : new InspectResult(file, "unknown", null, null, true, [Problem.Error("FILE_NOT_FOUND", "No such file.", new SourceLocation(file))], [], []));
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { files = results.Select(InspectJson.From).ToList() }, Json));
            }
            else
            {
                results.ForEach(Print);
            }

            return results.Any(r => r.DocumentFailed) ? CommandSupport.Failed : CommandSupport.Ok;
        }));
        return command;
    }

    public static Command Mapping()
    {
        var entity = new Option<string>("--entity") { Required = true, Description = "The entity" };
        var profile = new Option<string>("--profile") { Required = true, Description = "The profile to test" };
        var json = new Option<bool>("--json") { Description = "Print JSON (same shape as inspect)" };
        var file = new Argument<string>("file") { Description = "A sample file" };
        var test = new Command("test", "Dry run of a profile on a sample file: the mapped records as a table and every problem. Nothing is stored.") { entity, profile, json, file };
        test.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var runtime = app.DetachedEntity(parse.GetValue(entity)!);
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No such file: {path}[/]");
                return CommandSupport.Failed;
            }

            var result = Inspector.Read(runtime, runtime.Profile(parse.GetValue(profile)!), path, Inspector.Sniff(path));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(InspectJson.From(result), Json));
            }
            else
            {
                Print(result);
            }

            return result.DocumentFailed ? CommandSupport.Failed : CommandSupport.Ok;
        }));
        return new Command("mapping", "Work on mapping profiles.") { test };
    }

    private static void Print(InspectResult result)
    {
        AnsiConsole.Write(new Rule(Markup.Escape($"{result.File}: {result.Format}, entity {result.Entity ?? "?"}, profile {result.Profile ?? "?"}")).LeftJustified());
        var table = new Table().AddColumns("Line", "Number", "Kind", "Date", "Customer", "Match", "Cur", "Net", "Tax", "Lines", "Outcome", "Problems");
        foreach (var r in result.Records)
        {
            var i = r.Invoice;
            var outcome = Inspector.Outcome(r);
            table.AddRow(
                i.Source.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Markup.Escape(i.Number),
                i.Kind.ToString(),
                i.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "[red]?[/]",
                Markup.Escape(i.Customer.ToString()),
                Markup.Escape(Inspector.MatchText(r.Match)),
                Markup.Escape(i.Currency ?? "?"),
                ConsoleView.Amount(i.NetTotal),
                ConsoleView.Amount(i.TaxTotal),
                i.Lines.Count.ToString(CultureInfo.InvariantCulture),
                outcome == "ready" ? "[green]ready[/]" : outcome == "skipped" ? "[grey]skipped[/]" : "[yellow]exception[/]",
                Markup.Escape(string.Join("\n", r.Problems.Select(p => $"{p.Code}: {p.Message}").Append(r.SkipReason ?? string.Empty).Where(s => s.Length > 0))));
        }

        AnsiConsole.Write(table);
        if (result.EInvoice is { } e)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"e-invoice: {e.Syntax ?? "?"} in {e.Container}{(e.EmbeddedFile is null ? string.Empty : $" ({e.EmbeddedFile})")}, profile {e.Profile ?? "?"}{(e.XmpConformanceLevel is null ? string.Empty : $" (XMP: {e.XmpConformanceLevel})")}; {e.Route ?? "seller not routed"}");
            if (e.Unrouted is { } invoice)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"invoice {invoice.Number} ({invoice.Kind}) of {invoice.IssueDate:yyyy-MM-dd}: {invoice.Currency} {ConsoleView.Amount(invoice.NetTotal)} net, {ConsoleView.Amount(invoice.TaxTotal)} tax, {invoice.Lines.Count} lines; buyer {invoice.Customer}");
                foreach (var problem in e.UnroutedProblems)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [yellow]{problem.Code}[/] {problem.Message}");
                }
            }
        }

        foreach (var problem in result.DocumentProblems)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{problem.Code}[/] {problem.Message} ({problem.Location})");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{result.Records.Count} records: {result.Records.Count(r => r.State == Store.RecordState.Ready)} ready, {result.Records.Count(r => r.State == Store.RecordState.Exception)} exceptions, {result.Records.Count(r => r.State == Store.RecordState.Skipped)} skipped; {result.DocumentProblems.Count} document problems{(result.DocumentFailed ? " (the document could not be read)" : string.Empty)}.");
    }
}
