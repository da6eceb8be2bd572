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
internal sealed class DocumentProcessor(IConnectorStore store, ConnectorPaths paths, TimeProvider clock, int chunkSize = DocumentProcessor.DefaultChunkSize)
{
    /// <summary>Records stored per transaction.</summary>
    public const int DefaultChunkSize = 2_000;

    public DocumentOutcome Process(EntityRuntime entity, DocumentInfo document, MappingProfile profile, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var stored = store.StoredOrdinals(document.Id);
        var context = new DocumentReadContext(document.OriginalName);
        var seen = new Dictionary<string, (string Hash, int? Line)>(StringComparer.Ordinal);
        var control = new Dictionary<string, (int Count, decimal Amount)>(StringComparer.Ordinal);
        var buffer = new List<NewRecord>(chunkSize);
        var counts = new Dictionary<RecordState, int>();
        var ordinal = 0;

        using (var file = new FileStream(paths.Resolve(document.ArchivePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var stream = new ProgressStream(file, bytesRead))
        {
            foreach (var mapped in InvoiceDocumentReader.Read(stream, profile, entity.Code, context))
            {
                ordinal++;
                var invoice = mapped.Invoice;
                var currency = invoice.Currency ?? "(none)";
                var total = control.GetValueOrDefault(currency);
                control[currency] = (total.Count + 1, total.Amount + invoice.NetTotal);

                var key = IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number);
                if (stored.Contains(ordinal))
                {
                    seen.TryAdd(key, (RecordEvaluator.ContentHash(invoice), invoice.Source.Line));
                    continue;
                }

                var duplicate = CheckDuplicate(entity.Code, key, invoice, seen);
                var evaluation = RecordEvaluator.Evaluate(entity, invoice, mapped.Problems, duplicate);
                seen.TryAdd(key, (evaluation.ContentHash, invoice.Source.Line));
                counts[evaluation.State] = counts.GetValueOrDefault(evaluation.State) + 1;
                buffer.Add(ToRecord(document, ordinal, entity.Code, evaluation));
                if (buffer.Count >= chunkSize)
                {
                    store.AddRecords(buffer, clock.GetUtcNow());
                    buffer.Clear();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        // Stored so far is kept; the document stays Received and is resumed at the next start.
                        return new DocumentOutcome(document.Id, DocumentStatus.Received, context.Problems, counts, Interrupted: true);
                    }
                }
            }
        }

        store.AddRecords(buffer, clock.GetUtcNow());
        var status = context.Failed ? DocumentStatus.Failed
            : context.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? DocumentStatus.ProcessedWithErrors
            : DocumentStatus.Processed;
        var totals = control.Select(c => new ControlTotal(c.Key, c.Value.Count, c.Value.Amount)).OrderBy(c => c.Currency, StringComparer.Ordinal).ToList();
        store.CompleteDocument(document.Id, status, context.Problems, ordinal, totals);
        return new DocumentOutcome(document.Id, status, context.Problems, counts, Interrupted: false);
    }

    private DuplicateVerdict CheckDuplicate(string entity, string key, Invoice invoice, Dictionary<string, (string Hash, int? Line)> seen)
    {
        var hash = RecordEvaluator.ContentHash(invoice);
        if (seen.TryGetValue(key, out var earlier))
        {
            var where = earlier.Line is { } line ? $"line {line}" : "earlier";
            return earlier.Hash == hash
                ? new DuplicateVerdict(DuplicateKind.SameContent, $"the same invoice {invoice.Number} appears again in this document ({where})", null)
                : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {invoice.Number} appears twice in this document with different content ({where} and line {invoice.Source.Line})", null);
        }

        var existing = store.FindLiveByKey(entity, key);
        if (existing is null)
        {
            return DuplicateVerdict.None;
        }

        var origin = store.GetDocument(existing.DocumentId)?.OriginalName ?? $"document {existing.DocumentId}";
        if (existing.ContentHash == hash)
        {
            return new DuplicateVerdict(DuplicateKind.SameContent, $"duplicate of record {existing.Id} from '{origin}' ({existing.State})", null);
        }

        return existing.State == RecordState.Exception
            ? new DuplicateVerdict(DuplicateKind.None, null, existing.Id)
            : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {invoice.Number} was already received in '{origin}' (record {existing.Id}, {existing.State}) with different content", null);
    }

    private static NewRecord ToRecord(DocumentInfo document, int ordinal, string entity, RecordEvaluation e)
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
            e.Invoice.NetTotal,
            e.Invoice.Lines.Count,
            e.State,
            StoreJson.Serialize(e.Invoice),
            e.Problems,
            e.SkipReason,
            e.Exception,
            e.Supersedes);
}

internal sealed record DocumentOutcome(long DocumentId, DocumentStatus Status, IReadOnlyList<Problem> Problems, IReadOnlyDictionary<RecordState, int> Counts, bool Interrupted);
