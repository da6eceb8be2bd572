using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.MasterData;
using Connector.Adapters.Tests.Targets.OracleEbs;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// The repository's sample entities, their target switched to the E-Business Suite interface tables on a real
/// PostgreSQL holding those tables and an AutoInvoice stand-in, run end to end on their sample files: every Ready
/// invoice ends Confirmed with the CUSTOMER_TRX_ID AutoInvoice created, once, and nothing is left in the interface.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleEntitiesIntoEbsTests(PostgresServer server) : IDisposable
{
    private const string Submit = "SELECT FND_REQUEST_SUBMIT_RAXMTR(:org_id, :batch_source_id, :batch_source_name, :default_date, :user_id)";

    private readonly TempDirectory _mappings = new();

    [PostgresTheory]
    [InlineData("DE01")]
    [InlineData("FR01")]
    [InlineData("US01")]
    public async Task SampleFiles_EveryReadyInvoiceConfirmedWithTheTransactionAutoInvoiceCreated(string code)
    {
        var db = await server.CreateDatabaseAsync();
        MappingsCopy.Copy(_mappings.Path, yaml => Regex.Replace(yaml, "^  type: oracle-fbdi$", $"  type: oracle-ebs\n  options:\n    provider: Npgsql\n    connection_string: ${{env:EBS_DB}}\n    submit: \"{Submit}\"\n    user_id: \"1318\"", RegexOptions.Multiline));
        using var harness = new PipelineHarness(_mappings.Path)
        {
            ExportOptions = new ExportOptions { Resilience = new() { RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 2, ConfirmPollInterval = TimeSpan.FromMilliseconds(20) } },
        };
        var entity = harness.Entity(code);
        using (var customers = File.OpenRead(Path.Combine(entity.Definition.Directory, entity.Definition.MasterData)))
        {
            await EbsSeed.SeedAsync(db, entity.Definition, CsvCustomerMasterReader.Read(customers, "customers.csv").Customers, 7001);
        }

        SampleSeeder.Seed([entity], harness.Paths);
        var secrets = new SecretSource(null, name => name == "EBS_DB" ? db : null);
        var target = TargetRegistry.WithBuiltIns().Create(entity.Definition, new TargetContext(harness.Paths.DataDirectory, secrets, TimeProvider.System, NullLoggerFactory.Instance));
        var run = await harness.Runner().RunAsync(entity, target, new RunRequest("test"), null, CancellationToken.None);

        run.Export!.End.ShouldBe(ExportEnd.Done);
        var records = harness.Store.RecordsOfRun(run.RunId);
        var confirmed = records.Where(r => r.State == RecordState.Confirmed).ToList();
        confirmed.ShouldNotBeEmpty(string.Join("; ", records.GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count()}")) + " | " + string.Join("; ", harness.Store.ListExceptions(code, true, 1000).Where(e => e.Code.StartsWith("TARGET", StringComparison.Ordinal)).Select(e => e.Message).Take(2)));
        records.ShouldNotContain(r => r.State == RecordState.Posting || r.State == RecordState.Posted || r.State == RecordState.Ready);
        harness.Store.ListExceptions(code, true, 1000).Where(e => e.Code.StartsWith("TARGET", StringComparison.Ordinal)).Select(e => e.Message).ShouldBeEmpty();

        var created = await EbsSeed.RowsAsync(db, "SELECT CUSTOMER_TRX_ID, TRX_NUMBER FROM RA_CUSTOMER_TRX_ALL");
        created.Count.ShouldBe(confirmed.Count);
        created.Select(r => (string)r["trx_number"]!).ShouldBeUnique();
        foreach (var record in confirmed)
        {
            var row = created.Single(r => (string)r["trx_number"]! == record.Number);
            record.Erp!.Id.ShouldBe(Convert.ToString(row["customer_trx_id"], CultureInfo.InvariantCulture));
            (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_LINES_ALL WHERE CUSTOMER_TRX_ID = @p0 AND LINE_TYPE = 'LINE'", row["customer_trx_id"]!)).ShouldBe(record.LineCount);
        }

        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
    }

    public void Dispose() => _mappings.Dispose();
}
