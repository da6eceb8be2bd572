using System.CommandLine;
using System.Globalization;
using Connector.Adapters.Ocr;
using Connector.Host.Bench;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>
/// <c>connector bench ocr [--images DIR] [--threads N] [--rounds R] [--json]</c>: images per second of the
/// <c>tesseract</c> command line against the in-process engine on 1 and N threads, latency, memory and field accuracy.
/// </summary>
internal static class OcrBenchCommand
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".pnm", ".pgm", ".pbm", ".ppm"];

    public static Command Build()
    {
        var images = new Option<string?>("--images") { Description = "Folder of images (default: the shared corpus's cheques/synthetic, through CONNECTOR_CORPUS or ../shared/corpus beside the repository)" };
        var threads = new Option<int>("--threads") { Description = "Parallel workers N: tesseract processes and engine threads (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rounds = new Option<int>("--rounds") { Description = "How often every image is read in each measurement (default 3)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var command = new Command("ocr", "Read cheque and stub images with the tesseract command line (N processes) and with the in-process engine (reused engines, 1 and N threads): images per second, latency p50/p95, memory, and field accuracy against the ground truth beside each image.")
        {
            images, threads, rounds, json,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, parse.GetValue(images), parse.GetValue(threads), parse.GetValue(rounds), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, string? given, int threads, int rounds, bool json, CancellationToken cancellationToken)
    {
        if (threads < 1 || rounds < 1)
        {
            AnsiConsole.MarkupLine("[red]--threads and --rounds must be at least 1.[/]");
            return CommandSupport.Failed;
        }

        var folder = Path.GetFullPath(given ?? DefaultFolder(CommandSupport.Paths(parse).MappingsDirectory));
        var found = Directory.Exists(folder) ? Find(folder) : [];
        if (found.Count == 0)
        {
            var why = Directory.Exists(folder) ? "no image (PNG, JPEG, TIFF, BMP, GIF, WebP, PNM) in" : "no such folder:";
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Nothing to read: {why} {folder}[/]");
            return CommandSupport.ConfigurationError;
        }

        if (!TesseractEngine.IsAvailable(null, out var reason))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{reason}[/]");
            return CommandSupport.Failed;
        }

        Action<string> say = json ? _ => { } : m => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{m}[/]");
        OcrBenchResult result;
        try
        {
            result = new OcrBench(new OcrBenchOptions(found, threads, rounds), say).Run(cancellationToken);
        }
        catch (Exception e) when (e is OcrUnavailableException or InvalidDataException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
            return CommandSupport.Failed;
        }

        if (json)
        {
            OcrBenchJson.Write(Console.Out, result, folder);
        }
        else
        {
            OcrBenchView.Write(result, folder);
        }

        return CommandSupport.Ok;
    }

    private static string DefaultFolder(string mappings)
    {
        var configured = Environment.GetEnvironmentVariable("CONNECTOR_CORPUS");
        var corpus = string.IsNullOrWhiteSpace(configured) ? Path.Combine(mappings, "..", "..", "shared", "corpus") : configured;
        return Path.Combine(corpus, "cheques", "synthetic");
    }

    /// <summary>The images under the folder, in name order, each with the language its ground truth names (eng without one).</summary>
    private static List<OcrBenchImage> Find(string folder)
        => [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(Image)];

    private static OcrBenchImage Image(string path)
    {
        var truth = Path.ChangeExtension(path, ".json");
        if (!File.Exists(truth))
        {
            return new OcrBenchImage(path, "eng", null);
        }

        var language = OcrGroundTruth.Load(truth).Language;
        return new OcrBenchImage(path, language.Length > 0 ? language : "eng", truth);
    }
}
