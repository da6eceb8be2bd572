using System.Globalization;
using Connector.Adapters.Sources.X937;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Adapters.Ocr;

/// <summary>A scanned file as read: its format, its pages through OCR, and what made it unreadable (then no page).</summary>
internal sealed record ScanDocument(string Format, IReadOnlyList<ScannedPage> Pages, IReadOnlyList<Problem> Problems)
{
    public bool Failed => Pages.Count == 0 && Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads a scanned file through OCR, its kind told by its first bytes whatever its name: an image (PNG, JPEG, BMP,
/// GIF, WebP), a TIFF (every page), a scanned PDF (its pages rendered by pdftoppm at 300 dpi) or an X9.37 image cash
/// letter (the front image of each cheque, with what the bank captured: MICR line, amount, business date; a file whose
/// control totals do not reconcile is refused whole). Never throws for bad content: it says what is wrong. Throws
/// <see cref="OcrUnavailableException"/> when the OCR engine or pdftoppm is missing (the file must wait, not fail).
/// </summary>
internal sealed class ScanDocumentReader(TesseractEngine engine, PdfScanOptions? pdfOptions = null)
{
    public ScanDocument Read(Stream file, string document, ScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = ReadLimited(file, options.MaxFileBytes);
        if (bytes is null)
        {
            return Refused("unknown", document, ProblemCodes.FileTooLarge, string.Create(CultureInfo.InvariantCulture, $"the file is larger than the scan limit of {options.MaxFileBytes / (1024 * 1024)} MB (scan.max_file_mb): not read"));
        }

        var format = Detect(bytes);
        try
        {
            return format switch
            {
                "x9.37" => ReadCashLetter(bytes, document, options, cancellationToken),
                "pdf" => Pages(format, document, new PdfScanReader(engine, (pdfOptions ?? new PdfScanOptions()) with { MaxPages = options.MaxPages }).Read(new MemoryStream(bytes, writable: false), options.Language, cancellationToken)),
                "tiff" => Pages(format, document, engine.ReadPages(bytes, options.Language, options.MaxPages, cancellationToken)),
                "image" => Pages(format, document, [engine.Read(bytes, options.Language, cancellationToken)]),
                _ => Refused(format, document, ProblemCodes.UnknownFormat, "the file is not a scan: not a PNG, JPEG, TIFF, BMP, GIF or WebP image, a PDF or an X9.37 image cash letter"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or TimeoutException)
        {
            return Refused(format, document, ProblemCodes.ScanUnreadable, $"the {format} could not be read: {e.Message}");
        }
    }

    /// <summary>The kind of scan by its first bytes: image, tiff, pdf, x9.37 or unknown.</summary>
    internal static string Detect(ReadOnlySpan<byte> head)
    {
        if (TesseractEngine.IsTiff(head))
        {
            return "tiff";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || head.StartsWith("BM"u8) || head.StartsWith("GIF8"u8)
            || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)))
        {
            return "image";
        }

        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return "pdf";
        }

        return head.Length > 6 && X937Record.TryDetect(head[4..], out _) ? "x9.37" : "unknown";
    }

    private ScanDocument ReadCashLetter(byte[] bytes, string document, ScanOptions options, CancellationToken cancellationToken)
    {
        var letter = X937Reader.Read(bytes, document);
        if (letter.HasErrors)
        {
            return new ScanDocument("x9.37", [], [.. letter.Problems]);
        }

        var pages = new List<ScannedPage>();
        var problems = letter.Problems.ToList();
        foreach (var (check, index) in letter.Checks.Select((c, i) => (c, i + 1)))
        {
            var capture = Capture(check);
            var page = check.Front is { } front
                ? engine.Read(front.Data, options.Language, cancellationToken)
                : new OcrPage(0, 0, 0, [], "none: the cheque has no front image");
            pages.Add(new ScannedPage(document, index, page) { Capture = capture });
        }

        return new ScanDocument("x9.37", pages, problems);
    }

    private static BankCapture Capture(X937Check check)
    {
        var micr = check.Micr;
        var serial = micr.SerialNumber;
        var onUs = micr.OnUs.Trim().Trim('/').Trim();
        var account = serial is not null && micr.AuxiliaryOnUs.Length == 0 && onUs.StartsWith(serial, StringComparison.Ordinal)
            ? onUs[serial.Length..].TrimStart('-', '/', ' ')
            : onUs;
        return new BankCapture(
            string.Create(CultureInfo.InvariantCulture, $"item {check.ItemSequenceNumber} (record {check.RecordNumber})"),
            check.Amount,
            serial,
            micr.RoutingNumber,
            account.Length == 0 ? null : account,
            micr.CheckDigitValid,
            check.BundleBusinessDate);
    }

    private static ScanDocument Pages(string format, string document, IReadOnlyList<OcrPage> pages)
        => new(format, [.. pages.Select((p, i) => new ScannedPage(document, i + 1, p))], []);

    private static ScanDocument Refused(string format, string document, string code, string message)
        => new(format, [], [Problem.Error(code, $"'{document}': {message}.", new SourceLocation(document))]);

    private static byte[]? ReadLimited(Stream file, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
