using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Plugins.Tryton;
using Connector.Plugins.Tryton.Tests;

namespace Connector.Host.Tests.Posting.Tryton;

/// <summary>
/// The FR02 sample entity posting into a real Tryton through the Tryton plugin, loaded from a plugins folder as an
/// installed plugin: the pipeline end to end on the sample files, every outcome of samples/EXPECTED.md, and Tryton read
/// back (party, lines, taxes, totals).
/// </summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonEndToEndTests(TrytonServer server) : IDisposable
{
    private readonly TempDirectory _mappings = new();

    [TrytonFact]
    public async Task SampleFiles_ThroughTheInstalledPlugin_TrytonHoldsEachPostedInvoiceOnceWithItsPartyLinesTaxesAndTotals()
    {
        server.EnsureRunning();
        TrytonPipeline.CopyMappings(server, _mappings.Path);
        // The entity's own resilience (concurrency 1: Tryton numbers invoices in date order, one writer on SQLite).
        using var harness = new PipelineHarness(_mappings.Path) { ExportOptions = new ExportOptions() };
        var entity = harness.Entity("FR02");
        SampleSeeder.Seed([entity], harness.Paths);
        var target = TrytonPipeline.Registry().Create(entity.Definition, TrytonPipeline.Context(harness.Paths.DataDirectory, server));

        var run = await harness.Runner().RunAsync(entity, target, new RunRequest("test"), null, CancellationToken.None);
        (target as IDisposable)?.Dispose();

        run.Export!.End.ShouldBe(ExportEnd.Done);
        var records = harness.Store.RecordsOfRun(run.RunId);
        var confirmed = records.Where(r => r.State == RecordState.Confirmed).OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
        confirmed.Select(r => r.Number).ShouldBe(
            ["A2611-001", "F2611-001", "F2611-002", "F2611-004", "F2611-006", "F2611-010"],
            string.Join("; ", harness.Store.ListExceptions("FR02", true, 100).Select(e => $"{harness.Store.GetRecord(e.RecordId)!.Number}: {e.Code} {e.Message}")));
        var refused = harness.Store.ListExceptions("FR02", true, 100).Single(e => e.Code == "TARGET_REFUSED");
        harness.Store.GetRecord(refused.RecordId)!.Number.ShouldBe("F2611-005");
        refused.Message.ShouldContain("Net 45");
        records.ShouldNotContain(r => r.State == RecordState.Posting || r.State == RecordState.Ready);

        using var reader = TrytonPipeline.Reader(entity.Definition, server);
        decimal untaxed = 0, tax = 0, total = 0;
        foreach (var record in confirmed)
        {
            var found = await TrytonPipeline.InvoicesAsync(reader, record.IdempotencyKey);
            var invoice = found.ShouldHaveSingleItem()!.AsObject();
            invoice["state"]!.GetValue<string>().ShouldBe("posted");
            TrytonJson.ToText(TrytonJson.Dotted(invoice, "party", "code")).ShouldBe(record.Invoice.ResolvedCustomer!.AccountNumber);
            invoice["lines"]!.AsArray().Count.ShouldBe(record.LineCount);
            TrytonPipeline.Decimal(invoice["untaxed_amount"]).ShouldBe(record.NetAmount, $"invoice {record.Number}");
            TrytonPipeline.Decimal(invoice["tax_amount"]).ShouldBe(record.Invoice.TaxTotal, $"invoice {record.Number}");
            record.Erp!.Number.ShouldBe(invoice["number"]!.GetValue<string>());
            untaxed += TrytonPipeline.Decimal(invoice["untaxed_amount"]);
            tax += TrytonPipeline.Decimal(invoice["tax_amount"]);
            total += TrytonPipeline.Decimal(invoice["total_amount"]);
        }

        // samples/EXPECTED.md: 5 invoices and 1 credit note, net 11126.90, tax 1593.22, total 12720.12.
        (untaxed, tax, total).ShouldBe((11126.90m, 1593.22m, 12720.12m));
        (await TrytonPipeline.InvoicesAsync(reader, "FR02|INV|F2611-005")).ShouldBeEmpty();
    }

    [TrytonFact]
    public void MasterDataFromTheTarget_TheEntityMatchesAgainstTrytonsParties()
    {
        server.EnsureRunning();
        TrytonPipeline.CopyMappings(server, _mappings.Path, yaml => yaml.Replace("master_data: customers.csv", "master_data: target", StringComparison.Ordinal));
        Environment.SetEnvironmentVariable(TrytonPipeline.PasswordVariable, server.Password);
        using var data = new TempDirectory();
        var paths = new ConnectorPaths(data.Path, _mappings.Path) { PluginsDirectory = TrytonPipeline.InstalledPlugins };
        using var app = Connector.Host.Cli.ConnectorApp.Create(paths, TimeProvider.System);

        var entity = app.Entity("FR02");

        var seeded = server.Setup.GetProperty("customers");
        entity.Matcher.Count.ShouldBe(seeded.EnumerateObject().Count());
        entity.Matcher.FindByAccount("CLI-105")!.Name.ShouldBe(seeded.GetProperty("CLI-105").GetProperty("name").GetString());
        app.Entity("FR02").ShouldBeSameAs(entity, "read again only after a while, not at every use");
    }

    public void Dispose() => _mappings.Dispose();
}
