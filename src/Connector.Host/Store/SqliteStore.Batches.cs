using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string BatchColumns = "id, entity, run_id, state, location, invoice_count, line_count, created_at";

    public void CreateBatch(string batchId, string entity, long runId, IReadOnlyList<RecordHead> records, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using (var command = Command(
                       "INSERT INTO batches (id, entity, run_id, state, invoice_count, line_count, created_at) VALUES ($id, $e, $r, 'Pending', $ic, $lc, $at)",
                       tx,
                       ("$id", batchId),
                       ("$e", entity),
                       ("$r", runId),
                       ("$ic", records.Count),
                       ("$lc", records.Sum(r => r.LineCount)),
                       ("$at", now)))
            {
                command.ExecuteNonQuery();
            }

            using var ledger = Command("INSERT INTO exported_keys (entity, idem_key, batch_id, record_id) VALUES ($e, $k, $b, $id)", tx);
            var ledgerParameters = AddParameters(ledger, "$e", "$k", "$b", "$id");
            using var move = Command(
                "UPDATE records SET state = 'Posting', batch_id = $b, updated_at = $at WHERE id = $id AND state = 'Ready'",
                tx);
            var moveParameters = AddParameters(move, "$b", "$at", "$id");
            using var transition = TransitionCommand(tx);
            foreach (var record in records)
            {
                SetValues(ledgerParameters, entity, record.IdempotencyKey, batchId, record.Id);
                try
                {
                    ledger.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    // SQLITE_CONSTRAINT: the key is in the ledger already. Roll back everything of this batch.
                    tx.Rollback();
                    throw new DuplicateKeyException(record.IdempotencyKey);
                }

                SetValues(moveParameters, batchId, now, record.Id);
                if (move.ExecuteNonQuery() != 1)
                {
                    tx.Rollback();
                    throw new InvalidOperationException($"Record {record.Id} is no longer Ready; batch {batchId} not created.");
                }

                WriteTransition(transition, record.Id, RecordState.Ready, RecordState.Posting, now, "pipeline", batchId);
            }

            tx.Commit();
        }
    }

    public void CompleteBatch(string batchId, BatchState state, string location, int invoiceCount, int lineCount, DateTimeOffset at)
    {
        if (state is not (BatchState.Written or BatchState.Submitted))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A batch the target took is Written or Submitted.");
        }

        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using (var command = Command(
                       "UPDATE batches SET state = $s, location = $l, invoice_count = $ic, line_count = $lc, written_at = $at WHERE id = $id",
                       tx,
                       ("$s", state.ToString()),
                       ("$l", location),
                       ("$ic", invoiceCount),
                       ("$lc", lineCount),
                       ("$at", now),
                       ("$id", batchId)))
            {
                command.ExecuteNonQuery();
            }

            var ids = new List<long>();
            using (var select = Command("SELECT id FROM records WHERE batch_id = $b AND state = 'Posting'", tx, ("$b", batchId)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            using (var update = Command("UPDATE records SET state = 'Posted', updated_at = $at WHERE batch_id = $b AND state = 'Posting'", tx, ("$at", now), ("$b", batchId)))
            {
                update.ExecuteNonQuery();
            }

            using var transition = TransitionCommand(tx);
            foreach (var id in ids)
            {
                WriteTransition(transition, id, RecordState.Posting, RecordState.Posted, now, "pipeline", location);
            }

            tx.Commit();
        }
    }

    public void FailBatch(string batchId, ExceptionDraft exception, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            var records = new List<(long Id, string Entity, RecordState State)>();
            using (var select = Command("SELECT id, entity, state FROM records WHERE batch_id = $b AND state IN ('Posting', 'Posted')", tx, ("$b", batchId)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    records.Add((reader.GetInt64(0), reader.GetString(1), Enum.Parse<RecordState>(reader.GetString(2))));
                }
            }

            using (var command = Command("UPDATE batches SET state = 'Failed', failure = $f WHERE id = $id", tx, ("$f", exception.Message), ("$id", batchId)))
            {
                command.ExecuteNonQuery();
            }

            // Only the keys of records the target did not confirm leave the ledger.
            using (var command = Command(
                       "DELETE FROM exported_keys WHERE batch_id = $b AND record_id IN (SELECT id FROM records WHERE batch_id = $b AND state IN ('Posting', 'Posted'))",
                       tx,
                       ("$b", batchId)))
            {
                command.ExecuteNonQuery();
            }

            using (var command = Command(
                       "UPDATE records SET state = 'Exception', batch_id = NULL, state_reason = $r, updated_at = $at WHERE batch_id = $b AND state IN ('Posting', 'Posted')",
                       tx,
                       ("$r", exception.Code),
                       ("$at", now),
                       ("$b", batchId)))
            {
                command.ExecuteNonQuery();
            }

            using var transition = TransitionCommand(tx);
            using var insert = ExceptionInsertCommand(tx);
            foreach (var (id, entity, state) in records)
            {
                WriteTransition(transition, id, state, RecordState.Exception, now, "pipeline", exception.Message);
                WriteException(insert, id, entity, exception, now);
            }

            tx.Commit();
        }
    }

    public void ConfirmRecords(IReadOnlyList<(long RecordId, ErpReference Erp)> confirmations, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        if (confirmations.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using var update = Command(
                "UPDATE records SET state = 'Confirmed', erp_id = $id, erp_number = $n, erp_amount = $a, erp_status = $s, updated_at = $at WHERE id = $r",
                tx);
            var parameters = AddParameters(update, "$id", "$n", "$a", "$s", "$at", "$r");
            using var transition = TransitionCommand(tx);
            foreach (var (recordId, erp) in confirmations)
            {
                var from = CurrentState(tx, recordId);
                if (from is not (RecordState.Posting or RecordState.Posted))
                {
                    tx.Rollback();
                    throw new InvalidOperationException($"Record {recordId} is {from}; only a record being posted can be confirmed.");
                }

                SetValues(parameters, erp.Id, erp.Number, erp.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture), erp.Status, now, recordId);
                update.ExecuteNonQuery();
                WriteTransition(transition, recordId, from, RecordState.Confirmed, now, "pipeline", $"ERP id {erp.Id}, number {erp.Number}");
            }

            tx.Commit();
        }
    }

    public void RefuseRecord(long recordId, ExceptionDraft exception, DateTimeOffset at, bool releaseKey = true)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            var from = CurrentState(tx, recordId);
            if (from is not (RecordState.Posting or RecordState.Posted))
            {
                throw new InvalidOperationException($"Record {recordId} is {from}; only a record being posted can be refused.");
            }

            string entity;
            using (var select = Command("SELECT entity FROM records WHERE id = $r", tx, ("$r", recordId)))
            {
                entity = (string)select.ExecuteScalar()!;
            }

            if (releaseKey)
            {
                using var command = Command("DELETE FROM exported_keys WHERE record_id = $r", tx, ("$r", recordId));
                command.ExecuteNonQuery();
            }

            // The record keeps its batch id: the batch is how an operator finds what the target said.
            using (var command = Command(
                       "UPDATE records SET state = 'Exception', state_reason = $c, updated_at = $at WHERE id = $r",
                       tx,
                       ("$c", exception.Code),
                       ("$at", now),
                       ("$r", recordId)))
            {
                command.ExecuteNonQuery();
            }

            using var transition = TransitionCommand(tx);
            WriteTransition(transition, recordId, from, RecordState.Exception, now, "pipeline", exception.Message);
            using var insert = ExceptionInsertCommand(tx);
            WriteException(insert, recordId, entity, exception, now);
            tx.Commit();
        }
    }

    public void ReleaseExportedKey(long recordId)
    {
        lock (_gate)
        {
            using var command = Command("DELETE FROM exported_keys WHERE record_id = $r", null, ("$r", recordId));
            command.ExecuteNonQuery();
        }
    }

    public bool CloseBatch(string batchId, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command(
                """
                UPDATE batches SET state = 'Confirmed', confirmed_at = $at
                WHERE id = $b AND state IN ('Pending', 'Submitted')
                  AND NOT EXISTS (SELECT 1 FROM records WHERE batch_id = $b AND state IN ('Posting', 'Posted'))
                """,
                null,
                ("$at", Text(at)),
                ("$b", batchId));
            return command.ExecuteNonQuery() == 1;
        }
    }

    public IReadOnlyList<BatchInfo> SubmittedBatches(string entity)
        => Query($"SELECT {BatchColumns} FROM batches WHERE entity = $e AND state = 'Submitted' ORDER BY created_at, id", ReadBatch, ("$e", entity));

    private RecordState CurrentState(SqliteTransaction tx, long recordId)
    {
        using var select = Command("SELECT state FROM records WHERE id = $r", tx, ("$r", recordId));
        return select.ExecuteScalar() is string state
            ? Enum.Parse<RecordState>(state)
            : throw new InvalidOperationException($"There is no record {recordId}.");
    }

    public IReadOnlyList<BatchInfo> PendingBatches(string entity)
        => Query($"SELECT {BatchColumns} FROM batches WHERE entity = $e AND state = 'Pending' ORDER BY created_at, id", ReadBatch, ("$e", entity));

    public IReadOnlyList<BatchInfo> BatchesOfRun(long runId)
        => Query($"SELECT {BatchColumns} FROM batches WHERE run_id = $r ORDER BY id", ReadBatch, ("$r", runId));

    public IReadOnlyList<RecordInfo> RecordsOfBatch(string batchId)
        => Query($"SELECT {RecordColumns} FROM records WHERE batch_id = $b ORDER BY id", ReadRecord, ("$b", batchId));

    public IReadOnlyList<BatchedInvoice> InvoicesToPost(string batchId)
        => Query(
            "SELECT id, idem_key, payload, state FROM records WHERE batch_id = $b AND state IN ('Posting', 'Posted') ORDER BY id",
            r => new BatchedInvoice(r.GetInt64(0), r.GetString(1), StoreJson.UnpackInvoice((byte[])r.GetValue(2)), Enum.Parse<RecordState>(r.GetString(3))),
            ("$b", batchId));

    public long NextBatchSequence(string entity)
    {
        lock (_gate)
        {
            using var command = Command(
                "INSERT INTO batch_sequences (entity, last) VALUES ($e, 1) ON CONFLICT(entity) DO UPDATE SET last = last + 1 RETURNING last",
                null,
                ("$e", entity));
            return (long)command.ExecuteScalar()!;
        }
    }

    private static BatchInfo ReadBatch(SqliteDataReader r)
        => new(r.GetString(0), r.GetString(1), r.GetInt64(2), Enum.Parse<BatchState>(r.GetString(3)), NullableString(r, 4), r.GetInt32(5), r.GetInt32(6), Time(r, 7));
}
