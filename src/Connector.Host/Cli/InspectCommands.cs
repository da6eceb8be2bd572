using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
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
            var all = parse.GetValue(files)!;
            var scans = all.Where(f => File.Exists(f) && ScanInspector.IsScan(f, parse.GetValue(profile), entities)).ToList();
            var scanned = scans.Count == 0 ? [] : ScanInspector.Inspect(entities, scans, parse.GetValue(profile), runtime => OpenItems(app, runtime));
            foreach (var file in all)
            {
                var at = scans.IndexOf(file);
                results.Add(at >= 0 ? scanned[at] : File.Exists(file)
                    ? Inspector.Inspect(entities, file, parse.GetValue(profile), runtime => OpenItems(app, runtime))
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

    /// <summary>
    /// The entity's open items for cash application: what its target reads (when the adapter can: Fusion REST, EBS,
    /// Tryton), then the invoices the Connector posted itself that the target did not list. A target that cannot be
    /// reached is said and left out.
    /// </summary>
    private static IReadOnlyList<OpenItem> OpenItems(ConnectorApp app, Pipeline.EntityRuntime runtime)
    {
        var items = new List<OpenItem>();
        try
        {
            if (app.TargetFor(runtime) is Adapters.Abstractions.IOpenItemSource source)
            {
                items.AddRange(source.LoadOpenItemsAsync(runtime.Definition, CancellationToken.None).GetAwaiter().GetResult());
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Standard error: standard output may be the JSON a script reads.
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the open items of {runtime.Code}'s target could not be read ({e.Message}); only the invoices the Connector posted are used."));
        }

        if (File.Exists(app.Paths.StoreFile))
        {
            items.AddRange(RemittanceInspector.PostedByConnector(app.Store, runtime.Code));
        }

        return items;
    }

    private static void Print(InspectResult result)
    {
        if (result.Scan is { } scan)
        {
            AnsiConsole.Write(new Rule(Markup.Escape($"{result.File}: scanned {scan.Format}, {scan.Pages} page(s), {scan.Engine}")).LeftJustified());
            foreach (var payment in scan.Payments)
            {
                var failing = payment.Checks.Where(c => c.Severity == ProblemSeverity.Error).Select(c => c.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var kind = payment.Readings.Cheque is null ? "stub without its cheque" : payment.Readings.Stub is null ? "cheque without stub" : "cheque and stub";
                ScanPaymentCommands.WriteFields(payment.Readings, failing, $"{payment.Document}: {kind}, {(payment.IsClean ? "passes every check" : "waits for an operator")}");
                foreach (var check in payment.Checks)
                {
                    var colour = check.Severity == ProblemSeverity.Error ? "red" : "yellow";
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [{colour}]{check.Code}[/] {check.Field}: {check.Message} [grey](readings: {string.Join(" | ", check.Readings)})[/]");
                }
            }
        }

        if (result.Bank is { } bank)
        {
            PrintBank(result, bank);
            return;
        }

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

    private static void PrintBank(InspectResult result, BankFileSummary bank)
    {
        AnsiConsole.Write(new Rule(Markup.Escape($"{result.File}: {bank.Format}, entity {result.Entity ?? "?"}, {bank.OpenItems} open items")).LeftJustified());
        var table = new Table().AddColumns("Payment", "Date", "Amount", "Payer", "Outcome", "Applied to", "Left");
        foreach (var r in bank.Remittances)
        {
            var p = r.Read.Remittance;
            var a = r.Application;
            var outcome = p.Direction == EntryDirection.Debit ? "[grey]debit[/]"
                : a is null ? "[grey]not applied[/]"
                : a.Outcome switch
                {
                    ApplicationOutcome.FullyApplied => "[green]applied[/]",
                    ApplicationOutcome.PartlyApplied => "[yellow]partly[/]",
                    _ => "[red]unapplied[/]",
                };
            table.AddRow(
                Markup.Escape(p.PaymentNumber ?? p.BankReference ?? "-"),
                (p.BookingDate ?? p.PaymentDate)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?",
                Markup.Escape($"{p.Currency} {ConsoleView.Amount(p.Amount)}"),
                Markup.Escape(a?.PayerAccount is { } account ? $"{account} ({a.PayerMatch?.Rule})" : p.Payer.ToString()),
                outcome,
                Markup.Escape(a is null ? string.Empty : string.Join("\n", a.Applications.Select(x => $"{x.Item.Number} {ConsoleView.Amount(x.AmountApplied)}{(x.DiscountTaken != 0 ? $" disc {ConsoleView.Amount(x.DiscountTaken)}" : string.Empty)}{(x.Deduction != 0 ? $" ded {ConsoleView.Amount(x.Deduction)} {x.DeductionReason}" : string.Empty)} ({x.Rule})"))),
                a is null ? string.Empty : ConsoleView.Amount(a.Unapplied + a.OnAccount));
        }

        AnsiConsole.Write(table);
        var applied = bank.Remittances.Select(r => r.Application).OfType<CashApplicationResult>().ToList();
        if (applied.Count > 0)
        {
            AnsiConsole.Write(new BreakdownChart().Width(80)
                .AddItem("applied", (double)applied.Sum(a => a.Applied), Color.Green)
                .AddItem("on account", (double)applied.Sum(a => a.OnAccount), Color.Blue)
                .AddItem("unapplied", (double)applied.Sum(a => a.Unapplied), Color.Red));
        }

        foreach (var problem in result.DocumentProblems)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{problem.Code}[/] {problem.Message} ({problem.Location})");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{bank.Remittances.Count} payments; {applied.Count(a => a.Outcome == ApplicationOutcome.FullyApplied)} of {applied.Count} customer payments applied automatically; {bank.Route ?? string.Empty}");
    }
}
