using System.Diagnostics;
using System.Text.Json;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>
/// A real Tryton 6.0 for the test run: <c>tests/tryton/setup.sh init</c> (a fresh SQLite database with a French
/// company in EUR, its chart and VAT, fiscal years, Net 30 and Net 60, the FR02 sample customers) and <c>start</c> on a
/// free 127.0.0.1 port, in a temporary TRYTON_HOME; <c>stop</c> at the end. Needs Debian's Tryton packages
/// (<c>.ci/install-tryton.sh</c>): without them the tests are skipped (<see cref="TrytonFactAttribute"/>), or fail under CI.
/// </summary>
public sealed class TrytonServer : IAsyncLifetime
{
    private string? _home;

    /// <summary>The server address, e.g. <c>http://127.0.0.1:41234/</c> (without the database).</summary>
    public string Url { get; private set; } = string.Empty;

    public string Database { get; private set; } = string.Empty;

    public string User { get; private set; } = string.Empty;

    public string Password { get; private set; } = string.Empty;

    /// <summary>The ids written by setup_db.py (<c>$TRYTON_HOME/setup.json</c>).</summary>
    public JsonElement Setup { get; private set; }

    /// <summary>Throws with the reason when the server could not be started (Tryton missing under CI).</summary>
    public void EnsureRunning()
    {
        if (_home is null)
        {
            throw new InvalidOperationException(TrytonBinaries.Missing ?? "the Tryton server was not started");
        }
    }

    public async Task InitializeAsync()
    {
        if (TrytonBinaries.Missing is not null)
        {
            // Skipped by TrytonFact outside CI; under CI the tests fail with the reason.
            return;
        }

        _home = Path.Combine(Path.GetTempPath(), "connector-tryton-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_home);
        await RunAsync("init").ConfigureAwait(false);
        await RunAsync("start").ConfigureAwait(false);
        var env = File.ReadAllLines(Path.Combine(_home, "env"))
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var url = env["TRYTON_URL"];
        Database = env["TRYTON_DB"];
        Url = url[..url.LastIndexOf(Database + "/", StringComparison.Ordinal)];
        User = env["TRYTON_USER"];
        Password = env["TRYTON_PASSWORD"];
        using var setup = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_home, "setup.json")).ConfigureAwait(false));
        Setup = setup.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_home is null)
        {
            return;
        }

        await RunAsync("stop").ConfigureAwait(false);
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // a log still being written: the temporary folder is left behind
        }
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [TrytonBinaries.SetupScript, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TRYTON_HOME"] = _home;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/tryton/setup.sh {command} failed ({process.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }
}

/// <summary>The tests sharing one Tryton server, run one after the other (SQLite: one writer at a time).</summary>
[CollectionDefinition(Name)]
public sealed class TrytonCollection : ICollectionFixture<TrytonServer>
{
    public const string Name = "Tryton";
}
