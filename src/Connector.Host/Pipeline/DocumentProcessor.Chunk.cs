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
        private Task _write = Task.CompletedTask;
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

        /// <summary>
        /// Evaluates the chunk's invoices and stores their records in one transaction. Hashing, matching, validation
        /// and serialisation use every core; duplicate verdicts are decided in document order, as one by one.
        /// </summary>
        public void Store(DateTimeOffset at)
        {
            var mapped = _pending.Select(p => p.Mapped).ToList();
            var hashes = ChunkEvaluation.Hashes(mapped);
            _keys.Clear();
            foreach (var p in _pending)
            {
                if (!p.Stored && !_seen.ContainsKey(p.Key))
                {
                    _keys.Add(p.Key);
                }
            }

            var live = _keys.Count == 0 ? NoneLive : processor.Store.FindLiveByKeys(entity.Code, _keys);
            var verdicts = new DuplicateVerdict?[_pending.Count];
            for (var i = 0; i < _pending.Count; i++)
            {
                var p = _pending[i];
                var invoice = p.Mapped.Invoice;
                if (!p.Stored)
                {
                    verdicts[i] = processor.CheckDuplicate(p.Key, invoice, hashes[i], _seen, live, _origins);
                }

                _seen.TryAdd(p.Key, (hashes[i], invoice.Source.Line));
            }

            var evaluations = ChunkEvaluation.Evaluate(entity, mapped, verdicts, hashes);
            var records = new NewRecord?[_pending.Count];
            Parallel.For(0, _pending.Count, i =>
            {
                if (evaluations[i] is { } evaluation)
                {
                    records[i] = ToRecord(document, _pending[i].Ordinal, entity.Code, evaluation, _pending[i].NetTotal);
                }
            });

            var toStore = new List<NewRecord>(_toStore);
            foreach (var record in records)
            {
                if (record is not null)
                {
                    _counts[record.State] = _counts.GetValueOrDefault(record.State) + 1;
                    toStore.Add(record);
                }
            }

            _pending.Clear();
            _toStore = 0;

            // One writer, chunks in order: the previous chunk is committed before this one is written. The write runs
            // while the next chunk is read and evaluated.
            Flush();
            _write = Task.Run(() => processor.Store.AddRecords(toStore, at));
        }

        /// <summary>Waits until every chunk handed over is committed; a failure of the write surfaces here.</summary>
        public void Flush() => _write.GetAwaiter().GetResult();

        /// <summary>Waits for a write in flight without raising its failure (the caller is failing already).</summary>
        public void Settle()
        {
            try
            {
                _write.Wait();
            }
            catch (AggregateException)
            {
                // The caller's own exception is the one to report.
            }
        }
    }
}
