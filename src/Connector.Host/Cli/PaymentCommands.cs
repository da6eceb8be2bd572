using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Connector.Adapters.Abstractions;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector payments list|show</c>: the payments read from bank files, their state, applications and candidates.</summary>
internal static class PaymentCommands
{
    public static Command Payments() => new("payments", "Payments read from bank files: how each was applied, posted, or why it waits.") { List(), Show(), Resolve(), ScanPaymentCommands.Correct() };

    private static Command Resolve()
    {
        var id = new Argument<long>("id") { Description = "Payment id" };
        var invoice = new Option<string[]>("--invoice") { Description = "Apply to this invoice: NUMBER (what is open on it) or NUMBER=AMOUNT; repeat, in order", AllowMultipleArgumentsPerToken = false };
        var onAccount = new Option<bool>("--on-account") { Description = "Put what is left on the payer's account" };
        var customer = new Option<string?>("--customer") { Description = "The paying customer's account (when the bank's payer was not identified)" };
        var user = new Option<string?>("--user") { Description = "Who decides (default: the login name)" };
        var remember = new Option<bool>("--remember") { Description = "Learn the payer's bank account and name as this customer's, for the next payments" };
        var deduction = new Option<string?>("--deduction") { Description = "Accept what an invoice is paid short as a deduction with this reason code (e.g. DAMAGED_GOODS): the invoice is closed" };
        var skip = new Option<bool>("--skip") { Description = "Do not apply the payment here (a refund, a transfer between own accounts...): it becomes Skipped; needs --reason" };
        var reason = new Option<string?>("--reason") { Description = "Why the payment is skipped" };
        var command = new Command("resolve", "Apply a payment that waits to invoices (and on account): it becomes Applied, posted as a receipt by the next run. Or skip it with a reason.") { id, invoice, onAccount, customer, user, remember, deduction, skip, reason };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var payment = app.Store.GetRemittance(parse.GetValue(id)) ?? throw new ArgumentException($"There is no payment {parse.GetValue(id)}.");
            var runtime = app.Entity(payment.Entity);
            var resolver = new RemittanceResolver(app.Store, app.Clock);
            var actor = parse.GetValue(user) ?? Environment.UserName;
            if (parse.GetValue(skip))
            {
                var skipped = resolver.Skip(runtime, payment.Id, parse.GetValue(reason) ?? throw new ArgumentException("--skip needs --reason: say why the payment is not applied here."), actor);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Payment {skipped.Id} is Skipped[/] ({skipped.Reason}).");
                return CommandSupport.Ok;
            }

            var choices = (parse.GetValue(invoice) ?? []).Select(Choice).ToList();
            var resolved = resolver.Apply(runtime, payment.Id, OpenItems(app, runtime), choices, parse.GetValue(onAccount), parse.GetValue(customer), actor, parse.GetValue(remember), parse.GetValue(deduction));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Payment {resolved.Id} is Applied[/] ({resolved.Reason}); the next run of {resolved.Entity} posts it.");
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static InvoiceChoice Choice(string written)
    {
        var at = written.IndexOf('=', StringComparison.Ordinal);
        if (at < 0)
        {
            return new InvoiceChoice(written.Trim(), null);
        }

        return decimal.TryParse(written[(at + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? new InvoiceChoice(written[..at].Trim(), amount)
            : throw new ArgumentException($"--invoice '{written}': write NUMBER or NUMBER=AMOUNT (e.g. F26-004501=450.00).");
    }

    /// <summary>The entity's open items as a run sees them: the target's (when it reads them) and the Connector's, less what payments hold.</summary>
    internal static IReadOnlyList<OpenItem> OpenItems(ConnectorApp app, EntityRuntime runtime)
    {
        IReadOnlyList<OpenItem> fromTarget = [];
        try
        {
            if (app.TargetFor(runtime) is IOpenItemSource source)
            {
                fromTarget = source.LoadOpenItemsAsync(runtime.Definition, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]The open items of {runtime.Code}'s target could not be read ({e.Message}); only the invoices the Connector posted are used.[/]");
        }

        return ConnectorOpenItems.ForCashApplication(app.Store, runtime.Code, fromTarget);
    }

    private static Command List()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity" };
        var state = new Option<RemittanceState[]>("--state") { Description = "Only these states (Unapplied, PartlyApplied, Applied, Posting, Confirmed, Refused, NoTarget, Duplicate, Debit); default: all", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List payments, oldest first.") { entity, state, json };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var states = parse.GetValue(state) is { Length: > 0 } chosen ? chosen : Enum.GetValues<RemittanceState>();
            var codes = parse.GetValue(entity) is { } code ? [code] : app.Catalog.Entities.Select(e => e.Code).ToList();
            var payments = codes.SelectMany(c => app.Store.RemittancesInStates(c, states)).Select(PaymentJson.From).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(payments, InspectCommands.Json));
                return CommandSupport.Ok;
            }

            var table = new Table().AddColumns("Id", "Entity", "Payment", "Booked", "Payer", "Amount", "Applied", "Unapplied", "State", "Receipt / why");
            foreach (var p in payments)
            {
                var why = p.ErpReceiptNumber is { } number ? $"{number} ({p.ErpReceiptId})" : p.Reason ?? string.Empty;
                table.AddRow(
                    p.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(p.Entity),
                    Markup.Escape(p.Payment),
                    p.Booked?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                    Markup.Escape(p.Payer),
                    Markup.Escape($"{p.Currency} {ConsoleView.Amount(p.Amount)}"),
                    ConsoleView.Amount(p.Applied),
                    ConsoleView.Amount(p.Unapplied),
                    Markup.Escape(ReportHtmlPayments.Label(p.State)),
                    Markup.Escape(why.Length > 80 ? why[..77] + "..." : why));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{payments.Count} payments. Applications and candidates: connector payments show ID");
            return CommandSupport.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "Payment id" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var crops = new Option<string?>("--crops") { Description = "For a scanned payment: also write the image region of each failed field as a PNG into this folder" };
        var command = new Command("show", "Show one payment: what the bank said (or what was read from the scan, with the image of each failed field), how it was applied and why, the candidates, its history.") { id, json, crops };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var stored = app.Store.GetRemittance(parse.GetValue(id)) ?? throw new ArgumentException($"There is no payment {parse.GetValue(id)}.");
            var p = PaymentJson.From(stored);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(p with { Remittance = stored.Remittance, Scan = app.Store.ScanOf(stored.Id) }, InspectCommands.Json));
                return CommandSupport.Ok;
            }

            var r = stored.Remittance;
            var document = app.Store.GetDocument(stored.DocumentId);
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Payment", Markup.Escape($"{p.Id} {p.Payment} ({r.Method}, {r.Direction}), key {p.IdempotencyKey}"));
            grid.AddRow("State", Markup.Escape($"{ReportHtmlPayments.Label(p.State)}{(p.Reason is null ? string.Empty : ": " + p.Reason)}"));
            grid.AddRow("Document", Markup.Escape($"{document?.OriginalName} (document {stored.DocumentId}, {r.Source})"));
            grid.AddRow("Payer", Markup.Escape($"{r.Payer}{(p.PayerAccount is null ? string.Empty : $" -> customer {p.PayerAccount}")}"));
            grid.AddRow("Amount", Markup.Escape($"{p.Currency} {ConsoleView.Amount(p.Amount)}: applied {ConsoleView.Amount(p.Applied)}, on account {ConsoleView.Amount(p.OnAccount)}, unapplied {ConsoleView.Amount(p.Unapplied)}"));
            grid.AddRow("Text", Markup.Escape(string.Join(" | ", new[] { r.FreeText }.Concat(r.Lines.Select(l => $"{l.Reference} {l.AmountPaid}")).Where(t => !string.IsNullOrWhiteSpace(t)))));
            if (p.ErpReceiptNumber is not null)
            {
                grid.AddRow("Receipt", Markup.Escape($"{p.ErpReceiptNumber} (ERP id {p.ErpReceiptId})"));
            }

            AnsiConsole.Write(grid);
            if (stored.Explanation is { } explanation)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Why[/] {explanation}");
            }

            var applications = new Table().AddColumns("Invoice", "Customer", "Applied", "Discount", "Deduction", "Rule", "Explanation");
            foreach (var a in stored.Applications)
            {
                applications.AddRow(Markup.Escape(a.InvoiceNumber), Markup.Escape(a.Customer), ConsoleView.Amount(a.Amount), ConsoleView.Amount(a.Discount), Markup.Escape($"{ConsoleView.Amount(a.Deduction)} {a.DeductionReason}"), Markup.Escape(a.Rule), Markup.Escape(a.Explanation));
            }

            AnsiConsole.Write(applications);
            if (stored.Candidates.Count > 0)
            {
                var candidates = new Table().Title("Candidates").AddColumns("Invoice", "Customer", "Open", "Score", "Why");
                foreach (var c in stored.Candidates)
                {
                    candidates.AddRow(Markup.Escape(c.InvoiceNumber), Markup.Escape(c.Customer), ConsoleView.Amount(c.OpenAmount), c.Score.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Reason));
                }

                AnsiConsole.Write(candidates);
            }

            if (app.Store.ScanOf(stored.Id) is { } scan)
            {
                ScanPaymentCommands.Write(stored, scan);
                ScanRegions.Write(app, stored, scan, parse.GetValue(crops));
            }

            foreach (var problem in stored.Problems)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{problem.Code}[/] {problem.Message} [grey]({problem.Location}{(problem.Value is null ? string.Empty : "; readings: " + problem.Value)})[/]");
            }

            AnsiConsole.MarkupLine("[bold]History[/]");
            foreach (var t in app.Store.RemittanceHistory(stored.Id))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {t.At:u} {t.From?.ToString() ?? "stored"} -> {t.To} by {t.Actor}{(t.Reason is null ? string.Empty : $": {t.Reason}")}");
            }

            return CommandSupport.Ok;
        }));
        return command;
    }

    /// <summary>A stored payment as <c>payments list --json</c> and <c>payments show --json</c> write it.</summary>
    internal sealed record PaymentJson(
        long Id,
        string Entity,
        string Payment,
        DateOnly? Booked,
        string Payer,
        string? PayerAccount,
        string? Currency,
        decimal Amount,
        decimal Applied,
        decimal OnAccount,
        decimal Unapplied,
        RemittanceState State,
        string? Reason,
        string IdempotencyKey,
        string? ErpReceiptId,
        string? ErpReceiptNumber,
        long? DuplicateOf,
        IReadOnlyList<StoredApplication> Applications,
        IReadOnlyList<StoredCandidate> Candidates)
    {
        /// <summary>The payment as read (show --json only).</summary>
        public Remittance? Remittance { get; init; }

        /// <summary>What was read from the scanned cheque and stub, field by field (show --json only, scanned payments only).</summary>
        public ScannedReadings? Scan { get; init; }

        public static PaymentJson From(RemittanceInfo p)
        {
            var r = p.Remittance;
            return new PaymentJson(p.Id, p.Entity, r.PaymentNumber ?? r.BankReference ?? $"#{p.Ordinal}", r.BookingDate ?? r.PaymentDate, r.Payer.ToString(), p.PayerAccount, p.Currency, p.Amount, p.Applied, p.OnAccount, p.Unapplied, p.State, p.Reason, p.IdempotencyKey, p.ErpReceiptId, p.ErpReceiptNumber, p.DuplicateOf, p.Applications, p.Candidates);
        }
    }
}
