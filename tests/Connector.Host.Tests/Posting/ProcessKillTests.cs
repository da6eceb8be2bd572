using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connector.Host.Store;
using Connector.OracleEmulator;
using Connector.Testing;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// The real <c>connector</c> process posting into the Oracle Fusion emulator through the REST adapter, killed with
/// SIGKILL at random points while it posts and started again each time: at the end Oracle holds every invoice once.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime, IDisposable
{
    private const int InvoiceCount = 500;
    private const string Bu = "K01 Kill Test BU";
    private const string Source = "CONNECTOR K01";

    private readonly TempDirectory _root = new();
    private readonly ConnectorProcess _connector = new();
    private FusionEmulator _oracle = null!;

    public async Task InitializeAsync()
    {
        var accounts = Enumerable.Range(1, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"K-{i:D3}")).ToList();
        _oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default with
        {
            BusinessUnits = [new(Bu, 300000047199901, "USD")],
            TransactionSources = [new(Source, Bu, NumberingMode.Manual)],
            TransactionTypes = [new("K01 Invoice", Bu, TransactionClass.Invoice), new("K01 Credit Memo", Bu, TransactionClass.CreditMemo)],
            Customers = accounts.Select(a => new EmulatedCustomer(a, "Customer " + a, Bu, [a + "-BT"])).ToList(),
        });

        // Every call takes a little while, as a real pod's do: the kills land in the middle of posting.
        _oracle.Faults.Add(new FaultRule(FaultKind.Latency, null, FusionEmulator.InvoicesPath, int.MaxValue) { Delay = TimeSpan.FromMilliseconds(15) });
        WriteEntity(accounts);
    }

    [Fact]
    public async Task Run_KilledAtRandomPointsWhilePosting_EmulatorHoldsEveryInvoiceExactlyOnce()
    {
        var random = new Random(20261125);
        var kills = 0;
        var inOracleNotInStore = 0;

        // Kill when Oracle holds k more invoices than at the start of the attempt, k chosen at random each time.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var before = _oracle.Invoices.Count;
            if (before >= InvoiceCount)
            {
                break;
            }

            var killAt = before + random.Next(20, Math.Max(21, (InvoiceCount - before) / 2));
            using var process = StartConnector();
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && _oracle.Invoices.Count < killAt && watch.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(random.Next(1, 15));
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            await process.WaitForExitAsync();
            inOracleNotInStore += _oracle.Invoices.Count - ConfirmedInStore();
        }

        kills.ShouldBeGreaterThanOrEqualTo(3, "the connector finished before it could be killed, so the test did not test anything: " + _connector.Output);

        // At least one kill fell between Oracle creating an invoice and the store learning it: the hard case.
        inOracleNotInStore.ShouldBeGreaterThan(0);

        // The last start runs to the end.
        using (var last = StartConnector())
        {
            (await ConnectorProcess.WaitAsync(last, TimeSpan.FromSeconds(120))).ShouldBeTrue("the last run did not finish in time: " + _connector.Output);
            last.ExitCode.ShouldBe(0, _connector.Output);
        }

        var invoices = _oracle.Invoices;
        invoices.Count.ShouldBe(InvoiceCount);
        invoices.Select(i => i.TransactionNumber).Distinct(StringComparer.Ordinal).Count().ShouldBe(InvoiceCount);
        using var store = SqliteStore.Open(Path.Combine(_root.Path, "data", "connector.db"));
        var records = store.RecordsOfRun(1);
        records.Count.ShouldBe(InvoiceCount);
        records.ShouldAllBe(r => r.State == RecordState.Confirmed);
        records.Select(r => r.Erp!.Id).Distinct(StringComparer.Ordinal).Count().ShouldBe(InvoiceCount);
    }

    public async Task DisposeAsync() => await _oracle.DisposeAsync();

    private Process StartConnector()
        => _connector.Start(Path.Combine(_root.Path, "data"), Path.Combine(_root.Path, "mappings"),
            new Dictionary<string, string> { ["K01_ORACLE_PASSWORD"] = EmulatorSetup.DefaultPassword });

    public void Dispose() => _root.Dispose();

    private int ConfirmedInStore()
    {
        var file = Path.Combine(_root.Path, "data", "connector.db");
        if (!File.Exists(file))
        {
            return 0;
        }

        using var store = SqliteStore.Open(file);
        return store.ListRuns("K01", 1).Count == 0 ? 0 : store.RecordsOfRun(1).Count(r => r.State == RecordState.Confirmed);
    }

    private void WriteEntity(IReadOnlyList<string> accounts)
    {
        var folder = Path.Combine(_root.Path, "mappings", "k01");
        Directory.CreateDirectory(folder);
        PlainCsvEntity.Write(folder, "K01", $$"""
            code: K01
            name: Kill Test Company
            currency: USD
            country: US
            master_data: customers.csv
            target:
              type: oracle-fusion-rest
              business_unit: {{Bu}}
              transaction_source: {{Source}}
              transaction_type: K01 Invoice
              credit_memo_type: K01 Credit Memo
              default_terms: 30 NET
              options:
                url: {{_oracle.BaseAddress}}
                user: {{EmulatorSetup.DefaultUser}}
                password: ${env:K01_ORACLE_PASSWORD}
              resilience:
                concurrency: 4
                retry_delay: 100ms
            """);
        var master = new StringBuilder("account_number,name,alternate_names,tax_ids,status,currency,bill_to_site,address\n");
        foreach (var account in accounts)
        {
            master.Append(CultureInfo.InvariantCulture, $"{account},Customer {account},,,active,USD,{account}-BT,1 Main St\n");
        }

        File.WriteAllText(Path.Combine(folder, "customers.csv"), master.ToString());

        // Dated today (by the machine's clock, as the connector process validates them), two lines each.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder(PlainCsvEntity.Header + "\n");
        for (var i = 1; i <= InvoiceCount; i++)
        {
            var account = accounts[i % accounts.Count];
            csv.Append(CultureInfo.InvariantCulture, $"K-{i:D5},{today},{account},USD,1,Bearings,{i % 7 + 1},12.50,{(i % 7 + 1) * 12.50m}\n");
            csv.Append(CultureInfo.InvariantCulture, $"K-{i:D5},{today},{account},USD,2,Freight,1,9.95,9.95\n");
        }

        var inbox = Path.Combine(_root.Path, "data", "inbox", "K01");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "invoices.csv"), csv.ToString());
    }
}
