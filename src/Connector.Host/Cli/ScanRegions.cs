using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Adapters.Ocr;
using Connector.Host.Store;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>
/// Shows an operator the image behind each failed field of a scanned payment: the region cut from the stored scan,
/// drawn in the terminal, and (when asked) written as PNG files named by the payment and the field, never by a
/// received file name.
/// </summary>
internal static partial class ScanRegions
{
    public static void Write(ConnectorApp app, RemittanceInfo payment, ScannedReadings readings, string? cropsFolder)
    {
        var failed = payment.Problems.Where(p => p.Severity == ProblemSeverity.Error && p.Field is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var files = new Dictionary<(string Document, int Page), PageImage?>();
        foreach (var problem in failed)
        {
            if (Region(problem.Message) is not { } region || readings.PageOf(problem.Field!) is not { } pageRef)
            {
                continue;
            }

            try
            {
                if (!files.TryGetValue((pageRef.Document, pageRef.Page), out var page))
                {
                    page = files[(pageRef.Document, pageRef.Page)] = Load(app, payment, pageRef);
                }

                if (page is null)
                {
                    continue;
                }

                var caption = string.Create(CultureInfo.InvariantCulture, $"{problem.Field}: {pageRef.Document} page {pageRef.Page}, x={region.Left} y={region.Top} w={region.Width} h={region.Height}");
                RegionView.Write(ScanImages.Preview(page, region, RegionView.Columns, RegionView.Rows), caption);
                if (cropsFolder is not null)
                {
                    Directory.CreateDirectory(cropsFolder);
                    var file = Path.Combine(cropsFolder, string.Create(CultureInfo.InvariantCulture, $"payment-{payment.Id}-{Safe(problem.Field!)}.png"));
                    File.WriteAllBytes(file, ScanImages.Crop(page, region));
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [grey]written {file}[/]");
                }
            }
            catch (Exception e) when (e is OcrUnavailableException or InvalidDataException or ArgumentException or IOException or TimeoutException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [yellow]The image of {problem.Field} cannot be shown: {e.Message}[/]");
            }
        }
    }

    /// <summary>The region a failed check names in its message ("region x=.. y=.. w=.. h=..").</summary>
    internal static OcrBox? Region(string message)
    {
        var match = RegionText().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var box = new OcrBox(Int(match, 1), Int(match, 2), Int(match, 3), Int(match, 4));
        return box.Width > 0 && box.Height > 0 ? box : null;
    }

    /// <summary>The page of the stored file the page reference names: the payment's document, or a document of its run (a stub scanned apart).</summary>
    private static PageImage? Load(ConnectorApp app, RemittanceInfo payment, PageRef page)
    {
        var own = app.Store.GetDocument(payment.DocumentId);
        var document = own is not null && Named(own, page.Document)
            ? own
            : app.Store.DocumentsOfRun(payment.RunId).FirstOrDefault(d => d.Entity == payment.Entity && Named(d, page.Document));
        return document is null ? null : ScanImages.Page(File.ReadAllBytes(app.Paths.Resolve(document.ArchivePath)), page.Page);
    }

    private static bool Named(DocumentInfo document, string label)
        => label == document.OriginalName || label == string.Create(CultureInfo.InvariantCulture, $"{document.OriginalName} (document {document.Id})");

    private static string Safe(string field) => new([.. field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("region x=(-?\\d+) y=(-?\\d+) w=(\\d+) h=(\\d+)")]
    private static partial Regex RegionText();
}
