using System.Diagnostics;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Reading;

namespace Connector.Host.Bench;

/// <summary>The figures of one kind of e-invoice document.</summary>
internal sealed record EInvoiceBenchRow(string Kind, int Files, int Documents, TimeSpan Elapsed, int Workers)
{
    public double PerSecond => Documents / Elapsed.TotalSeconds;

    public double MillisecondsEach => Elapsed.TotalMilliseconds * Workers / Documents;
}

/// <summary>What one PDF costs: the external processes (pdfdetach, pdfinfo) against parsing its XML in memory.</summary>
internal sealed record PdfCost(int Documents, double ExtractMilliseconds, double ParseMilliseconds)
{
    public double Ratio => ExtractMilliseconds / ParseMilliseconds;
}

internal sealed record EInvoiceBenchResult(IReadOnlyList<EInvoiceBenchRow> Rows, PdfCost? Pdf, IReadOnlyList<string> Skipped);

/// <summary>
/// <c>connector bench einvoice</c>: reads the given e-invoices (UBL, CII, Factur-X / ZUGFeRD PDFs) over and over for a
/// while per kind, through the whole reading path (detection, XML, EN 16931 checks, mapping to the canonical invoice;
/// for PDFs the poppler processes too), and times what a PDF's external processes cost against its XML.
/// </summary>
internal sealed class EInvoiceBench(IReadOnlyList<string> files, TimeSpan duration, PdfToolOptions tools)
{
    public EInvoiceBenchResult Run(Action<string> say)
    {
        var extractor = new PopplerPdfAttachments(tools);
        var byKind = new Dictionary<string, List<(string Path, byte[] Bytes)>>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            using var stream = new MemoryStream(bytes, writable: false);
            var kind = EInvoiceXml.Detect(stream) switch
            {
                EInvoiceFormat.Pdf => "Factur-X / ZUGFeRD PDF",
                EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote => "UBL 2.1",
                EInvoiceFormat.Cii => "CII",
                EInvoiceFormat.Zugferd1 => "ZUGFeRD 1.0 XML",
                _ => null,
            };
            if (kind is null || !Reads(file, bytes, extractor))
            {
                skipped.Add(Path.GetFileName(file));
                continue;
            }

            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add((file, bytes));
        }

        var rows = new List<EInvoiceBenchRow>();
        foreach (var (kind, documents) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            say($"{kind}: {documents.Count} files, {duration.TotalSeconds:0} s...");
            rows.Add(Measure(kind, documents, extractor, workers: 1));
            if (kind.EndsWith("PDF", StringComparison.Ordinal) && Environment.ProcessorCount > 1)
            {
                rows.Add(Measure(kind, documents, extractor, workers: Environment.ProcessorCount));
            }
        }

        var pdfs = byKind.Where(k => k.Key.EndsWith("PDF", StringComparison.Ordinal)).SelectMany(k => k.Value).ToList();
        return new EInvoiceBenchResult(rows, pdfs.Count == 0 ? null : Cost(pdfs, extractor), skipped);
    }

    /// <summary>Only documents that read without failing are timed (a broken file would time the error path).</summary>
    private static bool Reads(string path, byte[] bytes, IPdfAttachmentExtractor extractor)
    {
        var context = Context(path, extractor);
        using var stream = new MemoryStream(bytes, writable: false);
        var document = EInvoiceDocumentReader.ReadDocument(stream, null, "BENCH", context);
        return !context.Failed && document.Record is not null;
    }

    private EInvoiceBenchRow Measure(string kind, List<(string Path, byte[] Bytes)> documents, IPdfAttachmentExtractor extractor, int workers)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            for (var i = worker; clock.Elapsed < duration; i += workers)
            {
                var (path, bytes) = documents[i % documents.Count];
                using var stream = kind.EndsWith("PDF", StringComparison.Ordinal)
                    ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)
                    : (Stream)new MemoryStream(bytes, writable: false);
                var document = EInvoiceDocumentReader.ReadDocument(stream, null, "BENCH", Context(path, extractor));
                if (document.Record is null)
                {
                    throw new InvalidOperationException($"{path} stopped reading during the benchmark.");
                }

                Interlocked.Increment(ref count);
            }
        });
        return new EInvoiceBenchRow(kind, documents.Count, count, clock.Elapsed, workers);
    }

    /// <summary>Per PDF: the extraction (external processes) alone, and the XML it gave read in memory, each averaged.</summary>
    private PdfCost Cost(List<(string Path, byte[] Bytes)> pdfs, PopplerPdfAttachments extractor)
    {
        var extract = TimeSpan.Zero;
        var parse = TimeSpan.Zero;
        var documents = 0;
        var parses = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var (path, _) = pdfs[documents % pdfs.Count];
            var started = clock.Elapsed;
            PdfExtraction extraction;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                extraction = extractor.Extract(stream);
            }

            extract += clock.Elapsed - started;
            documents++;
            var xml = extraction.Attachments.FirstOrDefault(a => a.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
            if (xml is null)
            {
                continue;
            }

            // The XML is small: read it many times to time it well, then count the average.
            const int repeat = 50;
            var parseStart = clock.Elapsed;
            for (var i = 0; i < repeat; i++)
            {
                using var memory = new MemoryStream(xml.Content, writable: false);
                EInvoiceDocumentReader.ReadDocument(memory, null, "BENCH", Context(path, extractor));
            }

            parse += (clock.Elapsed - parseStart) / repeat;
            parses++;
        }

        return new PdfCost(documents, extract.TotalMilliseconds / documents, parse.TotalMilliseconds / Math.Max(1, parses));
    }

    private static DocumentReadContext Context(string path, IPdfAttachmentExtractor extractor)
        => new(Path.GetFileName(path)) { EInvoices = new EInvoiceReading(extractor, null, null) };
}
