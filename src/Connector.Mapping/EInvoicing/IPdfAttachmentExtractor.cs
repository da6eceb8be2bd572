namespace Connector.Mapping.EInvoicing;

/// <summary>How taking the embedded files out of a PDF went.</summary>
internal enum PdfExtractionStatus
{
    /// <summary>The PDF was read; <see cref="PdfExtraction.Attachments"/> holds its embedded files (possibly none).</summary>
    Ok,

    /// <summary>The extraction tool is not installed: nothing is wrong with the document; try again once it is.</summary>
    ToolMissing,

    /// <summary>The tool did not finish within the time limit: the document is failed and kept.</summary>
    TimedOut,

    /// <summary>The tool could not read the PDF (damaged, encrypted, not a PDF).</summary>
    Unreadable,

    /// <summary>An embedded file, or all of them together, is larger than the limit.</summary>
    TooLarge,
}

/// <summary>One file embedded in a PDF. <see cref="Name"/> is as the PDF names it: for display and choosing only, never a path.</summary>
internal sealed record PdfAttachment(string Name, byte[] Content);

/// <summary>The embedded files of a PDF, and what its XMP metadata claims (Factur-X / ZUGFeRD extension schema), when present.</summary>
internal sealed record PdfExtraction(
    PdfExtractionStatus Status,
    IReadOnlyList<PdfAttachment> Attachments,
    string? Message = null,
    string? XmpConformanceLevel = null,
    string? XmpDocumentFileName = null)
{
    public static PdfExtraction Failed(PdfExtractionStatus status, string message) => new(status, [], message);
}

/// <summary>
/// Takes the embedded files out of a PDF (Factur-X, ZUGFeRD, XRechnung in PDF). Implemented at the edge (poppler's
/// <c>pdfdetach</c>, run as a separate process with a time limit); the readers in Mapping only see its result.
/// Thread-safe; never throws for a bad PDF (the status says what went wrong).
/// </summary>
internal interface IPdfAttachmentExtractor
{
    /// <summary>Reads the PDF at <paramref name="pdf"/> (a file stream is read in place, any other stream is copied to a private temporary file first).</summary>
    PdfExtraction Extract(Stream pdf, CancellationToken cancellationToken = default);
}
