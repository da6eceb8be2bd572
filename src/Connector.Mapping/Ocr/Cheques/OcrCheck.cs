using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// A failed trust check on an OCR field: which field (e.g. <c>AmountInWords</c>, <c>Row 3 Net</c>), the region of the
/// image to show the operator, and the competing readings, so that one field is corrected, not the whole document.
/// </summary>
internal sealed record OcrCheck(
    ProblemSeverity Severity,
    string Code,
    string Document,
    string Field,
    string Message,
    OcrBox Region,
    IReadOnlyList<string> Readings,
    int? Row = null)
{
    /// <summary>The check as the pipeline's problem: the region is said in the message, the readings are its value.</summary>
    public Problem ToProblem()
        => new(Severity, Code, string.Create(CultureInfo.InvariantCulture,
                $"{Message} (region x={Region.Left} y={Region.Top} w={Region.Width} h={Region.Height})"),
            new SourceLocation(Document, Row, Field), Field, Readings.Count == 0 ? null : string.Join(" | ", Readings));
}

/// <summary>Options of the trust checks.</summary>
/// <param name="ConfidenceFloor">A field whose lowest word confidence is below this (0-100) is an exception to confirm.</param>
internal sealed record ChequeTrustOptions(double ConfidenceFloor = 60)
{
    public static ChequeTrustOptions Default { get; } = new();
}
