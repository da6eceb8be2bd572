using Connector.Mapping.Problems;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

internal sealed partial class SqliteStore
{
    private const string DocumentColumns =
        "id, entity, source, original_name, sha256, size, archive_path, received_at, run_id, status, duplicate_of, record_count, problems_json, control_json, profile";

    public DocumentInfo? FindDocumentByHash(string entity, string sha256)
        => Query(
            $"SELECT {DocumentColumns} FROM documents WHERE entity = $e AND sha256 = $h AND duplicate_of IS NULL ORDER BY id LIMIT 1",
            ReadDocument,
            ("$e", entity),
            ("$h", sha256)).FirstOrDefault();

    public long AddDocument(NewDocument document)
    {
        lock (_gate)
        {
            using var command = Command(
                """
                INSERT INTO documents (entity, source, original_name, sha256, size, archive_path, received_at, run_id, status, duplicate_of, profile)
                VALUES ($e, $s, $n, $h, $z, $p, $at, $r, $st, $d, $pr) RETURNING id
                """,
                null,
                ("$e", document.Entity),
                ("$s", document.Source),
                ("$n", document.OriginalName),
                ("$h", document.Sha256),
                ("$z", document.Size),
                ("$p", document.ArchivePath),
                ("$at", Text(document.ReceivedAt)),
                ("$r", document.RunId),
                ("$st", document.Status.ToString()),
                ("$d", document.DuplicateOf),
                ("$pr", document.Profile));
            return (long)command.ExecuteScalar()!;
        }
    }

    public void CompleteDocument(long documentId, DocumentStatus status, IReadOnlyList<Problem> problems, int recordCount, IReadOnlyList<ControlTotal> control)
    {
        lock (_gate)
        {
            using var command = Command(
                "UPDATE documents SET status = $s, problems_json = $p, record_count = $c, control_json = $ct WHERE id = $id",
                null,
                ("$s", status.ToString()),
                ("$p", StoreJson.Serialize(problems)),
                ("$c", recordCount),
                ("$ct", StoreJson.Serialize(control)),
                ("$id", documentId));
            command.ExecuteNonQuery();
        }
    }

    public DocumentInfo? GetDocument(long documentId)
        => Query($"SELECT {DocumentColumns} FROM documents WHERE id = $id", ReadDocument, ("$id", documentId)).FirstOrDefault();

    public IReadOnlyList<DocumentInfo> DocumentsToResume(string entity)
        => Query(
            $"SELECT {DocumentColumns} FROM documents WHERE entity = $e AND status = 'Received' ORDER BY id",
            ReadDocument,
            ("$e", entity));

    public IReadOnlyList<DocumentInfo> DocumentsOfRun(long runId)
        => Query($"SELECT {DocumentColumns} FROM documents WHERE run_id = $r ORDER BY id", ReadDocument, ("$r", runId));

    public IReadOnlyList<DocumentInfo> ListDocuments(string? entity, DocumentStatus? status, int limit)
        => Query(
            $"SELECT {DocumentColumns} FROM documents WHERE ($e IS NULL OR entity = $e) AND ($s IS NULL OR status = $s) ORDER BY id DESC LIMIT $l",
            ReadDocument,
            ("$e", entity),
            ("$s", status?.ToString()),
            ("$l", limit));

    private static DocumentInfo ReadDocument(SqliteDataReader r)
        => new(
            r.GetInt64(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetString(4),
            r.GetInt64(5),
            r.GetString(6),
            Time(r, 7),
            r.GetInt64(8),
            Enum.Parse<DocumentStatus>(r.GetString(9)),
            r.IsDBNull(10) ? null : r.GetInt64(10),
            r.GetInt32(11),
            StoreJson.DeserializeProblems(r.GetString(12)),
            StoreJson.DeserializeControl(r.GetString(13)))
        {
            Profile = NullableString(r, 14),
        };
}
