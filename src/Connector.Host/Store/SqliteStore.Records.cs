using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string RecordColumns =
        "id, document_id, ordinal, run_id, entity, idem_key, content_hash, number, kind, currency, net_amount, line_count, state, payload, problems_json, batch_id, state_reason, erp_id, erp_number, erp_amount, erp_status";

    public IReadOnlySet<int> StoredOrdinals(long documentId)
        => Query("SELECT ordinal FROM records WHERE document_id = $d", r => r.GetInt32(0), ("$d", documentId)).ToHashSet();

    public RecordInfo? FindLiveByKey(string entity, string idempotencyKey)
        => Query(
            $"SELECT {RecordColumns} FROM records WHERE entity = $e AND idem_key = $k AND state <> 'Skipped' ORDER BY id DESC LIMIT 1",
            ReadRecord,
            ("$e", entity),
            ("$k", idempotencyKey)).FirstOrDefault();

    public IReadOnlyDictionary<string, RecordInfo> FindLiveByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys)
    {
        var live = new Dictionary<string, RecordInfo>(StringComparer.Ordinal);
        if (idempotencyKeys.Count == 0)
        {
            return live;
        }

        // Newest first: the first record met for a key is the one FindLiveByKey returns. Committed state only (see
        // QueryCommitted): a chunk being written concurrently belongs to the caller's own document.
        var records = QueryCommitted(
            $"SELECT {RecordColumns} FROM records WHERE entity = $e AND idem_key IN (SELECT value FROM json_each($k)) AND state <> 'Skipped' ORDER BY id DESC",
            ReadRecord,
            ("$e", entity),
            ("$k", StoreJson.Serialize(idempotencyKeys as List<string> ?? [.. idempotencyKeys])));
        foreach (var record in records)
        {
            live.TryAdd(record.IdempotencyKey, record);
        }

        return live;
    }

    public void AddRecords(IReadOnlyList<NewRecord> records, DateTimeOffset at)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using var insert = Command(
                """
                INSERT INTO records (document_id, ordinal, run_id, entity, idem_key, content_hash, number, kind, currency, net_amount,
                                     line_count, state, payload, problems_json, state_reason, updated_at)
                VALUES ($d, $o, $r, $e, $k, $h, $n, $kind, $c, $a, $lc, $s, $p, $pr, $reason, $at) RETURNING id
                """,
                tx);
            var insertParameters = AddParameters(insert, "$d", "$o", "$r", "$e", "$k", "$h", "$n", "$kind", "$c", "$a", "$lc", "$s", "$p", "$pr", "$reason", "$at");
            using var transition = TransitionCommand(tx);
            using var exception = ExceptionInsertCommand(tx);

            foreach (var record in records)
            {
                if (record.Supersedes is { } superseded)
                {
                    Supersede(tx, superseded, record, now);
                }

                SetValues(
                    insertParameters,
                    record.DocumentId,
                    record.Ordinal,
                    record.RunId,
                    record.Entity,
                    record.IdempotencyKey,
                    record.ContentHash,
                    record.Number,
                    record.Kind,
                    record.Currency,
                    Amount(record.NetAmount),
                    record.LineCount,
                    record.State.ToString(),
                    record.Payload,
                    StoreJson.Serialize(record.Problems),
                    record.SkipReason ?? record.Exception?.Code,
                    now);
                var id = (long)insert.ExecuteScalar()!;
                WriteTransition(transition, id, null, record.State, now, "pipeline", record.SkipReason ?? record.Exception?.Code);
                if (record.Exception is { } draft)
                {
                    WriteException(exception, id, record.Entity, draft, now);
                }
            }

            tx.Commit();
        }
    }

    public RecordInfo? GetRecord(long recordId)
        => Query($"SELECT {RecordColumns} FROM records WHERE id = $id", ReadRecord, ("$id", recordId)).FirstOrDefault();

    public IReadOnlyList<TransitionInfo> History(long recordId)
        => Query(
            "SELECT from_state, to_state, at, actor, reason FROM transitions WHERE record_id = $id ORDER BY id",
            r => new TransitionInfo(r.IsDBNull(0) ? null : Enum.Parse<RecordState>(r.GetString(0)), Enum.Parse<RecordState>(r.GetString(1)), Time(r, 2), r.GetString(3), NullableString(r, 4)),
            ("$id", recordId));

    public IReadOnlyList<RecordInfo> RecordsOfRun(long runId)
        => Query(
            $"SELECT {RecordColumns} FROM records WHERE document_id IN (SELECT id FROM documents WHERE run_id = $r) ORDER BY id",
            ReadRecord,
            ("$r", runId));

    public IReadOnlyList<RecordInfo> ReadyRecords(string entity, int limit)
        => Query(
            $"SELECT {RecordColumns} FROM records WHERE entity = $e AND state = 'Ready' ORDER BY id LIMIT $l",
            ReadRecord,
            ("$e", entity),
            ("$l", limit));

    public IReadOnlyList<RecordInfo> PostedRecords(string entity, int limit)
        => Query(
            $"SELECT {RecordColumns} FROM records WHERE entity = $e AND state IN ('Posted', 'Confirmed') ORDER BY id DESC LIMIT $l",
            ReadRecord,
            ("$e", entity),
            ("$l", limit));

    public IReadOnlyList<RecordHead> ReadyHeads(string entity, int limit)
        => Query(
            "SELECT id, idem_key, number, line_count FROM records WHERE entity = $e AND state = 'Ready' ORDER BY id LIMIT $l",
            r => new RecordHead(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3)),
            ("$e", entity),
            ("$l", limit));

    public void UpdateRecord(RecordUpdate update, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            var from = Scalar(tx, "SELECT state FROM records WHERE id = $id", ("$id", update.RecordId)) as string
                       ?? throw new InvalidOperationException($"Record {update.RecordId} does not exist.");
            using (var command = Command(
                       """
                       UPDATE records SET state = $s, payload = $p, currency = $c, net_amount = $a, line_count = $lc,
                              problems_json = $pr, state_reason = $reason, updated_at = $at WHERE id = $id
                       """,
                       tx,
                       ("$s", update.NewState.ToString()),
                       ("$p", StoreJson.Pack(update.PayloadJson)),
                       ("$c", update.Currency),
                       ("$a", Amount(update.NetAmount)),
                       ("$lc", update.LineCount),
                       ("$pr", StoreJson.Serialize(update.Problems)),
                       ("$reason", update.Reason),
                       ("$at", now),
                       ("$id", update.RecordId)))
            {
                command.ExecuteNonQuery();
            }

            CloseExceptions(tx, update.RecordId, update.Actor, update.Reason, now);
            var entity = (string)Scalar(tx, "SELECT entity FROM records WHERE id = $id", ("$id", update.RecordId))!;
            if (update.Exception is { } draft)
            {
                using var exception = ExceptionInsertCommand(tx);
                WriteException(exception, update.RecordId, entity, draft, now);
            }

            using (var transition = TransitionCommand(tx))
            {
                WriteTransition(transition, update.RecordId, Enum.Parse<RecordState>(from), update.NewState, now, update.Actor, update.Reason);
            }

            InsertAudit(tx, update.Actor, update.AuditAction, entity, $"record {update.RecordId}", update.AuditDetails, now);
            tx.Commit();
        }
    }

    private void Supersede(SqliteTransaction tx, long supersededId, NewRecord by, string now)
    {
        var reason = $"superseded by {by.Number} in document {by.DocumentId}";
        using (var command = Command(
                   "UPDATE records SET state = 'Skipped', state_reason = $reason, updated_at = $at WHERE id = $id AND state = 'Exception'",
                   tx,
                   ("$reason", reason),
                   ("$at", now),
                   ("$id", supersededId)))
        {
            if (command.ExecuteNonQuery() == 0)
            {
                throw new InvalidOperationException($"Record {supersededId} can only be superseded while it is an exception.");
            }
        }

        CloseExceptions(tx, supersededId, "pipeline", reason, now);
        using var transition = TransitionCommand(tx);
        WriteTransition(transition, supersededId, RecordState.Exception, RecordState.Skipped, now, "pipeline", reason);
    }

    private void CloseExceptions(SqliteTransaction tx, long recordId, string actor, string resolution, string now)
    {
        using var command = Command(
            "UPDATE exceptions SET open = 0, resolved_at = $at, resolved_by = $by, resolution = $res WHERE record_id = $id AND open = 1",
            tx,
            ("$at", now),
            ("$by", actor),
            ("$res", resolution),
            ("$id", recordId));
        command.ExecuteNonQuery();
    }

    private SqliteCommand TransitionCommand(SqliteTransaction tx)
    {
        var command = Command(
            "INSERT INTO transitions (record_id, from_state, to_state, at, actor, reason) VALUES ($id, $f, $t, $at, $actor, $reason)",
            tx);
        AddParameters(command, "$id", "$f", "$t", "$at", "$actor", "$reason");
        return command;
    }

    private static void WriteTransition(SqliteCommand command, long recordId, RecordState? from, RecordState to, string at, string actor, string? reason)
    {
        SetValues(command.Parameters, recordId, from?.ToString(), to.ToString(), at, actor, reason);
        command.ExecuteNonQuery();
    }

    private object? Scalar(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, tx, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteParameterCollection AddParameters(SqliteCommand command, params string[] names)
    {
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command.Parameters;
    }

    private static void SetValues(SqliteParameterCollection parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static RecordInfo ReadRecord(SqliteDataReader r)
        => new(
            r.GetInt64(0),
            r.GetInt64(1),
            r.GetInt32(2),
            r.GetInt64(3),
            r.GetString(4),
            r.GetString(5),
            r.GetString(6),
            r.GetString(7),
            r.GetString(8),
            NullableString(r, 9),
            Amount(r, 10),
            r.GetInt32(11),
            Enum.Parse<RecordState>(r.GetString(12)),
            (byte[])r.GetValue(13),
            StoreJson.DeserializeProblems(r.GetString(14)),
            NullableString(r, 15),
            NullableString(r, 16))
        {
            Erp = r.IsDBNull(17) ? null : new ErpReference(r.GetString(17), r.GetString(18), r.IsDBNull(19) ? null : Amount(r, 19), NullableString(r, 20)),
        };
}
