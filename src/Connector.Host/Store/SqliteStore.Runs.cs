using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string RunColumns = "id, entity, trigger, started_at, finished_at, status";

    public long StartRun(string entity, string trigger, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command(
                "INSERT INTO runs (entity, trigger, started_at, status) VALUES ($e, $t, $at, 'Running') RETURNING id",
                null,
                ("$e", entity),
                ("$t", trigger),
                ("$at", Text(at)));
            return (long)command.ExecuteScalar()!;
        }
    }

    public void FinishRun(long runId, string status, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command(
                "UPDATE runs SET finished_at = $at, status = $s WHERE id = $id",
                null,
                ("$at", Text(at)),
                ("$s", status),
                ("$id", runId));
            command.ExecuteNonQuery();
        }
    }

    public RunInfo? GetRun(long runId)
        => Query($"SELECT {RunColumns} FROM runs WHERE id = $id", ReadRun, ("$id", runId)).FirstOrDefault();

    public IReadOnlyList<RunInfo> ListRuns(string? entity, int limit)
        => Query(
            $"SELECT {RunColumns} FROM runs WHERE ($e IS NULL OR entity = $e) ORDER BY id DESC LIMIT $l",
            ReadRun,
            ("$e", entity),
            ("$l", limit));

    private static RunInfo ReadRun(SqliteDataReader r)
        => new(r.GetInt64(0), r.GetString(1), r.GetString(2), Time(r, 3), NullableTime(r, 4), r.GetString(5));
}
