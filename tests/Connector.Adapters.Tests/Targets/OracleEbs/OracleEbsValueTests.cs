using Connector.Adapters.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Values AutoInvoice's columns cannot take: that invoice is not written and is reported refused; the others go on.</summary>
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
    public async Task SubmitAsync_ValueTooLongForAColumn_ThatInvoiceRefusedNamingLineAndColumn_OthersImported()
    {
        var (db, entity, target) = await SetUpAsync();
        var tooLong = Invoice("F-0070", lines: Line(1, 1m, 10m) with { TaxCode = new string('T', 51) });
        var good = Invoice("F-0071", lines: Line(1, 1m, 10m) with { UnitOfMeasure = "Stück" });
        var batch = Batch(entity, "FR01-B10", tooLong, good);

        var submission = await target.SubmitAsync(batch, CancellationToken.None);
        var confirmation = await target.ConfirmAsync(batch, submission, CancellationToken.None);

        var refused = confirmation.Outcomes.Single(o => o.IdempotencyKey == "FR01|INV|F-0070");
        refused.Accepted.ShouldBeFalse();
        var error = refused.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("TAX_CODE");
        error.LineNumber.ShouldBe(1);
        confirmation.Outcomes.Single(o => o.IdempotencyKey == "FR01|INV|F-0071").Accepted.ShouldBeTrue();
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_ALL")).ShouldBe(1);
    }

    [PostgresFact]
    public async Task SubmitAsync_UnitOfMeasure_CodeUpToThreeCharactersElseName()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);

        await target.SubmitAsync(Batch(entity, "FR01-B13", Invoice("F-0090", lines: [Line(1, 1m, 10m) with { UnitOfMeasure = "EA" }, Line(2, 1m, 10m) with { UnitOfMeasure = "Each" }])), CancellationToken.None);

        var rows = await EbsSeed.RowsAsync(db, "SELECT INTERFACE_LINE_ATTRIBUTE4 AS line, UOM_CODE, UOM_NAME FROM RA_INTERFACE_LINES_ALL ORDER BY 1");
        rows[0]["uom_code"].ShouldBe("EA");
        rows[0]["uom_name"].ShouldBeNull();
        rows[1]["uom_code"].ShouldBeNull();
        rows[1]["uom_name"].ShouldBe("Each");
    }

    [PostgresFact]
    public async Task SubmitAsync_LineWithoutDescription_UsesTheItemCodeElseRefusesNamingDescription()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var withItem = Line(1, 1m, 10m) with { Description = " ", ItemCode = "CAB-2.5" };
        var bare = Line(1, 1m, 10m) with { Description = string.Empty, ItemCode = null };
        var batch = Batch(entity, "FR01-B11", Invoice("F-0080", lines: withItem), Invoice("F-0081", lines: bare));

        var submission = await target.SubmitAsync(batch, CancellationToken.None);

        (await EbsSeed.ScalarAsync<string>(db, "SELECT DESCRIPTION FROM RA_INTERFACE_LINES_ALL")).ShouldBe("CAB-2.5");
        await EbsSeed.ExecuteAsync(db, "SELECT RAXMTR_RUN(REQUEST_ID) FROM FND_CONCURRENT_REQUESTS");
        var confirmation = await target.ConfirmAsync(batch, submission, CancellationToken.None);
        var refused = confirmation.Outcomes.Single(o => o.IdempotencyKey == "FR01|INV|F-0081");
        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("DESCRIPTION");
    }
}
