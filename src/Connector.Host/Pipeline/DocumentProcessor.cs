using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Host.Pipeline;

/// <summary>
/// Reads one stored document with its profile, matches and validates every invoice, and stores each record as Ready,
/// Exception or Skipped, in chunks of one transaction each. A document interrupted by a crash is read again from the
/// start; records already stored (same document, same ordinal) are not stored twice.
/// </summary>
internal sealed partial class DocumentProcessor(IConnectorStore store, ConnectorPaths paths, TimeProvider clock, int chunkSize = DocumentProcessor.DefaultChunkSize)
{
    /// <summary>Records stored per transaction.</summary>
    public const int DefaultChunkSize = 2_000;

    public DocumentOutcome Process(EntityRuntime entity, DocumentInfo document, MappingProfile profile, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var stored = store.StoredOrdinals(document.Id);
        var context = new DocumentReadContext(document.OriginalName) { EInvoices = entity.EInvoices };
        var chunk = new Chunk(this, entity, document, chunkSize);
        var control = new Dictionary<string, (int Count, decimal Amount)>(StringComparer.Ordinal);
        var ordinal = 0;

        try
        {
            using (var file = new FileStream(paths.Resolve(document.ArchivePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var stream = new ProgressStream(file, bytesRead))
            {
                foreach (var mapped in Guarded(InvoiceDocumentReader.Read(stream, profile, entity.Code, context), context))
                {
                    ordinal++;
                    var invoice = mapped.Invoice;
                    var currency = invoice.Currency ?? "(none)";
                    var net = invoice.NetTotal;
                    var total = control.GetValueOrDefault(currency);
                    control[currency] = (total.Count + 1, total.Amount + net);

                    var key = IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number);
                    var item = new Pending(ordinal, mapped, key, net, stored.Contains(ordinal));
                    if (!chunk.Add(item))
                    {
                        continue;
                    }

                    chunk.Store(clock.GetUtcNow());
                    if (cancellationToken.IsCancellationRequested)
                    {
                        // Stored so far is kept; the document stays Received and is resumed at the next start.
                        chunk.Flush();
                        return new DocumentOutcome(document.Id, DocumentStatus.Received, context.Problems, chunk.Counts, Interrupted: true);
                    }
                }
            }

            chunk.Store(clock.GetUtcNow());
            chunk.Flush();
        }
        catch
        {
            chunk.Settle();
            throw;
        }

        var status = context.Failed ? DocumentStatus.Failed
            : context.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? DocumentStatus.ProcessedWithErrors
            : DocumentStatus.Processed;
        var totals = control.Select(c => new ControlTotal(c.Key, c.Value.Count, c.Value.Amount)).OrderBy(c => c.Currency, StringComparer.Ordinal).ToList();
        store.CompleteDocument(document.Id, status, context.Problems, ordinal, totals);
        return new DocumentOutcome(document.Id, status, context.Problems, chunk.Counts, Interrupted: false);
    }

    private IConnectorStore Store => store;

    /// <summary>
    /// Readers report bad content as problems; should one still throw (a defect, or a library meeting a file it cannot
    /// handle), the document fails with the error instead of failing the run, and every later run, again and again.
    /// </summary>
    internal static IEnumerable<MappedInvoice> Guarded(IEnumerable<MappedInvoice> source, DocumentReadContext context)
    {
        using var reader = source.GetEnumerator();
        while (true)
        {
            MappedInvoice current;
            try
            {
                if (!reader.MoveNext())
                {
                    yield break;
                }

                current = reader.Current;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Fail(Problem.Error(ProblemCodes.ReadFailed, $"reading stopped at an unexpected error ({e.GetType().Name}: {e.Message}); the invoices read before it went on", context.At()));
                yield break;
            }

            yield return current;
        }
    }

    private DuplicateVerdict CheckDuplicate(string key, Invoice invoice, string hash, Dictionary<string, (string Hash, int? Line)> seen, IReadOnlyDictionary<string, RecordInfo> live, Dictionary<long, string?> origins)
    {
        if (seen.TryGetValue(key, out var earlier))
        {
            var where = earlier.Line is { } line ? $"line {line}" : "earlier";
            return earlier.Hash == hash
                ? new DuplicateVerdict(DuplicateKind.SameContent, $"the same invoice {invoice.Number} appears again in this document ({where})", null)
                : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {invoice.Number} appears twice in this document with different content ({where} and line {invoice.Source.Line})", null);
        }

        if (!live.TryGetValue(key, out var existing))
        {
            return DuplicateVerdict.None;
        }

        if (!origins.TryGetValue(existing.DocumentId, out var name))
        {
            origins[existing.DocumentId] = name = store.GetDocument(existing.DocumentId)?.OriginalName;
        }

        var origin = name ?? $"document {existing.DocumentId}";
        if (existing.ContentHash == hash)
        {
            return new DuplicateVerdict(DuplicateKind.SameContent, $"duplicate of record {existing.Id} from '{origin}' ({existing.State})", null);
        }

        return existing.State == RecordState.Exception
            ? new DuplicateVerdict(DuplicateKind.None, null, existing.Id)
            : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {invoice.Number} was already received in '{origin}' (record {existing.Id}, {existing.State}) with different content", null);
    }

    private static NewRecord ToRecord(DocumentInfo document, int ordinal, string entity, RecordEvaluation e, decimal net)
        => new(
            document.Id,
            ordinal,
            document.RunId,
            entity,
            e.IdempotencyKey,
            e.ContentHash,
            e.Invoice.Number,
            IdempotencyKey.TypeCode(e.Invoice.Kind),
            e.Invoice.Currency,
            net,
            e.Invoice.Lines.Count,
            e.State,
            StoreJson.Pack(e.Invoice),
            e.Problems,
            e.SkipReason,
            e.Exception,
            e.Supersedes);
}

/// <summary>An invoice read, waiting for its chunk; <c>Stored</c> when a run before a crash stored it already.</summary>
internal sealed record Pending(int Ordinal, MappedInvoice Mapped, string Key, decimal NetTotal, bool Stored);

internal sealed record DocumentOutcome(long DocumentId, DocumentStatus Status, IReadOnlyList<Problem> Problems, IReadOnlyDictionary<RecordState, int> Counts, bool Interrupted)
{
    /// <summary>For a bank document: its payments stored by this reading, by state.</summary>
    public IReadOnlyDictionary<RemittanceState, int> Payments { get; init; } = new Dictionary<RemittanceState, int>();
}
