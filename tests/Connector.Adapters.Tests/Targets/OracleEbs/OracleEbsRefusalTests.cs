using Connector.Adapters.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

[Collection(PostgresCollection.Name)]
public sealed class OracleEbsRefusalTests(PostgresServer server)
{
    private async Task<(string Db, Mapping.Entities.EntityDefinition Entity, IBatchInvoiceTarget Target)> SetUpAsync(Dictionary<string, string>? options = null)
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db, options);
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);
        return (db, entity, Target(entity, db));
    }

    [PostgresFact]
    public async Task ConfirmAsync_OneBadLine_RefusesTheWholeInvoiceWithThatLinesErrorAndCreatesNothing()
    {
        var (db, entity, target) = await SetUpAsync();
        var batch = Batch(entity, "FR01-R1", Invoice("F-0100", lines: [Line(1, 2m, 10m), Line(2, 2m, 10m, amount: 25m)]));

        var confirmation = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None), CancellationToken.None);

        var error = confirmation.Outcomes.ShouldHaveSingleItem().Errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("The amount must equal the quantity multiplied by the unit selling price (AMOUNT)");
        error.LineNumber.ShouldBe(2);
        error.InvalidValue.ShouldBe("25");
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_ALL")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task SubmitAsync_RefusedRowsLeftFromAnEarlierRun_AreReplacedByTheCorrectedRecord()
    {
        var (db, entity, target) = await SetUpAsync();
        var bad = Batch(entity, "FR01-R2", Invoice("F-0110", "C77777"));
        await target.SubmitAsync(bad, CancellationToken.None);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_ERRORS_ALL")).ShouldBeGreaterThan(0);

        // No confirmation ran (a crash): the refused rows are still there when the corrected record comes.
        var corrected = Batch(entity, "FR01-R3", Invoice("F-0110", "C10001"));
        var confirmation = await target.ConfirmAsync(corrected, await target.SubmitAsync(corrected, CancellationToken.None), CancellationToken.None);

        confirmation.Outcomes.ShouldHaveSingleItem().Accepted.ShouldBeTrue();
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_ERRORS_ALL")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task ConfirmAsync_RequestEndedInError_RefusesEveryInvoiceWithTheRequestsText()
    {
        var (db, entity, target) = await SetUpAsync(new() { ["batch_source_id"] = "999" });
        var batch = Batch(entity, "FR01-R4", Invoice("F-0120"));

        var confirmation = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None), CancellationToken.None);

        confirmation.Status.ShouldBe(ConfirmationStatus.Completed);
        confirmation.Detail!.ShouldContain("status E");
        var error = confirmation.Outcomes.ShouldHaveSingleItem().Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("ended in error");
        error.Message.ShouldContain("Invalid batch source");
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task ConfirmAsync_KeyAlreadyImportedByAnotherSystem_ConfirmsTheExistingTransaction()
    {
        var (db, entity, target) = await SetUpAsync();
        var first = Batch(entity, "FR01-R5", Invoice("F-0130"));
        var created = await target.ConfirmAsync(first, await target.SubmitAsync(first, CancellationToken.None), CancellationToken.None);

        // The same record in a later batch (e.g. re-sent after the store lost its state): nothing new is created.
        var again = Batch(entity, "FR01-R6", Invoice("F-0130"));
        var submission = await target.SubmitAsync(again, CancellationToken.None);
        var confirmation = await target.ConfirmAsync(again, submission, CancellationToken.None);

        confirmation.Outcomes.ShouldHaveSingleItem().Created!.ErpId.ShouldBe(created.Outcomes[0].Created!.ErpId);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_ALL")).ShouldBe(1);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM FND_CONCURRENT_REQUESTS")).ShouldBe(1, "nothing to import: no second request");
    }
}
