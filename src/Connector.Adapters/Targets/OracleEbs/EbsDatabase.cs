using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Connections and commands for one <c>oracle-ebs</c> target through plain ADO.NET. SQL is written once with
/// <c>:name</c> parameters and unquoted upper-case names, and the parameter marks are rewritten to the provider's
/// prefix, so the same text runs on Oracle and on PostgreSQL. Database errors become typed target exceptions.
/// </summary>
internal sealed partial class EbsDatabase
{
    private readonly DbProviderFactory _factory;
    private readonly OracleEbsOptions _options;
    private readonly string _entityCode;

    public EbsDatabase(DbProviderFactory factory, OracleEbsOptions options, string entityCode)
    {
        _factory = factory;
        _options = options;
        _entityCode = entityCode;
    }

    public OracleEbsOptions Options => _options;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _factory.CreateConnection() ?? throw new TargetSetupException($"Entity {_entityCode}: provider {_options.Provider} made no connection.");
        try
        {
            connection.ConnectionString = _options.ConnectionString;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Classify("connecting to the database", e);
        }
    }

    /// <summary>A command whose <c>:name</c> marks (for the names given) use the provider's prefix, with those parameters bound by name.</summary>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = _options.CommandTimeoutSeconds;
        var used = Marks(sql);
        command.CommandText = Rewrite(sql, parameters.Select(p => p.Name));
        BindByName(command);
        foreach (var (name, value) in parameters)
        {
            if (used.Contains(name))
            {
                command.Parameters.Add(Parameter(command, name, value));
            }
        }

        return command;
    }

    /// <summary>The text with each <c>:name</c> mark of the given names written with the provider's prefix.</summary>
    public string Rewrite(string sql, IEnumerable<string> names)
    {
        if (_options.ParameterPrefix == ":")
        {
            return sql;
        }

        var known = names.ToHashSet(StringComparer.Ordinal);
        return MarkPattern().Replace(sql, m => known.Contains(m.Groups[1].Value) ? _options.ParameterPrefix + m.Groups[1].Value : m.Value);
    }

    /// <summary>The names of the <c>:name</c> marks in a statement (a <c>::</c> cast is not a mark).</summary>
    private static HashSet<string> Marks(string sql)
        => MarkPattern().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPattern();

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is DateTime)
        {
            parameter.DbType = DbType.DateTime2;
        }

        return parameter;
    }

    /// <summary>ODP.NET binds by position unless told otherwise; other providers have no such switch.</summary>
    public static void BindByName(DbCommand command)
        => command.GetType().GetProperty("BindByName")?.SetValue(command, true);

    public static string Text(object? value) => value is null or DBNull ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public static long? Long(object? value) => value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>
    /// Maps a database failure to the pipeline's exceptions: connection loss, time-outs and deadlocks are transient;
    /// authentication, missing objects and privileges are setup problems; value and constraint errors are refusals.
    /// </summary>
    public TargetException Classify(string action, Exception e)
    {
        var what = $"Entity {_entityCode}, oracle-ebs, {action}: {e.Message}";
        if (e is TimeoutException)
        {
            return new TransientTargetException(what, inner: e);
        }

        if (e is not DbException db)
        {
            return new TargetSetupException(what, e);
        }

        var oracleNumber = db.GetType().GetProperty("Number")?.GetValue(db) as int?;
        var state = db.SqlState ?? string.Empty;
        if (oracleNumber is 60 or 51 or 1013 or 3113 or 3114 or 3135 or 12170 or 12514 or 12537 or 12541 or 12543 or 12545 or 12560 or 12571
            || state.StartsWith("08", StringComparison.Ordinal) || state is "40001" or "40P01" or "55P03" or "57014"
            || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal))
        {
            return new TransientTargetException(what, inner: e);
        }

        if (oracleNumber is 1 or 1400 or 1401 or 1438 or 1722 or 1830 or 1840 or 1841 or 1843 or 1847 or 1858 or 2290 or 2291 or 12899
            || state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal))
        {
            return new RefusedByTargetException(what, [new TargetError(e.Message, Code: oracleNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $"ORA-{n:00000}") : state)]);
        }

        if (oracleNumber is not null || state.Length > 0)
        {
            // Authentication (ORA-01017, 28xxx), missing tables or packages (ORA-00942, ORA-06550, 42xxx), privileges.
            return new TargetSetupException(what, e);
        }

        return db.IsTransient ? new TransientTargetException(what, inner: e) : new TargetSetupException(what, e);
    }
}
