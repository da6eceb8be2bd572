using System.CommandLine;
using System.Globalization;
using Connector.Host.Bench;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector bench ingest</c>: measures the ingest path on generated data and prints the figures.</summary>
internal static class BenchCommands
{
    public static Command Bench()
    {
        var bench = new Command("bench", "Measure the Connector on generated data.");
        bench.Subcommands.Add(Ingest());
        bench.Subcommands.Add(EInvoiceBenchCommand.Build());
        bench.Subcommands.Add(OcrBenchCommand.Build());
        return bench;
    }

    private static Command Ingest()
    {
        var lines = new Option<long>("--lines") { Description = "Invoice lines in the generated file (default 1,000,000)", DefaultValueFactory = _ => 1_000_000 };
        var customers = new Option<int>("--customers") { Description = "Customers in the generated master (default 100,000)", DefaultValueFactory = _ => 100_000 };
        var perInvoice = new Option<int>("--lines-per-invoice") { Description = "Lines per invoice (default 5)", DefaultValueFactory = _ => 5 };
        var work = new Option<string?>("--work") { Description = "Work folder for the generated files and the data folder (default a new temp folder)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the work folder (deleted after the run otherwise)" };
        var command = new Command("ingest", "Generate a French-format invoice file against a large customer master and time read, evaluate, store and export, with peak memory.")
        {
            lines, customers, perInvoice, work, keep,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(work);
            var folder = given is null ? Path.Combine(Path.GetTempPath(), $"connector-bench-{Guid.NewGuid():N}") : Path.GetFullPath(given);
            var options = new BenchOptions(parse.GetValue(lines), parse.GetValue(customers), parse.GetValue(perInvoice), folder, parse.GetValue(keep));
            if (options.Lines < 1 || options.Customers < 1 || options.LinesPerInvoice < 1)
            {
                AnsiConsole.MarkupLine("[red]--lines, --customers and --lines-per-invoice must be at least 1.[/]");
                return CommandSupport.Failed;
            }

            BenchResult result;
            try
            {
                result = await new IngestBench(options, m => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{m}[/]")).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Cleanup(options, whole: given is null);
            }

            BenchView.Write(result, options);
            return CommandSupport.Ok;
        });
        return command;
    }

    /// <summary>Deletes the temp work folder, or in a given work folder only what the bench generated there.</summary>
    private static void Cleanup(BenchOptions options, bool whole)
    {
        if (options.Keep || options.WorkDirectory is not { } folder)
        {
            return;
        }

        foreach (var path in whole ? [folder] : IngestBench.Generated.Select(g => Path.Combine(folder, g)))
        {
            if (Directory.Exists(path))
            {
                TryDelete(path);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]Could not delete {folder}: {e.Message}[/]");
        }
    }
}
