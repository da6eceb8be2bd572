using Connector.Mapping.Model;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string ExceptionColumns =
        "id, record_id, entity, code, field, message, problems_json, suggestions_json, open, created_at, resolved_at, resolved_by, resolution";

    public IReadOnlyList<ExceptionInfo> ListExceptions(string? entity, bool openOnly, int limit)
        => Query(
            $"SELECT {ExceptionColumns} FROM exceptions WHERE ($e IS NULL OR entity = $e) AND ($o = 0 OR open = 1) ORDER BY id LIMIT $l",
            ReadException,
            ("$e", entity),
            ("$o", openOnly ? 1 : 0),
            ("$l", limit));

    public ExceptionInfo? GetException(long exceptionId)
        => Query($"SELECT {ExceptionColumns} FROM exceptions WHERE id = $id", ReadException, ("$id", exceptionId)).FirstOrDefault();

    public IReadOnlyList<ExceptionInfo> OpenExceptionsWithCode(string entity, IReadOnlyCollection<string> codes)
        => Query($"SELECT {ExceptionColumns} FROM exceptions WHERE entity = $e AND open = 1 ORDER BY id", ReadException, ("$e", entity))
            .Where(e => codes.Contains(e.Code))
            .ToList();

    public IReadOnlyList<CustomerAlias> Aliases(string entity)
        => Query("SELECT alias, account_number FROM aliases WHERE entity = $e ORDER BY alias", r => new CustomerAlias(r.GetString(0), r.GetString(1)), ("$e", entity));

    public void AddAlias(string entity, CustomerAlias alias, string actor, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using (var command = Command(
                       """
                       INSERT INTO aliases (entity, alias, account_number, created_at, created_by) VALUES ($e, $a, $n, $at, $by)
                       ON CONFLICT(entity, alias) DO UPDATE SET account_number = excluded.account_number, created_at = excluded.created_at, created_by = excluded.created_by
                       """,
                       tx,
                       ("$e", entity),
                       ("$a", alias.Alias),
                       ("$n", alias.AccountNumber),
                       ("$at", Text(at)),
                       ("$by", actor)))
            {
                command.ExecuteNonQuery();
            }

            InsertAudit(tx, actor, "alias.learned", entity, alias.Alias, $"\"{alias.Alias}\" -> {alias.AccountNumber}", Text(at));
            tx.Commit();
        }
    }

    public void Audit(string actor, string action, string? entity, string? subject, string? details, DateTimeOffset at)
    {
        lock (_gate)
        {
            InsertAudit(null, actor, action, entity, subject, details, Text(at));
        }
    }

    public IReadOnlyList<AuditEntry> AuditTrail(string? entity, int limit)
        => Query(
            "SELECT id, at, actor, action, entity, subject, details FROM audit WHERE ($e IS NULL OR entity = $e) ORDER BY id DESC LIMIT $l",
            r => new AuditEntry(r.GetInt64(0), Time(r, 1), r.GetString(2), r.GetString(3), NullableString(r, 4), NullableString(r, 5), NullableString(r, 6)),
            ("$e", entity),
            ("$l", limit));

    private void InsertAudit(SqliteTransaction? tx, string actor, string action, string? entity, string? subject, string? details, string at)
    {
        using var command = Command(
            "INSERT INTO audit (at, actor, action, entity, subject, details) VALUES ($at, $actor, $action, $e, $s, $d)",
            tx,
            ("$at", at),
            ("$actor", actor),
            ("$action", action),
            ("$e", entity),
            ("$s", subject),
            ("$d", details));
        command.ExecuteNonQuery();
    }

    private SqliteCommand ExceptionInsertCommand(SqliteTransaction tx)
    {
        var command = Command(
            """
            INSERT INTO exceptions (record_id, entity, code, field, message, problems_json, suggestions_json, open, created_at)
            VALUES ($r, $e, $c, $f, $m, $p, $s, 1, $at)
            """,
            tx);
        AddParameters(command, "$r", "$e", "$c", "$f", "$m", "$p", "$s", "$at");
        return command;
    }

    private static void WriteException(SqliteCommand command, long recordId, string entity, ExceptionDraft draft, string at)
    {
        SetValues(
            command.Parameters,
            recordId,
            entity,
            draft.Code,
            draft.Field,
            draft.Message,
            StoreJson.Serialize(draft.Problems),
            StoreJson.Serialize(draft.Suggestions),
            at);
        command.ExecuteNonQuery();
    }

    private static ExceptionInfo ReadException(SqliteDataReader r)
        => new(
            r.GetInt64(0),
            r.GetInt64(1),
            r.GetString(2),
            r.GetString(3),
            NullableString(r, 4),
            r.GetString(5),
            StoreJson.DeserializeProblems(r.GetString(6)),
            StoreJson.DeserializeSuggestions(r.GetString(7)),
            r.GetInt64(8) == 1,
            Time(r, 9),
            NullableTime(r, 10),
            NullableString(r, 11),
            NullableString(r, 12));
}
