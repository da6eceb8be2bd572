using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Ocr;
using Connector.Host.Store;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Microsoft.Extensions.Logging;

namespace Connector.Host.Pipeline;

internal sealed partial class RemittanceProcessor
{
    /// <summary>
    /// Reads the scanned files of one source taken in one run (in the order given: the scanner's order) through OCR,
    /// several at once on the engine's workers; pairs cheques with their stubs across the files
    /// (<see cref="ScanAssembler"/>); and settles each file's payments like a bank file's, each with what was read. A
    /// file that cannot be read fails alone with the reason; a payment whose checks fail waits for an operator with
    /// the field, its region and its readings, and is never posted as read.
    /// </summary>
    public async Task<IReadOnlyList<DocumentOutcome>> ProcessScansAsync(EntityRuntime entity, IInvoiceTarget target, IReadOnlyList<DocumentInfo> documents, MappingProfile profile, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var engine = OcrRuntime.Engine();
        var reader = new ScanDocumentReader(engine);
        var names = Names(documents);
        var read = new ScanDocument[documents.Count];
        var done = 0L;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, documents.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
            (i, token) =>
            {
                read[i] = ReadScan(reader, documents[i], names[i], profile.Scan, token);
                observer?.BytesRead(Interlocked.Add(ref done, documents[i].Size));
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

        var assembly = ScanAssembler.Assemble([.. read.Where(r => !r.Failed).SelectMany(r => r.Pages)], entity.Code, profile.Scan, entity.Definition.Currency, [entity.Definition.Name]);
        var outcomes = new List<DocumentOutcome>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (read[i].Failed)
            {
                store.CompleteDocument(document.Id, DocumentStatus.Failed, read[i].Problems, 0, []);
                outcomes.Add(new DocumentOutcome(document.Id, DocumentStatus.Failed, read[i].Problems, new Dictionary<RecordState, int>(), false));
                continue;
            }

            var mine = assembly.Payments.Where(p => p.Document == names[i]).ToList();
            var problems = read[i].Problems.Concat(assembly.Problems.Where(p => p.Location.Document == names[i])).ToList();
            var paired = assembly.Payments.Where(p => p.Document != names[i] && p.Readings.StubPages.Any(s => s.Document == names[i])).ToList();
            foreach (var payment in paired)
            {
                logger.LogInformation("The stub read from '{Stub}' goes with the cheque of '{Cheque}' and is stored with it", names[i], payment.Document);
            }
            var format = string.Create(CultureInfo.InvariantCulture, $"scan: {read[i].Format}, {read[i].Pages.Count} page(s)");
            outcomes.Add(await SettleAsync(entity, target, document, format, [.. mine.Select(p => p.Mapped)], [.. mine.Select(p => p.Readings)], problems, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private ScanDocument ReadScan(ScanDocumentReader reader, DocumentInfo document, string name, ScanOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var file = new FileStream(paths.Resolve(document.ArchivePath), FileMode.Open, FileAccess.Read, FileShare.Read);
            var scan = reader.Read(file, name, options, cancellationToken);
            logger.LogInformation("Scan '{Name}': {Format}, {Pages} page(s) read by OCR", name, scan.Format, scan.Pages.Count);
            return scan;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException and not OperationCanceledException and not OcrUnavailableException)
        {
            // A reader never throws for bad content; should one still (a defect), the file fails, not the run.
            return new ScanDocument("unknown", [], [Problem.Error(ProblemCodes.ReadFailed, $"reading stopped at an unexpected error ({e.GetType().Name}: {e.Message}); nothing was taken from the file", new SourceLocation(name))]);
        }
    }

    /// <summary>Each file's name as its pages are labelled: the name received, made unique within the batch.</summary>
    private static string[] Names(IReadOnlyList<DocumentInfo> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. documents.Select(d => seen.Add(d.OriginalName) ? d.OriginalName : string.Create(CultureInfo.InvariantCulture, $"{d.OriginalName} (document {d.Id})"))];
    }
}
