using System.Globalization;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Ocr;

/// <summary>Where poppler's pdftoppm is and the limits put on rasterising one scanned PDF.</summary>
internal sealed record PdfScanOptions
{
    public const string PdfToPpmVariable = "CONNECTOR_PDFTOPPM";

    /// <summary>poppler's <c>pdftoppm</c>; from <c>CONNECTOR_PDFTOPPM</c> when set.</summary>
    public string PdfToPpm { get; init; } = NonEmpty(Environment.GetEnvironmentVariable(PdfToPpmVariable)) ?? "pdftoppm";

    /// <summary>The resolution the pages are rendered at (the OCR recipe's 300 dpi).</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>The most pages rendered from one PDF; further pages are not read.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>How long pdftoppm may take for the whole PDF before it is killed (with its children).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the private work folders are made (default: the system's temporary folder).</summary>
    public string? WorkRoot { get; init; }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Reads a scanned PDF: <c>pdftoppm -r 300 -png</c> renders its pages into a private temporary folder (deleted
/// afterwards) within a time limit, and each page image is read by the OCR engine, in page order. Throws
/// <see cref="OcrUnavailableException"/> when pdftoppm is missing, <see cref="InvalidDataException"/> when the PDF
/// cannot be rendered, <see cref="TimeoutException"/> when it overruns the limit.
/// </summary>
internal sealed class PdfScanReader(IOcrEngine engine, PdfScanOptions? options = null)
{
    private readonly PdfScanOptions _options = options ?? new PdfScanOptions();

    public IReadOnlyList<OcrPage> Read(Stream pdf, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var folder = PdfWorkFolder.Create(_options.WorkRoot);
        var input = folder.CopyIn(pdf, "scan.pdf", cancellationToken);
        var prefix = folder.File("page");
        var run = PdfToolRunner.Run(
            _options.PdfToPpm,
            ["-r", _options.Dpi.ToString(CultureInfo.InvariantCulture), "-png", "-f", "1", "-l", _options.MaxPages.ToString(CultureInfo.InvariantCulture), input, prefix],
            _options.Timeout,
            maxStdOutChars: 4096,
            cancellationToken);
        switch (run.Outcome)
        {
            case ToolRunOutcome.Missing:
                throw new OcrUnavailableException($"pdftoppm could not be started ({run.FirstErrorLine}): install poppler-utils to read scanned PDFs.");
            case ToolRunOutcome.TimedOut:
                throw new TimeoutException($"pdftoppm did not render the PDF within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
            case ToolRunOutcome.Exited when run.ExitCode != 0:
                throw new InvalidDataException($"pdftoppm could not render the PDF (exit {run.ExitCode.ToString(CultureInfo.InvariantCulture)}): {run.FirstErrorLine}");
        }

        var pages = Directory.GetFiles(folder.Path, "page-*.png")
            .Select(path => (Path: path, Number: PageNumber(path)))
            .Where(p => p.Number > 0)
            .OrderBy(p => p.Number)
            .ToList();
        if (pages.Count == 0)
        {
            throw new InvalidDataException("pdftoppm rendered no page from the PDF.");
        }

        return [.. pages.Select(p => engine.Read(File.ReadAllBytes(p.Path), language, cancellationToken))];
    }

    /// <summary>pdftoppm names pages <c>page-1.png</c>, or <c>page-01.png</c> / <c>page-001.png</c> for longer PDFs.</summary>
    private static int PageNumber(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return int.TryParse(name.AsSpan(name.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}
