using System.Globalization;
using System.Runtime.InteropServices;
using Connector.Adapters.EInvoicing;
using Connector.Adapters.Sources.X937;

namespace Connector.Adapters.Ocr;

/// <summary>
/// Finds one page of a scanned file, as leptonica reads it: a TIFF's N-th page, a PDF's N-th page rendered by pdftoppm,
/// the front image of an X9.37 file's N-th cheque, or any other image's only page. Null when the file has no such page.
/// </summary>
internal static class ScanPageReader
{
    public static PixHandle? Read(ReadOnlyMemory<byte> file, int page, PdfScanOptions pdf, CancellationToken ct)
    {
        var bytes = file.Span;
        if (bytes.IsEmpty)
        {
            throw new InvalidDataException("The scanned file is empty.");
        }

        if (TesseractEngine.IsTiff(bytes))
        {
            return TiffPage(file, page, ct);
        }

        if (IsPdf(bytes))
        {
            return PdfPage(file, page, pdf, ct);
        }

        if (bytes.Length >= 6 && X937Record.TryDetect(bytes[4..], out _))
        {
            return ChequeFront(file, page);
        }

        var image = Decode(bytes) ?? throw new InvalidDataException("The scanned file is not an image leptonica can read (PNG, JPEG, TIFF, BMP, GIF, WebP, PNM), a PDF or an X9.37 file.");
        if (page == 1)
        {
            return image;
        }

        image.Dispose();
        return null;
    }

    /// <summary>A PDF starts with <c>%PDF-</c>, which readers accept within the first 1024 bytes.</summary>
    internal static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    private static PixHandle? TiffPage(ReadOnlyMemory<byte> file, int page, CancellationToken ct)
    {
        nuint offset = 0;
        for (var number = 1; ; number++)
        {
            ct.ThrowIfCancellationRequested();
            var pix = PixHandle.Own(LeptonicaNative.pixReadMemFromMultipageTiff(ref MemoryMarshal.GetReference(file.Span), (nuint)file.Length, ref offset))
                ?? throw new InvalidDataException($"Page {number.ToString(CultureInfo.InvariantCulture)} of the TIFF cannot be read.");
            if (number == page)
            {
                return pix;
            }

            pix.Dispose();
            if (offset == 0)
            {
                return null;
            }
        }
    }

    private static PixHandle? ChequeFront(ReadOnlyMemory<byte> file, int page)
    {
        var cashLetter = X937Reader.Read(file, "scan");
        if (page > cashLetter.Checks.Count || cashLetter.Checks[page - 1].Front is not { } front)
        {
            return null;
        }

        return Decode(front.Data.Span)
            ?? throw new InvalidDataException($"The front image of cheque {page.ToString(CultureInfo.InvariantCulture)} ({front.Format}, {front.Compression}) cannot be read.");
    }

    private static PixHandle? PdfPage(ReadOnlyMemory<byte> file, int page, PdfScanOptions options, CancellationToken ct)
    {
        using var folder = PdfWorkFolder.Create(options.WorkRoot);
        string input;
        using (var source = new MemoryStream(file.ToArray(), writable: false))
        {
            input = folder.CopyIn(source, "scan.pdf", ct);
        }

        var prefix = folder.File("page");
        var number = page.ToString(CultureInfo.InvariantCulture);
        var run = PdfToolRunner.Run(
            options.PdfToPpm,
            ["-r", options.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", "-f", number, "-l", number, input, prefix],
            options.Timeout,
            maxStdOutChars: 4096,
            ct);
        switch (run.Outcome)
        {
            case ToolRunOutcome.Missing:
                throw new OcrUnavailableException($"pdftoppm could not be started ({run.FirstErrorLine}): install poppler-utils to show scanned PDFs.");
            case ToolRunOutcome.TimedOut:
                throw new TimeoutException($"pdftoppm did not render page {number} of the PDF within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
            case ToolRunOutcome.Exited when run.ExitCode != 0 && run.StdErr.Contains("Wrong page range", StringComparison.OrdinalIgnoreCase):
                return null;
            case ToolRunOutcome.Exited when run.ExitCode != 0:
                throw new InvalidDataException($"pdftoppm could not render page {number} of the PDF (exit {run.ExitCode.ToString(CultureInfo.InvariantCulture)}): {run.FirstErrorLine}");
        }

        var png = prefix + ".png";
        if (!File.Exists(png))
        {
            throw new InvalidDataException($"pdftoppm rendered no image for page {number} of the PDF.");
        }

        return Decode(File.ReadAllBytes(png)) ?? throw new InvalidDataException($"The image pdftoppm rendered for page {number} cannot be read.");
    }

    private static PixHandle? Decode(ReadOnlySpan<byte> image)
        => image.IsEmpty ? null : PixHandle.Own(LeptonicaNative.pixReadMem(ref MemoryMarshal.GetReference(image), (nuint)image.Length));
}
