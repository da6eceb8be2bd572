using System.Globalization;
using Connector.Mapping.EInvoicing.Checks;
using Connector.Mapping.EInvoicing.Mapping;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.EInvoicing;

/// <summary>One e-invoice document read: the XML found (in the file or embedded in its PDF), the EN 16931 invoice, the seller's route, the record.</summary>
internal sealed record EInvoiceDocument
{
    /// <summary><c>pdf</c>, <c>ubl</c>, <c>cii</c>, <c>zugferd1</c>, or what the file turned out to be.</summary>
    public required string Format { get; init; }

    /// <summary>For a PDF: the embedded file the invoice came from (display only).</summary>
    public string? EmbeddedFile { get; init; }

    /// <summary>For a PDF: the conformance level its XMP metadata claims.</summary>
    public string? XmpConformanceLevel { get; init; }

    public EInvoice? Invoice { get; init; }

    public SellerRoute? Route { get; init; }

    public MappedInvoice? Record { get; init; }
}

/// <summary>
/// Reads one e-invoice: a UBL or CII XML file, or a Factur-X / ZUGFeRD PDF whose embedded XML is taken out by the
/// extractor (the PDF stays the document of record). Detects the syntax from the root element, reads it, checks the
/// seller is the entity, runs the EN 16931 checks and maps it onto the canonical invoice. Document-level failures go to
/// the context (the document is failed and kept); rule failures travel with the record (an exception for an operator).
/// </summary>
internal static class EInvoiceDocumentReader
{
    /// <summary>Names of the invoice XML in a PDF, most preferred first (formats.md section 7).</summary>
    private static readonly string[] PreferredNames = ["factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml"];

    public static IEnumerable<MappedInvoice> Read(Stream stream, MappingProfile? profile, string entityCode, DocumentReadContext context)
    {
        var document = ReadDocument(stream, profile, entityCode, context);
        return document.Record is { } record && !context.Failed ? [record] : [];
    }

    public static EInvoiceDocument ReadDocument(Stream stream, MappingProfile? profile, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var seekable = Seekable(stream, context);
        if (seekable is null)
        {
            return new EInvoiceDocument { Format = "unknown" };
        }

        var format = EInvoiceXml.Detect(seekable);
        if (format == EInvoiceFormat.Pdf)
        {
            return FromPdf(seekable, profile, entityCode, context);
        }

        if (!IsInvoice(format))
        {
            context.Fail(NotAnInvoice(format, context));
            return new EInvoiceDocument { Format = Describe(format) };
        }

        context.RowsRead = 1;
        return FromXml(seekable, format, profile, entityCode, context, context.DocumentName, embedded: null, xmp: null);
    }

    private static EInvoiceDocument FromPdf(Stream pdf, MappingProfile? profile, string entityCode, DocumentReadContext context)
    {
        var extractor = context.EInvoices?.Pdf;
        if (extractor is null)
        {
            context.Fail(Problem.Error(ProblemCodes.PdfToolMissing, "This is a PDF, and no PDF reader is configured to take its embedded e-invoice out.", context.At()));
            return new EInvoiceDocument { Format = "pdf" };
        }

        var extraction = extractor.Extract(pdf);
        if (extraction.Status != PdfExtractionStatus.Ok)
        {
            var code = extraction.Status switch
            {
                PdfExtractionStatus.ToolMissing => ProblemCodes.PdfToolMissing,
                PdfExtractionStatus.TimedOut => ProblemCodes.PdfTimedOut,
                PdfExtractionStatus.TooLarge => ProblemCodes.PdfTooLarge,
                _ => ProblemCodes.PdfUnreadable,
            };
            context.Fail(Problem.Error(code, $"The PDF could not be read: {extraction.Message}. The document is kept.", context.At()));
            return new EInvoiceDocument { Format = "pdf" };
        }

        var candidates = new List<(PdfAttachment File, EInvoiceFormat Format)>();
        var others = new List<string>();
        foreach (var file in extraction.Attachments)
        {
            using var memory = new MemoryStream(file.Content, writable: false);
            var kind = EInvoiceXml.Detect(memory);
            if (IsInvoice(kind))
            {
                candidates.Add((file, kind));
            }
            else
            {
                others.Add($"{file.Name} ({Describe(kind)})");
            }
        }

        if (candidates.Count == 0)
        {
            var what = extraction.Attachments.Count == 0 ? "no embedded files" : $"no e-invoice among its embedded XML files ({string.Join(", ", others)})";
            context.Fail(Problem.Error(ProblemCodes.PdfNoEInvoice, $"The PDF carries {what}: it is not a Factur-X, ZUGFeRD or XRechnung invoice. A plain PDF invoice is no e-invoice; it is kept for a person to key or forward.", context.At()));
            return new EInvoiceDocument { Format = "pdf", XmpConformanceLevel = extraction.XmpConformanceLevel };
        }

        var chosen = candidates
            .OrderBy(c => c.Format == EInvoiceFormat.Zugferd1 ? 1 : 0)
            .ThenBy(c => Rank(c.File.Name))
            .First();
        context.RowsRead = 1;
        using var xml = new MemoryStream(chosen.File.Content, writable: false);
        var where = string.Create(CultureInfo.InvariantCulture, $"{context.DocumentName} (embedded {chosen.File.Name})");
        var document = FromXml(xml, chosen.Format, profile, entityCode, context, where, chosen.File.Name, extraction.XmpConformanceLevel);
        if (document is { Invoice: { } invoice, Record: { } record } && candidates.Count > 1
            && EmbeddedAgreement.Check(invoice, chosen.File.Name, candidates.Where(c => !ReferenceEquals(c.File, chosen.File)).Select(c => c.File), context.DocumentName) is { } disagreement)
        {
            document = document with { Record = record with { Problems = [.. record.Problems, disagreement] } };
        }

        return document with { Format = "pdf" };
    }

    private static EInvoiceDocument FromXml(Stream xml, EInvoiceFormat format, MappingProfile? profile, string entityCode, DocumentReadContext context, string where, string? embedded, string? xmp)
    {
        var read = EInvoiceXml.Read(xml, where);
        if (read.Invoice is not { } invoice)
        {
            foreach (var problem in read.Problems)
            {
                context.Fail(problem);
            }

            return new EInvoiceDocument { Format = Describe(format), EmbeddedFile = embedded, XmpConformanceLevel = xmp };
        }

        // A seller of another entity fails the document (nothing of it is posted), but the invoice is still checked
        // and mapped so that inspect can show the whole picture; Read gives the pipeline nothing of a failed document.
        var route = CheckSeller(invoice, context);

        var problems = new List<Problem>(read.Problems);
        problems.AddRange(En16931Checks.Check(invoice, where));
        if (embedded is not null && XmpRules.Check(xmp, invoice, where) is { } xmpProblem)
        {
            problems.Add(xmpProblem);
        }

        var label = SyntaxName(format) + (embedded is null ? string.Empty : " in PDF");
        var mapped = EInvoiceMapper.Map(invoice, profile, entityCode, new SourceLocation(context.DocumentName, invoice.SpotOf("BT-1").Line), label);
        return new EInvoiceDocument
        {
            Format = Describe(format),
            EmbeddedFile = embedded,
            XmpConformanceLevel = xmp,
            Invoice = invoice,
            Route = route,
            Record = mapped with { Problems = [.. problems, .. mapped.Problems] },
        };
    }

    /// <summary>The seller must be the entity the document arrived for; an invoice of another company is never posted into this one's books.</summary>
    private static SellerRoute? CheckSeller(EInvoice invoice, DocumentReadContext context)
    {
        if (context.EInvoices?.Sellers is not { } sellers)
        {
            return null;
        }

        var route = sellers.Route(invoice.Seller);
        if (context.EInvoices.Entity is not { } entity)
        {
            // Read to be routed (inspect without --entity): the route says which entity, nothing to check against.
            return route;
        }

        var at = new SourceLocation(context.DocumentName, invoice.Seller.Spot.Line, invoice.Seller.Spot.Path);
        if (route.Entity is { } found && !string.Equals(found.Code, entity.Code, StringComparison.Ordinal))
        {
            context.Fail(Problem.Error(ProblemCodes.EInvoiceSellerOtherEntity, $"The invoice was issued by entity {found.Code}, not {entity.Code}: {route.Reason}. It is kept and not posted; import it for {found.Code}.", at, "BT-31", invoice.Seller.VatId));
        }
        else if (route.Entity is null && !entity.Identifiers.IsEmpty)
        {
            context.Fail(Problem.Error(ProblemCodes.EInvoiceSellerUnknown, $"The seller is not entity {entity.Code}: {route.Reason}. It is kept and not posted.", at, "BT-31", invoice.Seller.VatId));
        }
        else if (route.Entity is null)
        {
            context.Report(Problem.Warning(ProblemCodes.EInvoiceSellerUnknown, $"Entity {entity.Code} has no identifiers: in its entity.yaml, so the seller could not be checked ({route.Reason}).", at, "BT-31", invoice.Seller.VatId));
        }

        return route;
    }

    private static int Rank(string name)
    {
        var index = Array.FindIndex(PreferredNames, n => string.Equals(n, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(PreferredNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index < 0 ? PreferredNames.Length : index;
    }

    private static bool IsInvoice(EInvoiceFormat format)
        => format is EInvoiceFormat.Cii or EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote or EInvoiceFormat.Zugferd1;

    private static string Describe(EInvoiceFormat format) => format switch
    {
        EInvoiceFormat.Pdf => "pdf",
        EInvoiceFormat.Cii => "cii",
        EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote => "ubl",
        EInvoiceFormat.Zugferd1 => "zugferd1",
        EInvoiceFormat.OrderX => "order-x",
        EInvoiceFormat.OtherXml => "other xml",
        EInvoiceFormat.Unsafe => "unsafe xml",
        _ => "not xml",
    };

    private static string SyntaxName(EInvoiceFormat format) => format switch
    {
        EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote => "UBL 2.1",
        EInvoiceFormat.Zugferd1 => "ZUGFeRD 1.0",
        _ => "CII",
    };

    private static Problem NotAnInvoice(EInvoiceFormat format, DocumentReadContext context) => format switch
    {
        EInvoiceFormat.Unsafe => Problem.Error(ProblemCodes.XmlUnsafe, "The XML declares a DTD (DOCTYPE): refused, as DTDs and external entities can read files or exhaust memory. E-invoices never need one.", context.At()),
        EInvoiceFormat.OrderX => Problem.Error(ProblemCodes.EInvoiceUnknownRoot, "This is an Order-X purchase order, not an invoice.", context.At()),
        EInvoiceFormat.OtherXml => Problem.Error(ProblemCodes.EInvoiceUnknownRoot, "This XML is not a UBL Invoice or CreditNote, a CII CrossIndustryInvoice or a ZUGFeRD 1.0 CrossIndustryDocument.", context.At()),
        _ => Problem.Error(ProblemCodes.UnknownFormat, "The file is neither XML nor PDF: not an e-invoice.", context.At()),
    };

    /// <summary>Detection and the PDF copy need to go back to the start: a stream that cannot seek is buffered (up to the size limit).</summary>
    private static Stream? Seekable(Stream stream, DocumentReadContext context)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > context.Limits.MaxEInvoiceBytes)
            {
                context.Fail(Problem.Error(ProblemCodes.FileTooLarge, $"The e-invoice is larger than {context.Limits.MaxEInvoiceBytes / (1024 * 1024)} MB: not read, kept.", context.At()));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
