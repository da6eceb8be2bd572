using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, synchronous=FULL so a committed transition survives a crash.
/// One connection, used by one pipeline at a time (the service processes entities one after the other).
/// </summary>
internal sealed partial class SqliteStore : IConnectorStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Lock _readGate = new();
    private SqliteConnection? _reader;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = string.Empty;

    /// <summary>Opens (creating if needed) the store file and applies pending migrations.</summary>
    public static SqliteStore Open(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new SqliteStore(connection) { Path = path };
        // WAL + synchronous=FULL: a committed transaction survives a crash or a power cut. The page cache (16 MB instead
        // of 2 MB) and a checkpoint every 16 MB of WAL (instead of 4 MB) only change how often pages are written back.
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=4096; PRAGMA temp_store=MEMORY;");
        store.Migrate();
        return store;
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _reader?.Dispose();
        _connection.Dispose();
    }

    private void Migrate()
    {
        var version = SchemaVersion;
        for (var i = version; i < StoreMigrations.Scripts.Count; i++)
        {
            using var tx = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = StoreMigrations.Scripts[i] + $"\nPRAGMA user_version = {(i + 1).ToString(CultureInfo.InvariantCulture)};";
                command.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, null, parameters);
        return command.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>
    /// A query on a second, read-only connection: in WAL mode it reads the last committed state while the main
    /// connection writes, so a document's next chunk can be looked up while its previous chunk is being stored.
    /// </summary>
    private List<T> QueryCommitted<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        lock (_readGate)
        {
            if (_reader is null)
            {
                _reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                _reader.Open();
                using var pragma = _reader.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout=10000;";
                pragma.ExecuteNonQuery();
            }

            using var command = _reader.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            using var reader = command.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(map(reader));
            }

            return list;
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = Command(sql, null, parameters);
            using var reader = command.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(map(reader));
            }

            return list;
        }
    }

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(SqliteDataReader reader, int ordinal)
        => DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    private static string? NullableString(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Amount(SqliteDataReader reader, int ordinal)
        => decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
}
