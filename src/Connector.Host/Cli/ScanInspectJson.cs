using Connector.Mapping.Model;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;

namespace Connector.Host.Cli;

/// <summary>The <c>scan</c> part of <c>connector inspect --json</c> for a scanned cheque or stub (docs/inspect-json.md).</summary>
internal static class ScanInspectJson
{
    public static ScanJson From(ScanSummary scan) => new(scan.Format, scan.Pages, scan.Engine, [.. scan.Payments.Select(PaymentJson.From)]);

    internal sealed record ScanJson(string Format, int Pages, string Engine, IReadOnlyList<PaymentJson> Payments);

    /// <summary>One payment: the canonical remittance, whether it may be applied as read, every field read and every failed check.</summary>
    internal sealed record PaymentJson(string Document, PageJson? ChequePage, IReadOnlyList<PageJson> StubPages, bool Clean, Remittance Remittance, IReadOnlyList<FieldJson> Fields, IReadOnlyList<CheckJson> FailedChecks)
    {
        public static PaymentJson From(ScannedPayment p) => new(
            p.Document,
            p.Readings.ChequePage is { } page ? new PageJson(page.Document, page.Page) : null,
            [.. p.Readings.StubPages.Select(s => new PageJson(s.Document, s.Page))],
            p.IsClean,
            p.Mapped.Remittance,
            [.. ScanFields.List(p.Readings).Select(FieldJson.From)],
            [.. p.Checks.Select(CheckJson.From)]);
    }

    internal sealed record PageJson(string Document, int Page);

    internal sealed record RegionJson(int Left, int Top, int Width, int Height)
    {
        public static RegionJson? From(OcrBox box) => box == default ? null : new(box.Left, box.Top, box.Width, box.Height);
    }

    /// <summary>A field: the name to correct it by, the value taken (null when unreadable), the text read, confidence 0-100, where, other readings.</summary>
    internal sealed record FieldJson(string Field, string? Value, string Text, double Confidence, PageJson? Page, RegionJson? Region, IReadOnlyList<string> Readings)
    {
        public static FieldJson From(ScanFieldView f) => new(f.Field, f.Value, f.Text, Math.Round(f.Confidence, 1), f.Page is { } p ? new PageJson(p.Document, p.Page) : null, RegionJson.From(f.Region), f.Readings);
    }

    internal sealed record CheckJson(string Severity, string Code, string Field, string Message, int? Row, RegionJson? Region, IReadOnlyList<string> Readings)
    {
        public static CheckJson From(OcrCheck c) => new(c.Severity == ProblemSeverity.Error ? "error" : "warning", c.Code, c.Field, c.Message, c.Row, RegionJson.From(c.Region), c.Readings);
    }
}
