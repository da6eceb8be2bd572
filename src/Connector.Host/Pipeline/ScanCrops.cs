using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Adapters.Ocr;
using Connector.Host.Store;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;

namespace Connector.Host.Pipeline;

/// <summary>The image region behind a failed field of a scanned payment: the field, where it is, the page it is cut from.</summary>
internal sealed record ScanCrop(string Field, string Caption, PageImage Page, OcrBox Region);

/// <summary>
/// Finds the image regions of a scanned payment's failed fields in the archived scans (the payment's own document,
/// or a document of its run for a stub scanned apart): what an operator looks at to correct a field.
/// </summary>
internal static partial class ScanCrops
{
    /// <summary>The regions of the failed fields (errors first, at most <paramref name="max"/>); a page that cannot be opened is said in <paramref name="unavailable"/>.</summary>
    public static IReadOnlyList<ScanCrop> OfFailedFields(IConnectorStore store, ConnectorPaths paths, RemittanceInfo payment, ScannedReadings readings, out IReadOnlyList<string> unavailable, int max = 6)
    {
        var crops = new List<ScanCrop>();
        var missing = new List<string>();
        var pages = new Dictionary<PageRef, PageImage?>();
        foreach (var problem in payment.Problems.Where(p => p.Severity == ProblemSeverity.Error && p.Field is not null).Take(max))
        {
            if (Region(problem.Message) is not { } region || readings.PageOf(problem.Field!) is not { } pageRef)
            {
                continue;
            }

            try
            {
                if (!pages.TryGetValue(pageRef, out var page))
                {
                    page = pages[pageRef] = Load(store, paths, payment, pageRef);
                }

                if (page is not null)
                {
                    // A page read turned (scanned upside down or sideways): the region is cut where it is on the page as stored.
                    region = region.InStored(pageRef.Rotation, page.Width, page.Height);
                    crops.Add(new ScanCrop(problem.Field!, string.Create(CultureInfo.InvariantCulture, $"{problem.Field}: {pageRef.Document} page {pageRef.Page}, x={region.Left} y={region.Top} w={region.Width} h={region.Height}"), page, region));
                }
            }
            catch (Exception e) when (e is OcrUnavailableException or InvalidDataException or IOException or TimeoutException or UnauthorizedAccessException)
            {
                missing.Add($"the image of {problem.Field} cannot be shown: {e.Message}");
            }
        }

        unavailable = missing;
        return crops;
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

    private static PageImage? Load(IConnectorStore store, ConnectorPaths paths, RemittanceInfo payment, PageRef page)
    {
        var own = store.GetDocument(payment.DocumentId);
        var document = own is not null && Named(own, page.Document)
            ? own
            : store.DocumentsOfRun(payment.RunId).FirstOrDefault(d => d.Entity == payment.Entity && Named(d, page.Document));
        return document is null ? null : ScanImages.Page(File.ReadAllBytes(paths.Resolve(document.ArchivePath)), page.Page);
    }

    private static bool Named(DocumentInfo document, string label)
        => label == document.OriginalName || label == string.Create(CultureInfo.InvariantCulture, $"{document.OriginalName} (document {document.Id})");

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("region x=(-?\\d+) y=(-?\\d+) w=(\\d+) h=(\\d+)")]
    private static partial Regex RegionText();
}
