using Connector.Adapters.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Values AutoInvoice's columns cannot take are refused before anything is written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OracleEbsValueTests(PostgresServer server)
{
    private async Task<(string Db, Mapping.Entities.EntityDefinition Entity, IBatchInvoiceTarget Target)> SetUpAsync(bool runAtOnce = true)
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db);
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);
        if (!runAtOnce)
        {
            await EbsSeed.ExecuteAsync(db, "UPDATE EBS_EMULATOR_SETTINGS SET RUN_AT_ONCE = FALSE");
        }

        return (db, entity, Target(entity, db));
    }

    [PostgresFact]
    public async Task SubmitAsync_ValueTooLongForAColumn_RefusesNamingRecordLineAndColumnAndWritesNothing()
    {
        var (db, entity, target) = await SetUpAsync();
        var line = Line(1, 1m, 10m) with { UnitOfMeasure = "Stück" };

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.SubmitAsync(Batch(entity, "FR01-B10", Invoice("F-0070", lines: line)), CancellationToken.None));

        refused.Message.ShouldContain("FR01|INV|F-0070");
        refused.Message.ShouldContain("UOM_CODE");
        refused.Errors.ShouldHaveSingleItem().LineNumber.ShouldBe(1);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task SubmitAsync_LineWithoutDescription_UsesTheItemCodeElseRefusesNamingDescription()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var withItem = Line(1, 1m, 10m) with { Description = " ", ItemCode = "CAB-2.5" };
        var bare = Line(1, 1m, 10m) with { Description = string.Empty, ItemCode = null };

        await target.SubmitAsync(Batch(entity, "FR01-B11", Invoice("F-0080", lines: withItem)), CancellationToken.None);
        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.SubmitAsync(Batch(entity, "FR01-B12", Invoice("F-0081", lines: bare)), CancellationToken.None));

        (await EbsSeed.ScalarAsync<string>(db, "SELECT DESCRIPTION FROM RA_INTERFACE_LINES_ALL")).ShouldBe("CAB-2.5");
        refused.Message.ShouldContain("DESCRIPTION");
        refused.Message.ShouldContain("FR01|INV|F-0081");
    }
}
