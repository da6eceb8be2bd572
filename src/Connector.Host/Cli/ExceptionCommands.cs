using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Spectre.Console;

namespace Connector.Host.Cli;

internal static class ExceptionCommands
{
    public static Command Exceptions()
    {
        return new Command("exceptions", "The operator queue: records that need a person.") { List(), Show(), Resolve() };
    }

    private static Command List()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var all = new Option<bool>("--all") { Description = "Include resolved exceptions" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 200, Description = "At most this many" };
        var command = new Command("list", "List open exceptions (oldest first).") { entity, all, json, limit };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var items = app.Store.ListExceptions(parse.GetValue(entity), !parse.GetValue(all), parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(items, InspectCommands.Json));
                return CommandSupport.Ok;
            }

            var table = new Table().AddColumns("Id", "Entity", "Invoice", "Amount", "Code", "What is wrong");
            foreach (var e in items)
            {
                var record = app.Store.GetRecord(e.RecordId);
                var message = e.Message.Length > 90 ? e.Message[..87] + "..." : e.Message;
                table.AddRow(
                    e.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.Entity),
                    Markup.Escape(record?.Number ?? string.Empty),
                    Markup.Escape(record is null ? string.Empty : $"{record.Currency} {ConsoleView.Amount(record.NetAmount)}"),
                    e.Open ? $"[yellow]{Markup.Escape(e.Code)}[/]" : $"[grey]{Markup.Escape(e.Code)} (resolved)[/]",
                    Markup.Escape(message));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{items.Count} exceptions. Details and suggested fixes: connector exceptions show ID");
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "Exception id" };
        var command = new Command("show", "Show one exception: the record, every problem, the evidence and the suggested fixes.") { id };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var e = app.Store.GetException(parse.GetValue(id)) ?? throw new ArgumentException($"There is no exception {parse.GetValue(id)}.");
            var record = app.Store.GetRecord(e.RecordId)!;
            var document = app.Store.GetDocument(record.DocumentId)!;
            var invoice = record.Invoice;
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Exception", $"{e.Id} [yellow]{Markup.Escape(e.Code)}[/] {(e.Open ? "open" : Markup.Escape($"resolved by {e.ResolvedBy} at {e.ResolvedAt:u}: {e.Resolution}"))}");
            grid.AddRow("Record", Markup.Escape($"{record.Id} {record.Kind} {record.Number}, state {record.State}, key {record.IdempotencyKey}"));
            grid.AddRow("Document", Markup.Escape($"{document.OriginalName} (document {document.Id}, sha256 {document.Sha256[..12]}..., line {invoice.Source.Line})"));
            grid.AddRow("Customer", Markup.Escape(invoice.Customer.ToString()));
            grid.AddRow("Dates", Markup.Escape($"issued {invoice.IssueDate:yyyy-MM-dd}, due {invoice.DueDate:yyyy-MM-dd}"));
            grid.AddRow("Amounts", Markup.Escape($"{invoice.Currency} net {ConsoleView.Amount(invoice.NetTotal)}, tax {ConsoleView.Amount(invoice.TaxTotal)}, declared net {invoice.DeclaredNetTotal}, tax {invoice.DeclaredTaxTotal}, gross {invoice.DeclaredGrossTotal}"));
            AnsiConsole.Write(grid);
            var lines = new Table().AddColumns("Line", "Item", "Description", "Qty", "Price", "Amount", "Tax code", "Rate", "Tax", "Source line");
            foreach (var l in invoice.Lines)
            {
                lines.AddRow(l.LineNumber.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.ItemCode ?? string.Empty), Markup.Escape(l.Description), l.Quantity.ToString(CultureInfo.InvariantCulture), l.UnitPrice.ToString(CultureInfo.InvariantCulture), ConsoleView.Amount(l.Amount), Markup.Escape(l.TaxCode ?? string.Empty), l.TaxRate?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, ConsoleView.Amount(l.TaxAmount), l.SourceLine?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }

            AnsiConsole.Write(lines);
            AnsiConsole.MarkupLine("[bold]History[/]");
            foreach (var t in app.Store.History(record.Id))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {t.At:u} {t.From?.ToString() ?? "stored"} -> {t.To} by {t.Actor}{(t.Reason is null ? string.Empty : $": {t.Reason}")}");
            }

            AnsiConsole.MarkupLine("[bold]Problems[/]");
            foreach (var p in e.Problems)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{p.Code}[/] {p.Message} [grey]({p.Location}{(p.Field is null ? string.Empty : $", field {p.Field}")}{(p.Value is null ? string.Empty : $", value '{p.Value}'")})[/]");
            }

            AnsiConsole.MarkupLine("[bold]Suggested fixes[/]");
            foreach (var s in e.Suggestions)
            {
                var how = s.Kind == "customer" ? $"connector exceptions resolve {e.Id} --customer {s.Value} --remember" : $"connector exceptions resolve {e.Id} --set {s.Value}=VALUE";
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {s.Label}{(s.Score is { } score ? $" score {score}" : string.Empty)}  [grey]{how}[/]");
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]or: connector exceptions resolve {e.Id} --skip --reason \"...\"[/]");
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static Command Resolve()
    {
        var id = new Argument<long>("id") { Description = "Exception id" };
        var customer = new Option<string?>("--customer") { Description = "Bill this customer account" };
        var remember = new Option<bool>("--remember") { Description = "With --customer: learn the source's name for this customer as an alias" };
        var set = new Option<string[]>("--set") { Description = "Correct a field: field=value (dates yyyy-MM-dd, numbers 1234.56; line fields lines.N.field)", AllowMultipleArgumentsPerToken = false };
        var skip = new Option<bool>("--skip") { Description = "Do not post this record" };
        var notInErp = new Option<bool>("--not-in-erp") { Description = "For TARGET_UNCONFIRMED: you checked the ERP and the invoice is not there; its key is released and it is posted again" };
        var reason = new Option<string?>("--reason") { Description = "Why (required with --skip and --not-in-erp)" };
        var user = new Option<string?>("--user") { Description = "Who decides (default: the login name)" };
        var command = new Command("resolve", "Resolve an exception: pick a customer, correct fields, or skip. The record is validated again and goes on to the next export.") { id, customer, remember, set, skip, notInErp, reason, user };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var exception = app.Store.GetException(parse.GetValue(id)) ?? throw new ArgumentException($"There is no exception {parse.GetValue(id)}.");
            var fields = parse.GetValue(set) ?? [];
            var chosen = new[] { parse.GetValue(customer) is not null, fields.Length > 0, parse.GetValue(skip), parse.GetValue(notInErp) }.Count(b => b);
            if (chosen != 1)
            {
                AnsiConsole.MarkupLine("[red]Give exactly one of --customer, --set, --skip or --not-in-erp.[/]");
                return CommandSupport.Failed;
            }

            Resolution resolution;
            if (parse.GetValue(skip) || parse.GetValue(notInErp))
            {
                var why = parse.GetValue(reason);
                if (string.IsNullOrWhiteSpace(why))
                {
                    AnsiConsole.MarkupLine("[red]--skip and --not-in-erp need --reason: the reason is kept in the audit log.[/]");
                    return CommandSupport.Failed;
                }

                resolution = parse.GetValue(skip) ? new SkipRecord(why) : new NotInTarget(why);
            }
            else if (parse.GetValue(customer) is { } account)
            {
                resolution = new ChooseCustomer(account, parse.GetValue(remember));
            }
            else
            {
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in fields)
                {
                    var at = pair.IndexOf('=', StringComparison.Ordinal);
                    if (at <= 0)
                    {
                        throw new ArgumentException($"--set '{pair}': write field=value.");
                    }

                    values[pair[..at].Trim()] = pair[(at + 1)..];
                }

                resolution = new CorrectFields(values);
            }

            var actor = parse.GetValue(user) ?? Environment.UserName;
            var result = new ExceptionResolver(app.Store, app.Clock).Resolve(app.Entity(exception.Entity), exception.Id, resolution, actor);
            if (result.State == RecordState.Ready)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Record {result.RecordId} is valid now and Ready for the next export.[/]");
            }
            else if (result.State == RecordState.Skipped)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Record {result.RecordId} skipped.");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]Record {result.RecordId} still has problems:[/]");
                foreach (var p in result.Problems)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{p.Code}[/] {p.Message}");
                }
            }

            if (result.OthersReleased > 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]The learned alias also released {result.OthersReleased} other exception(s).[/]");
            }

            return CommandSupport.Ok;
        }));
        return command;
    }
}
