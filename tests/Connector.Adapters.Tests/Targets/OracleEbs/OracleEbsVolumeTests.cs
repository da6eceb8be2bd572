using System.Diagnostics;
using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using Xunit.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

[Collection(PostgresCollection.Name)]
public sealed class OracleEbsVolumeTests(PostgresServer server, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task SubmitAsync_HundredThousandLines_InsertInOneTransactionAndAllConfirm()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db);
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);
        await EbsSeed.ExecuteAsync(db, "UPDATE EBS_EMULATOR_SETTINGS SET RUN_AT_ONCE = FALSE");
        var lines = Enumerable.Range(1, 4).Select(n => Line(n, n, 12.5m)).ToArray();
        var invoices = Enumerable.Range(1, 25_000)
            .Select(i => Invoice("F-" + i.ToString("D6", CultureInfo.InvariantCulture), i % 2 == 0 ? "C10001" : "C10002", InvoiceKind.Invoice, "30 NET", lines))
            .ToArray();
        var batch = Batch(entity, "FR01-VOLUME", invoices);
        var target = Target(entity, db);

        var watch = Stopwatch.StartNew();
        var submission = await target.SubmitAsync(batch, CancellationToken.None);
        var insert = watch.Elapsed;

        submission.LineCount.ShouldBe(100_000);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(100_000);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(DISTINCT CREATION_DATE) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(1, "one transaction, one CURRENT_TIMESTAMP");

        watch.Restart();
        await EbsSeed.ExecuteAsync(db, "SELECT RAXMTR_RUN(REQUEST_ID) FROM FND_CONCURRENT_REQUESTS");
        var autoInvoice = watch.Elapsed;
        watch.Restart();
        var confirmation = await target.ConfirmAsync(batch, submission, CancellationToken.None);
        var confirm = watch.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"100,000 lines: insert + submit {insert.TotalSeconds:F1} s, emulated AutoInvoice {autoInvoice.TotalSeconds:F1} s, confirm {confirm.TotalSeconds:F1} s"));
        confirmation.Status.ShouldBe(ConfirmationStatus.Completed);
        confirmation.Outcomes.Count(o => o.Accepted).ShouldBe(25_000);
        confirmation.Outcomes[0].Created!.Amount.ShouldBe(125m);
    }
}
