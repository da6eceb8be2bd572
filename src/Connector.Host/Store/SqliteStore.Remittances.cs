using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string RemittanceColumns =
        "id, document_id, ordinal, run_id, entity, idem_key, direction, amount, currency, state, payload, payer_account, applied, on_account, unapplied, "
        + "explanation, applications_json, candidates_json, problems_json, state_reason, duplicate_of, attempts, erp_receipt_id, erp_receipt_number";

    public IReadOnlySet<int> StoredRemittanceOrdinals(long documentId)
        => Query("SELECT ordinal FROM remittances WHERE document_id = $d", r => r.GetInt32(0), ("$d", documentId)).ToHashSet();

    public IReadOnlyDictionary<string, RemittanceInfo> FindRemittancesByKeys(string entity, IReadOnlyCollection<string> idempotencyKeys)
    {
        var found = new Dictionary<string, RemittanceInfo>(StringComparer.Ordinal);
        if (idempotencyKeys.Count == 0)
        {
            return found;
        }

        var rows = Query(
            $"SELECT {RemittanceColumns} FROM remittances WHERE entity = $e AND idem_key IN (SELECT value FROM json_each($k)) AND state NOT IN ('Refused', 'Duplicate') ORDER BY id",
            ReadRemittance,
            ("$e", entity),
            ("$k", StoreJson.Serialize(idempotencyKeys as List<string> ?? [.. idempotencyKeys])));
        foreach (var row in rows)
        {
            found.TryAdd(row.IdempotencyKey, row);
        }

        return found;
    }

    public void AddRemittances(IReadOnlyList<NewRemittance> remittances, DateTimeOffset at)
    {
        if (remittances.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using var insert = Command(
                """
                INSERT INTO remittances (document_id, ordinal, run_id, entity, idem_key, direction, amount, currency, state, payload, payer_account,
                                         applied, on_account, unapplied, explanation, applications_json, candidates_json, problems_json,
                                         state_reason, duplicate_of, updated_at)
                VALUES ($d, $o, $r, $e, $k, $dir, $a, $c, $s, $p, $payer, $applied, $onacc, $unapplied, $x, $apps, $cands, $pr, $reason, $dup, $at)
                RETURNING id
                """,
                tx);
            var parameters = AddParameters(insert, "$d", "$o", "$r", "$e", "$k", "$dir", "$a", "$c", "$s", "$p", "$payer", "$applied", "$onacc", "$unapplied", "$x", "$apps", "$cands", "$pr", "$reason", "$dup", "$at");
            using var transition = RemittanceTransitionCommand(tx);
            foreach (var r in remittances)
            {
                SetValues(
                    parameters,
                    r.DocumentId,
                    r.Ordinal,
                    r.RunId,
                    r.Entity,
                    r.IdempotencyKey,
                    r.Remittance.Direction.ToString(),
                    Amount(r.Remittance.Amount),
                    r.Remittance.Currency,
                    r.State.ToString(),
                    StoreJson.Pack(r.Remittance),
                    r.PayerAccount,
                    Amount(r.Applied),
                    Amount(r.OnAccount),
                    Amount(r.Unapplied),
                    r.Explanation,
                    StoreJson.Serialize(r.Applications),
                    StoreJson.Serialize(r.Candidates),
                    StoreJson.Serialize(r.Problems),
                    r.Reason,
                    r.DuplicateOf,
                    now);
                var id = (long)insert.ExecuteScalar()!;
                SetValues(transition.Parameters, id, null, r.State.ToString(), now, "pipeline", r.Reason);
                transition.ExecuteNonQuery();
                if (r.Scan is { } scan)
                {
                    WriteScan(tx, id, scan, now);
                }
            }

            tx.Commit();
        }
    }

    public RemittanceInfo? GetRemittance(long remittanceId)
        => Query($"SELECT {RemittanceColumns} FROM remittances WHERE id = $id", ReadRemittance, ("$id", remittanceId)).FirstOrDefault();

    public IReadOnlyList<RemittanceInfo> RemittancesInStates(string entity, IReadOnlyCollection<RemittanceState> states)
        => Query(
            $"SELECT {RemittanceColumns} FROM remittances WHERE entity = $e AND state IN (SELECT value FROM json_each($s)) ORDER BY id",
            ReadRemittance,
            ("$e", entity),
            ("$s", StoreJson.Serialize(states.Select(s => s.ToString()).ToList())));

    public IReadOnlyList<RemittanceInfo> RemittancesOfRun(long runId)
        => Query(
            $"SELECT {RemittanceColumns} FROM remittances WHERE document_id IN (SELECT id FROM documents WHERE run_id = $r) ORDER BY id",
            ReadRemittance,
            ("$r", runId));

    public bool MoveRemittance(RemittanceMove move, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var now = Text(at);
            using (var update = Command(
                       """
                       UPDATE remittances SET state = $to, state_reason = $reason, updated_at = $at,
                              attempts = attempts + (CASE WHEN $to = 'Posting' THEN 1 ELSE 0 END),
                              erp_receipt_id = COALESCE($id_erp, erp_receipt_id), erp_receipt_number = COALESCE($nr_erp, erp_receipt_number),
                              problems_json = COALESCE($pr, problems_json),
                              payer_account = CASE WHEN $decided THEN $payer ELSE payer_account END,
                              applications_json = COALESCE($apps, applications_json),
                              applied = COALESCE($applied, applied), on_account = COALESCE($onacc, on_account), unapplied = COALESCE($unapplied, unapplied),
                              payload = COALESCE($payload, payload), amount = COALESCE($amount, amount), currency = COALESCE($currency, currency)
                       WHERE id = $id AND state = $from
                       """,
                       tx,
                       ("$to", move.To.ToString()),
                       ("$reason", move.Reason),
                       ("$at", now),
                       ("$id_erp", move.ErpReceiptId),
                       ("$nr_erp", move.ErpReceiptNumber),
                       ("$pr", move.Problems is null ? null : StoreJson.Serialize(move.Problems)),
                       ("$decided", move.Decision is not null),
                       ("$payer", move.Decision?.PayerAccount),
                       ("$apps", move.Decision is { } d ? StoreJson.Serialize(d.Applications) : null),
                       ("$applied", move.Decision is { } a ? Amount(a.Applied) : null),
                       ("$onacc", move.Decision is { } o ? Amount(o.OnAccount) : null),
                       ("$unapplied", move.Decision is { } u ? Amount(u.Unapplied) : null),
                       ("$payload", move.Corrected is { } c ? StoreJson.Pack(c.Remittance) : null),
                       ("$amount", move.Corrected is { } ca ? Amount(ca.Remittance.Amount) : null),
                       ("$currency", move.Corrected?.Remittance.Currency),
                       ("$id", move.Id),
                       ("$from", move.From.ToString())))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    return false;
                }
            }

            if (move.Corrected is { } corrected)
            {
                WriteScan(tx, move.Id, corrected.Readings, now);
            }

            using (var transition = RemittanceTransitionCommand(tx))
            {
                SetValues(transition.Parameters, move.Id, move.From.ToString(), move.To.ToString(), now, move.Actor, move.Reason);
                transition.ExecuteNonQuery();
            }

            if (move.To is RemittanceState.Confirmed or RemittanceState.Refused or RemittanceState.NoTarget || move.Decision is not null)
            {
                var entity = (string)Scalar(tx, "SELECT entity FROM remittances WHERE id = $id", ("$id", move.Id))!;
                var action = move.Decision is null ? "remittance." + move.To.ToString().ToLowerInvariant() : "remittance.resolved";
                InsertAudit(tx, move.Actor, action, entity, $"remittance {move.Id}", move.Reason, now);
            }

            tx.Commit();
            return true;
        }
    }

    public ScannedReadings? ScanOf(long remittanceId)
        => Query("SELECT readings FROM remittance_scans WHERE remittance_id = $id", r => StoreJson.UnpackScan((byte[])r.GetValue(0)), ("$id", remittanceId)).FirstOrDefault();

    private void WriteScan(SqliteTransaction tx, long remittanceId, ScannedReadings readings, string now)
    {
        using var command = Command(
            "INSERT INTO remittance_scans (remittance_id, readings, updated_at) VALUES ($id, $r, $at) ON CONFLICT (remittance_id) DO UPDATE SET readings = excluded.readings, updated_at = excluded.updated_at",
            tx,
            ("$id", remittanceId),
            ("$r", StoreJson.Pack(readings)),
            ("$at", now));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<RemittanceTransition> RemittanceHistory(long remittanceId)
        => Query(
            "SELECT from_state, to_state, at, actor, reason FROM remittance_transitions WHERE remittance_id = $id ORDER BY id",
            r => new RemittanceTransition(r.IsDBNull(0) ? null : Enum.Parse<RemittanceState>(r.GetString(0)), Enum.Parse<RemittanceState>(r.GetString(1)), Time(r, 2), r.GetString(3), NullableString(r, 4)),
            ("$id", remittanceId));

    private SqliteCommand RemittanceTransitionCommand(SqliteTransaction tx)
    {
        var command = Command(
            "INSERT INTO remittance_transitions (remittance_id, from_state, to_state, at, actor, reason) VALUES ($id, $f, $t, $at, $actor, $reason)",
            tx);
        AddParameters(command, "$id", "$f", "$t", "$at", "$actor", "$reason");
        return command;
    }

    private static RemittanceInfo ReadRemittance(SqliteDataReader r)
        => new(
            r.GetInt64(0),
            r.GetInt64(1),
            r.GetInt32(2),
            r.GetInt64(3),
            r.GetString(4),
            r.GetString(5),
            Enum.Parse<EntryDirection>(r.GetString(6)),
            Amount(r, 7),
            NullableString(r, 8),
            Enum.Parse<RemittanceState>(r.GetString(9)),
            (byte[])r.GetValue(10),
            NullableString(r, 11),
            Amount(r, 12),
            Amount(r, 13),
            Amount(r, 14),
            NullableString(r, 15),
            StoreJson.DeserializeApplications(r.GetString(16)),
            StoreJson.DeserializeCandidates(r.GetString(17)),
            StoreJson.DeserializeProblems(r.GetString(18)),
            NullableString(r, 19),
            r.IsDBNull(20) ? null : r.GetInt64(20),
            r.GetInt32(21),
            NullableString(r, 22),
            NullableString(r, 23));
}
