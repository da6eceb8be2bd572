using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run: initdb in a temporary folder, started on a free 127.0.0.1 port,
/// with a template database holding the EBS tables and the emulated AutoInvoice; each test takes a fresh copy of it
/// (<see cref="CreateDatabaseAsync"/>). Stopped and deleted at the end. PostgreSQL refuses to run as root: as root the
/// programs run as the <c>postgres</c> system user, the folder handed to it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Template = "ebs_template";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private string? _folder;
    private int _databases;

    public int Port { get; private set; }

    public string ConnectionString(string database)
        => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false;Timeout=15;Command Timeout=120");

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Directory is null)
        {
            // The tests are skipped by PostgresFact outside CI; under CI they fail with this reason.
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "connector-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false).ConfigureAwait(false);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync(PostgresBinaries.Path("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]).ConfigureAwait(false);
        Port = FreePort();
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(PostgresBinaries.Path("pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"]).ConfigureAwait(false);

        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await ExecuteAsync(admin, $"CREATE DATABASE {Template}").ConfigureAwait(false);
        }

        await using var template = new NpgsqlConnection(ConnectionString(Template));
        await template.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(template, EbsSql.Schema).ConfigureAwait(false);
        await ExecuteAsync(template, EbsSql.AutoInvoice).ConfigureAwait(false);
        await ExecuteAsync(template, EbsSql.Lockbox).ConfigureAwait(false);
    }

    /// <summary>A fresh database holding the EBS tables (empty) and the emulated AutoInvoice; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (PostgresBinaries.Directory is null)
        {
            throw new InvalidOperationException(PostgresBinaries.Missing);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"ebs_{Interlocked.Increment(ref _databases)}");
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {Template}").ConfigureAwait(false);
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            await RunAsync(PostgresBinaries.Path("pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var said = await error.ConfigureAwait(false) + " " + await output.ConfigureAwait(false);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {said}"));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>The SQL scripts embedded in the test assembly.</summary>
internal static class EbsSql
{
    public static string Schema => Read("OracleEbs.ebs-schema.sql");

    public static string AutoInvoice => Read("OracleEbs.ebs-autoinvoice.sql");

    public static string Lockbox => Read("OracleEbs.ebs-lockbox.sql");

    private static string Read(string name)
    {
        using var stream = typeof(EbsSql).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
