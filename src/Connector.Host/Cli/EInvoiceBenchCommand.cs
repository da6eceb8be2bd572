using System.CommandLine;
using System.Globalization;
using Connector.Adapters.EInvoicing;
using Connector.Host.Bench;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary><c>connector bench einvoice</c>: documents per second for UBL, CII and Factur-X PDFs, and what a PDF's poppler processes cost.</summary>
internal static class EInvoiceBenchCommand
{
    public static Command Build()
    {
        var seconds = new Option<int>("--seconds") { Description = "Seconds of reading per kind of document (default 5)", DefaultValueFactory = _ => 5 };
        var files = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files or folders of e-invoices (default: the shared corpus's einvoice folder when found through CONNECTOR_CORPUS or ../shared/corpus, else FR01's sample e-invoices)",
        };
        var command = new Command("einvoice", "Read e-invoices over and over (detection, XML, EN 16931 checks, mapping; PDFs through poppler) and print documents per second per kind, and the cost of a PDF's external processes against its XML.") { seconds, files };
        command.SetAction(parse =>
        {
            var paths = CommandSupport.Paths(parse);
            var given = parse.GetValue(files) ?? [];
            var inputs = (given.Length > 0 ? given : DefaultInputs(paths.MappingsDirectory)).SelectMany(Expand).Distinct(StringComparer.Ordinal).ToList();
            if (inputs.Count == 0)
            {
                AnsiConsole.MarkupLine("[red]No files to read.[/]");
                return CommandSupport.Failed;
            }

            var tools = PdfToolOptions.FromEnvironment();
            if (!PopplerPdfAttachments.IsAvailable(tools, out var why))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]PDFs cannot be opened ({why}); they are left out.[/]");
            }

            var duration = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(seconds)));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{inputs.Count} files; {Environment.ProcessorCount} cores; {duration.TotalSeconds:0} s per kind[/]");
            var result = new EInvoiceBench(inputs, duration, tools).Run(m => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{m}[/]"));
            Write(result);
            return CommandSupport.Ok;
        });
        return command;
    }

    private static IEnumerable<string> DefaultInputs(string mappings)
    {
        var configured = Environment.GetEnvironmentVariable("CONNECTOR_CORPUS");
        var corpus = string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(Path.Combine(mappings, "..", "..", "shared", "corpus")) : configured;
        var einvoices = Path.Combine(corpus, "einvoice");
        return Directory.Exists(einvoices) ? [einvoices] : [Path.Combine(mappings, "fr-dupont", "samples")];
    }

    private static IEnumerable<string> Expand(string path)
        => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : File.Exists(path) ? [Path.GetFullPath(path)] : [];

    private static void Write(EInvoiceBenchResult result)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        }

        var table = new Table().Title("[bold]connector bench einvoice[/]").AddColumns("Documents", "Files", "Workers", "Read", "Documents/s", "ms each");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(
                Markup.Escape(row.Kind),
                row.Files.ToString(CultureInfo.InvariantCulture),
                row.Workers.ToString(CultureInfo.InvariantCulture),
                row.Documents.ToString("N0", CultureInfo.InvariantCulture),
                row.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                row.MillisecondsEach.ToString("0.00", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (result.Pdf is { } pdf)
        {
            var chart = new BarChart().Label("[bold]One PDF: where the time goes (ms)[/]").Width(70)
                .AddItem("poppler processes", Math.Round(pdf.ExtractMilliseconds, 2), Color.Yellow)
                .AddItem("XML read+check+map", Math.Round(pdf.ParseMilliseconds, 2), Color.Green);
            AnsiConsole.Write(chart);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Per PDF ({pdf.Documents} timed): the external processes (pdfdetach -list, -save, pdfinfo -meta) take {pdf.ExtractMilliseconds:0.0} ms, reading its XML in memory {pdf.ParseMilliseconds:0.00} ms: [bold]{pdf.Ratio:0}x[/].");
        }

        if (result.Skipped.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{result.Skipped.Count} files not timed (not an e-invoice, or not readable): {string.Join(", ", result.Skipped.Take(8))}{(result.Skipped.Count > 8 ? ", ..." : string.Empty)}[/]");
        }
    }
}
