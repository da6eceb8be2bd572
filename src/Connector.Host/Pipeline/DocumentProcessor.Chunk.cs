using Connector.Host.Store;

namespace Connector.Host.Pipeline;

internal sealed partial class DocumentProcessor
{
    /// <summary>
    /// The invoices of one transaction, evaluated in document order when the chunk is full. The store is asked once per
    /// chunk for the live records of the chunk's keys (instead of once per invoice): it holds what it held before the
    /// chunk, which is what each invoice of the chunk saw when they were looked up one by one, since the chunk's own
    /// records are only written at its end and repeats inside the document are found in memory first.
    /// </summary>
    private sealed class Chunk(DocumentProcessor processor, EntityRuntime entity, DocumentInfo document, int size)
    {
        private static readonly IReadOnlyDictionary<string, RecordInfo> NoneLive = new Dictionary<string, RecordInfo>();

        private readonly List<Pending> _pending = new(size);
        private readonly List<NewRecord> _records = new(size);
        private readonly List<string> _keys = new(size);
        private readonly Dictionary<string, (string Hash, int? Line)> _seen = new(StringComparer.Ordinal);
        private readonly Dictionary<long, string?> _origins = [];
        private readonly Dictionary<RecordState, int> _counts = [];
        private int _toStore;

        public IReadOnlyDictionary<RecordState, int> Counts => _counts;

        /// <summary>Adds an invoice; true when the chunk holds as many records to store as a transaction takes.</summary>
        public bool Add(Pending item)
        {
            _pending.Add(item);
            if (!item.Stored)
            {
                _toStore++;
            }

            return _toStore >= size;
        }

        /// <summary>Evaluates the chunk's invoices in order and stores their records in one transaction.</summary>
        public void Store(DateTimeOffset at)
        {
            _keys.Clear();
            foreach (var p in _pending)
            {
                if (!p.Stored && !_seen.ContainsKey(p.Key))
                {
                    _keys.Add(p.Key);
                }
            }

            var live = _keys.Count == 0 ? NoneLive : processor.Store.FindLiveByKeys(entity.Code, _keys);
            foreach (var p in _pending)
            {
                var invoice = p.Mapped.Invoice;
                if (p.Stored)
                {
                    _seen.TryAdd(p.Key, (p.Hash, invoice.Source.Line));
                    continue;
                }

                var duplicate = processor.CheckDuplicate(p.Key, invoice, p.Hash, _seen, live, _origins);
                var evaluation = RecordEvaluator.Evaluate(entity, invoice, p.Mapped.Problems, duplicate, contentHash: p.Hash);
                _seen.TryAdd(p.Key, (evaluation.ContentHash, invoice.Source.Line));
                _counts[evaluation.State] = _counts.GetValueOrDefault(evaluation.State) + 1;
                _records.Add(ToRecord(document, p.Ordinal, entity.Code, evaluation, p.NetTotal));
            }

            _pending.Clear();
            _toStore = 0;
            processor.Store.AddRecords(_records, at);
            _records.Clear();
        }
    }
}
