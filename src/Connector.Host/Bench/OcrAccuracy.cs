using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;

namespace Connector.Host.Bench;

/// <summary>
/// Field accuracy of <c>connector bench ocr</c>: every image with a ground truth beside it, read by the cheque or stub
/// reader as its ground truth's kind says, compared field by field (<see cref="OcrGroundTruth.Compare"/>). The readers
/// are given the currency of the ground truth as the entity's own (what an entity's configuration says when a page
/// shows none); everything else comes from the page.
/// </summary>
internal sealed record OcrAccuracy(int Images, IReadOnlyList<OcrFieldResult> Fields)
{
    public const string EntityCode = "BENCH";

    public int Right => Fields.Count(f => f.Equal);

    public int Total => Fields.Count;

    public IReadOnlyList<OcrFieldResult> Wrong => [.. Fields.Where(f => !f.Equal)];

    /// <summary>The images' pages, in the order of <paramref name="images"/>.</summary>
    public static OcrAccuracy Measure(IReadOnlyList<OcrBenchImage> images, IReadOnlyList<OcrPage> pages)
    {
        var fields = new List<OcrFieldResult>();
        var measured = 0;
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i].GroundTruth is not { } path)
            {
                continue;
            }

            var truth = OcrGroundTruth.Load(path);
            var currency = truth.Json.TryGetProperty("currency", out var c) ? c.GetString() : null;
            var options = new OcrReaderOptions(Currency: currency);
            var cheque = truth.IsCheque ? ChequeReader.Read(pages[i], EntityCode, images[i].Name, options) : null;
            var stub = truth.IsStub ? StubReader.Read(pages[i], EntityCode, images[i].Name, options) : null;
            fields.AddRange(OcrGroundTruth.Compare(truth, cheque, stub));
            measured++;
        }

        return new OcrAccuracy(measured, fields);
    }
}
