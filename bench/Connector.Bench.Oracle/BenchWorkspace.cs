using System.Globalization;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using Connector.Testing;

namespace Connector.Bench.Oracle;

/// <summary>
/// A throw-away entity (B01) posting into an emulated Fusion pod: its mappings, customer master and invoice file, a
/// data folder with the store, and the records read and made Ready by the product's own pipeline (not timed).
/// </summary>
internal sealed class BenchWorkspace : IDisposable
{
    public const string Bu = "B01 Bench BU";
    public const string Source = "CONNECTOR B01";
    public const string Code = "B01";

    private BenchWorkspace(string root, ConnectorPaths paths, SqliteStore store, EntityRuntime entity, long runId)
    {
        Root = root;
        Paths = paths;
        Store = store;
        Entity = entity;
        RunId = runId;
    }

    public string Root { get; }

    public ConnectorPaths Paths { get; }

    public SqliteStore Store { get; }

    public EntityRuntime Entity { get; }

    public long RunId { get; }

    public static IReadOnlyList<string> Accounts { get; } = Enumerable.Range(1, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"B-{i:D3}")).ToList();

    /// <summary>The emulator's setup for the bench entity: one BU, a manual source, the types, 50 customers.</summary>
    public static EmulatorSetup Setup() => EmulatorSetup.Default with
    {
        BusinessUnits = [new(Bu, 300000047199801, "USD")],
        TransactionSources = [new(Source, Bu, NumberingMode.Manual)],
        TransactionTypes = [new("B01 Invoice", Bu, TransactionClass.Invoice), new("B01 Credit Memo", Bu, TransactionClass.CreditMemo)],
        Customers = Accounts.Select(a => new EmulatedCustomer(a, "Customer " + a, Bu, [a + "-BT"])).ToList(),
    };

    /// <summary>Writes the entity for <paramref name="targetType"/> at <paramref name="url"/>, and <paramref name="invoices"/> invoices of <paramref name="linesPerInvoice"/> lines, read into the store.</summary>
    public static BenchWorkspace Create(string targetType, Uri url, int invoices, int linesPerInvoice, int maxLinesPerFile)
    {
        var root = Path.Combine(Path.GetTempPath(), "connector-bench-oracle-" + Guid.NewGuid().ToString("N")[..8]);
        var folder = Path.Combine(root, "mappings", "b01");
        Directory.CreateDirectory(folder);
        PlainCsvEntity.Write(folder, Code, string.Create(CultureInfo.InvariantCulture, $$"""
            code: {{Code}}
            name: Bench Company
            currency: USD
            country: US
            master_data: customers.csv
            target:
              type: {{targetType}}
              business_unit: {{Bu}}
              business_unit_id: "300000047199801"
              transaction_source: {{Source}}
              transaction_type: B01 Invoice
              credit_memo_type: B01 Credit Memo
              default_terms: 30 NET
              max_lines_per_file: {{maxLinesPerFile}}
              options:
                url: {{url}}
                user: {{EmulatorSetup.DefaultUser}}
                password: ${env:B01_ORACLE_PASSWORD}
            """));
        var master = new StringBuilder("account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address\n");
        foreach (var account in Accounts)
        {
            master.Append(CultureInfo.InvariantCulture, $"{account},Customer {account},,,active,USD,{account}-BT,1 Main St\n");
        }

        File.WriteAllText(Path.Combine(folder, "customers.csv"), master.ToString());

        var clock = TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var input = Path.Combine(root, "invoices.csv");
        using (var writer = new StreamWriter(input))
        {
            writer.Write(PlainCsvEntity.Header + "\n");
            for (var i = 1; i <= invoices; i++)
            {
                for (var line = 1; line <= linesPerInvoice; line++)
                {
                    var qty = (i + line) % 9 + 1;
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"B-{i:D7},{today},{Accounts[i % Accounts.Count]},USD,{line},Item {line},{qty},12.35,{qty * 12.35m}\n"));
                }
            }
        }

        var paths = new ConnectorPaths(Path.Combine(root, "data"), Path.Combine(root, "mappings"));
        Directory.CreateDirectory(paths.DataDirectory);
        var catalog = MappingCatalogLoader.Load(paths.MappingsDirectory);
        var definition = catalog.Entities.Single();
        var store = SqliteStore.Open(paths.StoreFile);
        var runtime = EntityRuntime.Load(catalog, definition, store, clock);
        var runId = store.StartRun(Code, "bench", clock.GetUtcNow());
        var taken = new DocumentIntake(store, paths, clock).Take(Code, "bench", input, runId, "bench", "export");
        var outcome = new DocumentProcessor(store, paths, clock).Process(runtime, taken.Document, catalog.Profile(Code, "export"), null, CancellationToken.None);
        if (outcome.Counts.GetValueOrDefault(RecordState.Ready) != invoices)
        {
            throw new InvalidOperationException($"The bench file gave {outcome.Counts.GetValueOrDefault(RecordState.Ready)} Ready records, not {invoices}: {string.Join("; ", outcome.Problems.Take(3))}");
        }

        return new BenchWorkspace(root, paths, store, runtime, runId);
    }

    /// <summary>The entity's target, built from its entity.yaml as the product builds it, for <paramref name="concurrency"/> calls at once.</summary>
    public IInvoiceTarget Target(int concurrency)
        => TargetRegistry.WithBuiltIns().Create(
            Entity.Definition with { Target = Entity.Definition.Target with { Resilience = Entity.Definition.Target.Resilience with { Concurrency = concurrency } } },
            new TargetContext(Paths.DataDirectory, new SecretSource(null, name => name == "B01_ORACLE_PASSWORD" ? EmulatorSetup.DefaultPassword : null), TimeProvider.System, NullLoggerFactory.Instance));

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
