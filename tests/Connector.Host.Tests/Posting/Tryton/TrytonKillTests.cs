using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Plugins.Tryton.Tests;
using Connector.Testing;

namespace Connector.Host.Tests.Posting.Tryton;

/// <summary>
/// The real <c>connector</c> process posting into the real Tryton through the installed plugin, killed with SIGKILL
/// at random points while it posts and started again each time: at the end Tryton holds every invoice once.
/// </summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonKillTests(TrytonServer server) : IDisposable
{
    private const int InvoiceCount = 60;

    private readonly TempDirectory _root = new();
    private readonly ConnectorProcess _connector = new();

    [TrytonFact]
    public async Task Run_KilledAtRandomPointsWhilePostingIntoTryton_EveryInvoiceThereOnce()
    {
        server.EnsureRunning();
        var mappings = Path.Combine(_root.Path, "mappings");
        WriteEntity(mappings);
        var entity = MappingCatalogLoaderFor(mappings);
        using var reader = TrytonPipeline.Reader(entity, server);
        var random = new Random(20261126);
        var kills = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = await TrytonPipeline.CountAsync(reader, "K02|");
            if (before >= InvoiceCount)
            {
                break;
            }

            var killAt = before + random.Next(3, Math.Max(4, (InvoiceCount - before) / 2));
            using var process = StartConnector();
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && await TrytonPipeline.CountAsync(reader, "K02|") < killAt && watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(random.Next(20, 120));
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            await process.WaitForExitAsync();
        }

        kills.ShouldBeGreaterThanOrEqualTo(2, "the connector finished before it could be killed, so the test did not test anything: " + _connector.Output);
        using (var last = StartConnector())
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await last.WaitForExitAsync(limit.Token);
            last.ExitCode.ShouldBe(0, _connector.Output);
        }

        (await TrytonPipeline.CountAsync(reader, "K02|")).ShouldBe(InvoiceCount);
        for (var i = 1; i <= InvoiceCount; i++)
        {
            var invoices = await TrytonPipeline.InvoicesAsync(reader, string.Create(CultureInfo.InvariantCulture, $"K02|INV|K-{i:D4}"));
            invoices.ShouldHaveSingleItem()!["state"]!.GetValue<string>().ShouldBe("posted");
        }

        using var store = SqliteStore.Open(Path.Combine(_root.Path, "data", "connector.db"));
        store.RecordsOfRun(1).Count(r => r.State == RecordState.Confirmed).ShouldBe(InvoiceCount);
    }

    public void Dispose() => _root.Dispose();

    private Process StartConnector()
        => _connector.Start(Path.Combine(_root.Path, "data"), Path.Combine(_root.Path, "mappings"),
            new Dictionary<string, string> { [TrytonPipeline.PasswordVariable] = server.Password }, "--plugins", TrytonPipeline.InstalledPlugins);

    private static Mapping.Entities.EntityDefinition MappingCatalogLoaderFor(string mappings)
        => Adapters.Configuration.MappingCatalogLoader.Load(mappings).Entities.Single();

    /// <summary>K02: the FR02 customers (parties in Tryton), a plain CSV of 60 one-line invoices dated next January, target tryton.</summary>
    private void WriteEntity(string mappings)
    {
        var folder = Path.Combine(mappings, "k02");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(PipelineHarness.RepositoryMappings, "fr-tryton", "customers.csv"), Path.Combine(folder, "customers.csv"));
        PlainCsvEntity.Write(folder, "K02", $$"""
            code: K02
            name: Kill Test into Tryton
            currency: EUR
            country: FR
            master_data: customers.csv
            target:
              type: tryton
              business_unit: ACME Test SARL
              transaction_source: CONNECTOR K02
              transaction_type: Invoice
              credit_memo_type: Credit Note
              default_terms: Net 30
              options:
                url: {{server.Url}}
                database: {{server.Database}}
                user: {{server.User}}
                password: ${env:{{TrytonPipeline.PasswordVariable}}}
                journal: REV
                account: "706"
              resilience:
                concurrency: 1
                retry_delay: 200ms
            validation:
              max_days_in_future: 400
            """);
        var accounts = new[] { "CLI-101", "CLI-102", "CLI-103", "CLI-104", "CLI-105", "CLI-106", "CLI-109", "CLI-110" };
        // Dated in the next fiscal year (its own invoice sequence in Tryton): Tryton numbers invoices in date order, and the
        // other tests sharing this server post the sample files dated this year.
        var date = new DateOnly(TimeProvider.System.GetUtcNow().Year + 1, 1, 15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder(PlainCsvEntity.Header + "\n");
        for (var i = 1; i <= InvoiceCount; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"K-{i:D4},{date},{accounts[i % accounts.Length]},EUR,1,Pose de fenêtre,{i % 5 + 1},120.00,{(i % 5 + 1) * 120.00m}\n");
        }

        var inbox = Path.Combine(_root.Path, "data", "inbox", "K02");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "invoices.csv"), csv.ToString());
    }
}
