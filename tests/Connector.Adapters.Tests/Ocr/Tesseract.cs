using Connector.Adapters.Tests.EInvoicing;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>A fact that runs libtesseract and pdftoppm (a scanned PDF): skipped, saying why, when either is missing; failed instead under CI.</summary>
internal sealed class TesseractPdfFactAttribute : FactAttribute
{
    public TesseractPdfFactAttribute() => Skip = PdfSkipReason();

    /// <summary>Why a test on scanned PDFs cannot run, or null.</summary>
    public static string? PdfSkipReason()
        => Tesseract.SkipReason(corpus: false) ?? (!Poppler.IsInstalled && !Poppler.InCi ? Poppler.Missing : null);
}
