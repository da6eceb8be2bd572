using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Plugins.Tryton;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Connector.Testing;

// The Connector posting N invoices into a real Tryton (the whole pipeline: store, resilience, the Tryton plugin over
// JSON-RPC) against Tryton's own most direct path: a server-side proteus script creating and posting the same number.
//   dotnet run -c Release --project bench/Connector.Bench.Tryton [-- --count 1000]
var count = Value("--count") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 1000;
var root = RepositoryRoot();
var home = Path.Combine(Path.GetTempPath(), "connector-bench-tryton-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(home);
var setupScript = Path.Combine(root, "tests", "tryton", "setup.sh");
AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Posting {count:N0} invoices of 2 lines into Tryton 6.0[/] (SQLite, one writer); Tryton home {home}");
await Shell(setupScript, "init");
await Shell(setupScript, "start");
try
{
    var env = File.ReadAllLines(Path.Combine(home, "env")).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    var database = env["TRYTON_DB"];
    var url = env["TRYTON_URL"][..env["TRYTON_URL"].LastIndexOf(database + "/", StringComparison.Ordinal)];

    // 1. The Connector: records Ready in the store (not timed), then the export timed.
    var work = Path.Combine(home, "connector");
    var (store, entity, runId) = Workspace.Create(root, work, url, database, env["TRYTON_USER"], count);
    using (store)
    {
        var secrets = new SecretSource(null, name => name == "B02_TRYTON_PASSWORD" ? env["TRYTON_PASSWORD"] : null);
        var registry = TargetRegistry.WithBuiltIns();
        registry.Register(new TrytonTargetFactory());
        var target = registry.Create(entity.Definition, new TargetContext(work, secrets, TimeProvider.System, NullLoggerFactory.Instance));
        var watch = Stopwatch.StartNew();
        var result = await new Exporter(store, TimeProvider.System, NullLogger.Instance, new ExportOptions()).ExportAsync(entity, target, runId, CancellationToken.None);
        watch.Stop();
        (target as IDisposable)?.Dispose();
        var confirmed = store.RecordsOfRun(runId).Count(r => r.State == RecordState.Confirmed);
        if (result.End != ExportEnd.Done || confirmed != count)
        {
            throw new InvalidOperationException($"The Connector's posting ended {result.End} ({result.Detail}) with {confirmed} of {count} confirmed.");
        }

        // 2. Tryton's own path, on the same server's database (the server idle meanwhile).
        var proteus = await Proteus(Path.Combine(root, "bench", "tryton", "proteus_bench.py"), Path.Combine(home, "trytond.conf"), database, Path.Combine(home, "setup.json"), count);
        var connectorRate = count / watch.Elapsed.TotalSeconds;
        var trytonRate = proteus.GetProperty("per_second").GetDouble();
        var table = new Table().AddColumns("Path", "Invoices", "Seconds", "Invoices/s", "ms per invoice");
        table.AddRow("Connector: pipeline + Tryton plugin (JSON-RPC: look-up, create, post, read back)", count.ToString("N0", CultureInfo.InvariantCulture),
            watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), connectorRate.ToString("0.00", CultureInfo.InvariantCulture),
            (1000 / connectorRate).ToString("0", CultureInfo.InvariantCulture));
        table.AddRow("Tryton: proteus in trytond mode (create + post, server-side)", proteus.GetProperty("count").GetInt32().ToString("N0", CultureInfo.InvariantCulture),
            proteus.GetProperty("seconds").GetDouble().ToString("0.0", CultureInfo.InvariantCulture), trytonRate.ToString("0.00", CultureInfo.InvariantCulture),
            (1000 / trytonRate).ToString("0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        var ratio = connectorRate / trytonRate;
        var verdict = ratio >= 0.8 ? "[green]met[/]" : "[red]not met[/]";
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Ratio Connector / Tryton's own path: [bold]{ratio:0.00}[/] (aim 0.8 or more: {verdict})"));
    }
}
finally
{
    await Shell(setupScript, "stop");
}

return 0;

async Task Shell(string script, string command)
{
    var info = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
    info.Environment["TRYTON_HOME"] = home;
    info.Environment["TRYTON_CUSTOMERS"] = Path.Combine(root, "mappings", "fr-tryton", "customers.csv");
    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"setup.sh {command} failed: {await output}{await error}");
    }
}

static async Task<JsonElement> Proteus(string script, string config, string database, string setup, int count)
{
    var info = new ProcessStartInfo("/usr/bin/python3", [script, "--config", config, "--database", database, "--setup", setup, "--count", count.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var text = await output;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"proteus_bench.py failed: {text}{await error}");
    }

    using var document = JsonDocument.Parse(text.Trim().Split('\n')[^1]);
    return document.RootElement.Clone();
}

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Connector.slnx")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Connector.slnx not found above " + AppContext.BaseDirectory);
}

/// <summary>Entity B02 posting into Tryton (the FR02 customers, parties there), with N invoices read into the store.</summary>
internal static class Workspace
{
    public static (SqliteStore Store, EntityRuntime Entity, long RunId) Create(string repository, string root, string url, string database, string user, int count)
    {
        var folder = Path.Combine(root, "mappings", "b02");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(repository, "mappings", "fr-tryton", "customers.csv"), Path.Combine(folder, "customers.csv"));
        PlainCsvEntity.Write(folder, "B02", string.Create(CultureInfo.InvariantCulture, $$"""
            code: B02
            name: Bench into Tryton
            currency: EUR
            country: FR
            master_data: customers.csv
            target:
              type: tryton
              business_unit: ACME Test SARL
              transaction_source: CONNECTOR B02
              transaction_type: Invoice
              credit_memo_type: Credit Note
              default_terms: Net 30
              options:
                url: {{url}}
                database: {{database}}
                user: {{user}}
                password: ${env:B02_TRYTON_PASSWORD}
                journal: REV
                account: "706"
              resilience:
                concurrency: 1
            """));
        string[] accounts = ["CLI-101", "CLI-102", "CLI-103", "CLI-104", "CLI-105", "CLI-106", "CLI-109", "CLI-110"];
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder(PlainCsvEntity.Header + "\n");
        for (var i = 1; i <= count; i++)
        {
            for (var line = 1; line <= 2; line++)
            {
                var qty = (i + line) % 9 + 1;
                csv.Append(CultureInfo.InvariantCulture, $"B-{i:D5},{today},{accounts[i % accounts.Length]},EUR,{line},Item {line},{qty},12.35,{qty * 12.35m}\n");
            }
        }

        var input = Path.Combine(root, "invoices.csv");
        File.WriteAllText(input, csv.ToString());
        var paths = new ConnectorPaths(Path.Combine(root, "data"), Path.Combine(root, "mappings"));
        Directory.CreateDirectory(paths.DataDirectory);
        var catalog = MappingCatalogLoader.Load(paths.MappingsDirectory);
        var store = SqliteStore.Open(paths.StoreFile);
        var entity = EntityRuntime.Load(catalog, catalog.Entities.Single(), store, TimeProvider.System);
        var runId = store.StartRun("B02", "bench", TimeProvider.System.GetUtcNow());
        var taken = new DocumentIntake(store, paths, TimeProvider.System).Take("B02", "bench", input, runId, "bench", "export");
        var outcome = new DocumentProcessor(store, paths, TimeProvider.System).Process(entity, taken.Document, catalog.Profile("B02", "export"), null, CancellationToken.None);
        if (outcome.Counts.GetValueOrDefault(RecordState.Ready) != count)
        {
            throw new InvalidOperationException($"The bench file gave {outcome.Counts.GetValueOrDefault(RecordState.Ready)} Ready records of {count}: {string.Join("; ", outcome.Problems.Take(3))}");
        }

        return (store, entity, runId);
    }
}
