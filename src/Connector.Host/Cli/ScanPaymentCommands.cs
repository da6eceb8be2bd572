using System.CommandLine;
using System.Globalization;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector payments correct</c>, and the scanned fields of <c>payments show</c>.</summary>
internal static class ScanPaymentCommands
{
    public static Command Correct()
    {
        var id = new Argument<long>("id") { Description = "Payment id" };
        var set = new Option<string[]>("--set") { Description = "A field and its right value, FIELD=VALUE, by the field's name in payments show (e.g. \"AmountInWords=1250.00\", \"Row 2 Net=480.00\", \"Date=2026-11-20\"); repeat for several", AllowMultipleArgumentsPerToken = false, Required = true };
        var user = new Option<string?>("--user") { Description = "Who corrects (default: the login name)" };
        var command = new Command("correct", "Correct fields of a scanned cheque or stub that a check stopped: the checks run again, and a payment that passes them is applied like a freshly read one.") { id, set, user };
        command.SetAction(parse => CommandSupport.WithAppSync(parse, app =>
        {
            var payment = app.Store.GetRemittance(parse.GetValue(id)) ?? throw new ArgumentException($"There is no payment {parse.GetValue(id)}.");
            var runtime = app.Entity(payment.Entity);
            var corrections = (parse.GetValue(set) ?? []).Select(Pair).ToList();
            var actor = parse.GetValue(user) ?? Environment.UserName;
            var result = new ScanCorrector(app.Store, app.Clock).Correct(runtime, payment.Id, corrections, PaymentCommands.OpenItems(app, runtime), actor);
            var colour = result.Payment.State == RemittanceState.Applied ? "green" : "yellow";
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]Payment {result.Payment.Id} is {result.Payment.State}[/] ({result.Payment.Reason}).");
            foreach (var check in result.StillFailing)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [red]{check.Code}[/] {check.Field}: {check.Message} [grey](readings: {string.Join(" | ", check.Readings)})[/]");
            }

            return result.StillFailing.Count == 0 ? CommandSupport.Ok : 1;
        }));
        return command;
    }

    /// <summary>The fields read from the scan, each with its confidence, page, region and competing readings; failed ones in red.</summary>
    public static void Write(RemittanceInfo payment, ScannedReadings readings)
    {
        var failing = payment.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Field).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        WriteFields(readings, failing, "Read from the scan");
        if (failing.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Correct a field: [bold]connector payments correct {payment.Id} --set \"FIELD=VALUE\"[/]");
        }
    }

    /// <summary>The fields of a scanned payment as a table, the failed ones in red, then the corrections made.</summary>
    public static void WriteFields(ScannedReadings readings, IReadOnlySet<string> failing, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("Field", "Value", "Read as", "Confidence", "Page", "Region", "Other readings");
        foreach (var f in ScanFields.List(readings))
        {
            var name = failing.Contains(f.Field) ? $"[red]{Markup.Escape(f.Field)}[/]" : Markup.Escape(f.Field);
            table.AddRow(
                name,
                Markup.Escape(f.Value ?? "(unreadable)"),
                Markup.Escape(f.Text.Length > 50 ? f.Text[..47] + "..." : f.Text),
                f.Confidence.ToString("0", CultureInfo.InvariantCulture),
                Markup.Escape(f.Page is { } page ? $"{page.Document} p.{page.Page}" : string.Empty),
                f.Region == default ? string.Empty : ScanCorrector.Region(f.Region),
                Markup.Escape(string.Join(" | ", f.Readings)));
        }

        AnsiConsole.Write(table);
        foreach (var correction in readings.Corrections)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]{correction.Field} corrected to {correction.Value} by {correction.Actor}[/]");
        }
    }

    private static (string Field, string Value) Pair(string written)
    {
        var at = written.IndexOf('=', StringComparison.Ordinal);
        return at > 0
            ? (written[..at].Trim(), written[(at + 1)..].Trim())
            : throw new ArgumentException($"--set '{written}': write FIELD=VALUE (e.g. \"Row 2 Net=480.00\").");
    }
}
