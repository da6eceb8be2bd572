using System.Globalization;
using System.Xml;
using Connector.Mapping.EInvoicing.Cii;
using Connector.Mapping.EInvoicing.Ubl;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// The entry to the e-invoice readers: tells a file's kind from its start, and reads a UBL 2.1, CII D16B (Factur-X,
/// ZUGFeRD 2.x, XRechnung) or ZUGFeRD 1.0 XML into the EN 16931 <see cref="EInvoice"/>, as written. Never throws for
/// bad content: what cannot be read comes back as problems.
/// </summary>
internal static class EInvoiceXml
{
    private const int DetectWindow = 64 * 1024;
    private const int PdfWindow = 1024;

    /// <summary>What the stream holds, from its first 64 KB; the stream must be seekable and its position is restored.</summary>
    public static EInvoiceFormat Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Detect needs a seekable stream (its position is restored).", nameof(stream));
        }

        var start = stream.Position;
        try
        {
            var buffer = new byte[DetectWindow];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Detect(buffer.AsSpan(0, length).ToArray());
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>What the bytes (a file's start, or the whole file) hold.</summary>
    public static EInvoiceFormat Detect(byte[] head)
    {
        if (StartsWithPdf(head))
        {
            return EInvoiceFormat.Pdf;
        }

        try
        {
            using var stream = new MemoryStream(head, writable: false);
            using var reader = XmlReader.Create(stream, SecureXml.Settings(0));
            if (reader.MoveToContent() == XmlNodeType.Element)
            {
                return XmlRoots.Classify(reader.LocalName, reader.NamespaceURI);
            }
        }
        catch (XmlException)
        {
            if (SecureXml.DoctypeLine(head) is not null)
            {
                return EInvoiceFormat.Unsafe;
            }
        }

        return HasPdfMarker(head) ? EInvoiceFormat.Pdf : EInvoiceFormat.NotXml;
    }

    /// <summary>
    /// Reads one e-invoice XML. <see cref="EInvoiceReadResult.Invoice"/> is null when the document cannot be read at all
    /// (not XML, unsafe, too large, another root, a PDF); then the reason is an error in the problems.
    /// </summary>
    public static EInvoiceReadResult Read(Stream xml, string documentName, EInvoiceReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        limits ??= EInvoiceReadLimits.Default;
        var problems = new List<Problem>();
        var content = ReadAll(xml, documentName, limits, problems);
        if (content is null)
        {
            return new EInvoiceReadResult(null, problems);
        }

        if (content.Length == 0)
        {
            return Fail(problems, ProblemCodes.EmptyFile, "The file is empty.", documentName);
        }

        if (StartsWithPdf(content) || (HasPdfMarker(content) && Detect(content.AsSpan(0, Math.Min(content.Length, DetectWindow)).ToArray()) == EInvoiceFormat.Pdf))
        {
            return Fail(problems, ProblemCodes.UnknownFormat, "The file is a PDF, not XML: take its embedded Factur-X / ZUGFeRD XML out first.", documentName);
        }

        var document = SecureXml.Load(content, documentName, limits, problems);
        if (document?.Root is not { } root)
        {
            return new EInvoiceReadResult(null, problems);
        }

        var format = XmlRoots.Classify(root.Name.LocalName, root.Name.NamespaceName);
        var context = new XmlReadContext(documentName);
        var invoice = format switch
        {
            EInvoiceFormat.UblInvoice => UblReader.Read(root, creditNote: false, context),
            EInvoiceFormat.UblCreditNote => UblReader.Read(root, creditNote: true, context),
            EInvoiceFormat.Cii => CiiReader.Read(root, CiiNames.D16B, context),
            EInvoiceFormat.Zugferd1 => CiiReader.Read(root, CiiNames.Zugferd1, context),
            _ => null,
        };

        if (invoice is null)
        {
            var spot = root.Spot();
            problems.Add(Problem.Error(
                ProblemCodes.EInvoiceUnknownRoot,
                $"The XML is {XmlRoots.Describe(root.Name.LocalName, root.Name.NamespaceName)}.",
                new SourceLocation(documentName, spot.Line, spot.Path),
                "root",
                root.Name.LocalName));
            return new EInvoiceReadResult(null, problems);
        }

        SyntaxRules.Check(root, format, invoice.Currency, context);
        problems.AddRange(context.Problems);
        return new EInvoiceReadResult(invoice, problems);
    }

    private static byte[]? ReadAll(Stream xml, string documentName, EInvoiceReadLimits limits, List<Problem> problems)
    {
        try
        {
            if (xml.CanSeek && xml.Length - xml.Position > limits.MaxBytes)
            {
                problems.Add(TooLarge(documentName, limits));
                return null;
            }

            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = xml.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + read > limits.MaxBytes)
                {
                    problems.Add(TooLarge(documentName, limits));
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
        catch (IOException ex)
        {
            problems.Add(Problem.Error(ProblemCodes.ReadFailed, $"The file could not be read: {ex.Message}", new SourceLocation(documentName)));
            return null;
        }
    }

    private static Problem TooLarge(string documentName, EInvoiceReadLimits limits)
        => Problem.Error(
            ProblemCodes.XmlLimitExceeded,
            $"The file is larger than {limits.MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes, the limit for an e-invoice; refused.",
            new SourceLocation(documentName));

    private static EInvoiceReadResult Fail(List<Problem> problems, string code, string message, string documentName)
    {
        problems.Add(Problem.Error(code, message, new SourceLocation(documentName)));
        return new EInvoiceReadResult(null, problems);
    }

    private static bool HasPdfMarker(byte[] content) => content.AsSpan(0, Math.Min(content.Length, PdfWindow + 5)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>True when <c>%PDF-</c> comes first, after optional whitespace (the common case; junk before it is checked only when the start is no XML).</summary>
    private static bool StartsWithPdf(byte[] content)
    {
        var i = 0;
        while (i < content.Length && i < PdfWindow && content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C or 0)
        {
            i++;
        }

        return content.AsSpan(i).StartsWith("%PDF-"u8);
    }
}
