using System.Data;
using System.Data.Common;
using System.Globalization;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Inserts many rows with one statement text: ODP.NET array binding (one round trip per chunk) when the command offers
/// <c>ArrayBindCount</c>, else an ADO.NET <see cref="DbBatch"/> (Npgsql pipelines it), else one prepared command
/// executed row by row. A failing row is named by its record, line and (when the database says) column.
/// </summary>
internal static class EbsBulkInsert
{
    private const int Chunk = 2_000;

    public static async Task InsertAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<EbsColumn> columns, IReadOnlyList<EbsRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var names = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"p{i}")).ToArray();
        var sql = db.Rewrite(EbsInterfaceRows.InsertSql(table, [.. columns.Select(c => c.Name)]), names);
        using var probe = connection.CreateCommand();
        if (probe.GetType().GetProperty("ArrayBindCount") is { } arrayBind)
        {
            await ArrayBindAsync(db, connection, transaction, sql, names, columns, rows, arrayBind, cancellationToken).ConfigureAwait(false);
        }
        else if (connection.CanCreateBatch)
        {
            await BatchAsync(db, connection, transaction, sql, names, columns, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RowByRowAsync(db, connection, transaction, sql, names, columns, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task BatchAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, string sql, string[] names,
        IReadOnlyList<EbsColumn> columns, IReadOnlyList<EbsRow> rows, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, rows.Count - start);
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            batch.Timeout = db.Options.CommandTimeoutSeconds;
            for (var r = 0; r < count; r++)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                var values = rows[start + r].Values;
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.DbType = DbTypeOf(columns[i].Type);
                    parameter.Value = values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            try
            {
                // One server-side plan for the chunk's identical statements (Npgsql prepares each distinct text once).
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                var failed = e.BatchCommand is { } bad ? batch.BatchCommands.IndexOf(bad) : -1;
                throw Failure(db, e, failed >= 0 ? rows[start + failed] : null);
            }
        }
    }

    private static async Task RowByRowAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, string sql, string[] names,
        IReadOnlyList<EbsColumn> columns, IReadOnlyList<EbsRow> rows, CancellationToken cancellationToken)
    {
        await using var command = db.Command(connection, transaction, sql);
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.DbType = DbTypeOf(columns[i].Type);
            command.Parameters.Add(parameter);
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameters[i].Value = row.Values[i] ?? DBNull.Value;
            }

            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw Failure(db, e, row);
            }
        }
    }

    private static async Task ArrayBindAsync(EbsDatabase db, DbConnection connection, DbTransaction transaction, string sql, string[] names,
        IReadOnlyList<EbsColumn> columns, IReadOnlyList<EbsRow> rows, System.Reflection.PropertyInfo arrayBind, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, rows.Count - start);
            await using var command = db.Command(connection, transaction, sql);
            arrayBind.SetValue(command, count);
            for (var i = 0; i < names.Length; i++)
            {
                var values = new object[count];
                for (var r = 0; r < count; r++)
                {
                    values[r] = rows[start + r].Values[i] ?? DBNull.Value;
                }

                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                parameter.DbType = DbTypeOf(columns[i].Type);
                parameter.Value = values;
                command.Parameters.Add(parameter);
            }

            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                // ODP.NET reports the failing array element through OracleException.Errors[n].ArrayBindIndex.
                throw Failure(db, e, ArrayBindRow(e) is { } index && index < count ? rows[start + index] : null);
            }
        }
    }

    private static int? ArrayBindRow(DbException e)
    {
        if (e.GetType().GetProperty("Errors")?.GetValue(e) is System.Collections.IEnumerable errors)
        {
            foreach (var error in errors)
            {
                if (error.GetType().GetProperty("ArrayBindIndex")?.GetValue(error) is int index && index >= 0)
                {
                    return index;
                }
            }
        }

        return null;
    }

    private static TargetException Failure(EbsDatabase db, DbException e, EbsRow? row)
    {
        var classified = db.Classify("inserting into the interface tables", e);
        if (classified is not RefusedByTargetException || row is null)
        {
            return classified;
        }

        var column = e.GetType().GetProperty("ColumnName")?.GetValue(e) as string;
        return EbsInterfaceRows.Refused(row.Record, row.LineNumber, column?.ToUpperInvariant() ?? "a column", e.Message);
    }

    private static DbType DbTypeOf(Type type)
        => type == typeof(long) ? DbType.Int64
            : type == typeof(decimal) ? DbType.Decimal
            : type == typeof(DateTime) ? DbType.DateTime2
            : DbType.String;
}
