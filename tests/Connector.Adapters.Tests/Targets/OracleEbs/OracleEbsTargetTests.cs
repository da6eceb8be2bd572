using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

[Collection(PostgresCollection.Name)]
public sealed class OracleEbsTargetTests(PostgresServer server)
{
    private async Task<(string Db, Mapping.Entities.EntityDefinition Entity, IBatchInvoiceTarget Target)> SetUpAsync(
        bool runAtOnce = true, Dictionary<string, string>? options = null)
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db, options);
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);
        if (!runAtOnce)
        {
            await EbsSeed.ExecuteAsync(db, "UPDATE EBS_EMULATOR_SETTINGS SET RUN_AT_ONCE = FALSE");
        }

        return (db, entity, Target(entity, db));
    }

    [PostgresFact]
    public async Task SubmitAsync_InvoiceAndCreditMemo_WritesInterfaceLinesColumnByColumn()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var creditMemo = Invoice("AV-0007", "C10002", InvoiceKind.CreditNote, terms: null, Line(1, 1m, -40m));
        var batch = Batch(entity, "FR01-B1", Invoice("F-0001"), creditMemo);

        var submission = await target.SubmitAsync(batch, CancellationToken.None);

        submission.InvoiceCount.ShouldBe(2);
        submission.LineCount.ShouldBe(3);
        long.Parse(submission.Reference, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var rows = await EbsSeed.RowsAsync(db, "SELECT * FROM RA_INTERFACE_LINES_ALL ORDER BY INTERFACE_LINE_ATTRIBUTE3, INTERFACE_LINE_ATTRIBUTE4");
        rows.Count.ShouldBe(3);

        var cm = rows[0];
        cm["INTERFACE_LINE_CONTEXT"].ShouldBe("CONNECTOR");
        cm["INTERFACE_LINE_ATTRIBUTE1"].ShouldBe("FR01");
        cm["INTERFACE_LINE_ATTRIBUTE2"].ShouldBe("CM");
        cm["INTERFACE_LINE_ATTRIBUTE3"].ShouldBe("AV-0007");
        cm["INTERFACE_LINE_ATTRIBUTE4"].ShouldBe("1");
        cm["INTERFACE_LINE_ATTRIBUTE5"].ShouldBeNull();
        cm["CUST_TRX_TYPE_NAME"].ShouldBe("FR01 Avoir");
        cm["TERM_NAME"].ShouldBeNull();
        cm["AMOUNT"].ShouldBe(-40m);
        cm["QUANTITY"].ShouldBe(1m);
        cm["UNIT_SELLING_PRICE"].ShouldBe(-40m);
        cm["ORIG_SYSTEM_BILL_CUSTOMER_REF"].ShouldBe("C10002");
        cm["ORIG_SYSTEM_BILL_ADDRESS_REF"].ShouldBe("C10002-BT1");
        cm["INTERNAL_NOTES"].ShouldBe("FR01|CM|AV-0007");

        var line = rows[1];
        line["INTERFACE_LINE_ATTRIBUTE2"].ShouldBe("INV");
        line["INTERFACE_LINE_ATTRIBUTE3"].ShouldBe("F-0001");
        line["INTERFACE_LINE_ATTRIBUTE4"].ShouldBe("1");
        line["BATCH_SOURCE_NAME"].ShouldBe("CONNECTOR FR01");
        line["ORG_ID"].ShouldBe(204m);
        line["LINE_TYPE"].ShouldBe("LINE");
        line["DESCRIPTION"].ShouldBe("Câble H07V-U 2.5mm² line 1");
        line["CURRENCY_CODE"].ShouldBe("EUR");
        line["CONVERSION_TYPE"].ShouldBe("User");
        line["CONVERSION_RATE"].ShouldBe(1m);
        line["CONVERSION_DATE"].ShouldBeNull();
        line["AMOUNT"].ShouldBe(100m);
        line["QUANTITY"].ShouldBe(2m);
        line["UNIT_SELLING_PRICE"].ShouldBe(50m);
        line["CUST_TRX_TYPE_NAME"].ShouldBe("FR01 Facture");
        line["TERM_NAME"].ShouldBe("45 EOM");
        line["ORIG_SYSTEM_BILL_CUSTOMER_REF"].ShouldBe("C10001");
        line["ORIG_SYSTEM_BILL_ADDRESS_REF"].ShouldBe("C10001-BT1");
        line["TRX_DATE"].ShouldBe(new DateTime(2026, 3, 17));
        line["GL_DATE"].ShouldBe(new DateTime(2026, 3, 17));
        line["TRX_NUMBER"].ShouldBe("F-0001");
        line["UOM_CODE"].ShouldBe("EA");
        line["TAX_CODE"].ShouldBe("FR VAT 20");
        line["PURCHASE_ORDER"].ShouldBe("PO-77");
        line["COMMENTS"].ShouldBe("March delivery");
        line["INTERNAL_NOTES"].ShouldBe("FR01|INV|F-0001");
        line["CREATED_BY"].ShouldBe(1318m);
        line["LAST_UPDATED_BY"].ShouldBe(1318m);
        line["CREATION_DATE"].ShouldNotBeNull();
        line["LAST_UPDATE_DATE"].ShouldNotBeNull();
        line["INTERFACE_LINE_ID"].ShouldBeNull();
        line["INTERFACE_STATUS"].ShouldBeNull();
        line["LINK_TO_LINE_CONTEXT"].ShouldBeNull();
        line["REFERENCE_LINE_CONTEXT"].ShouldBeNull();
        line["CUSTOMER_TRX_ID"].ShouldBeNull();
        rows[2]["INTERFACE_LINE_ATTRIBUTE4"].ShouldBe("2");
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL WHERE LINE_TYPE <> 'LINE'")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_DISTRIBUTIONS_ALL")).ShouldBe(0, "AutoAccounting by default");
        (await EbsSeed.ScalarAsync<string>(db, "SELECT ARGUMENT_TEXT FROM FND_CONCURRENT_REQUESTS WHERE REQUEST_ID = @p0", long.Parse(submission.Reference, System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldStartWith("1, 204, 1001, CONNECTOR FR01, ");
    }

    [PostgresFact]
    public async Task ConfirmAsync_CleanBatch_ConfirmsEveryInvoiceWithTheCreatedTransactions()
    {
        var (db, entity, target) = await SetUpAsync();
        var creditMemo = Invoice("AV-0007", "C10002", InvoiceKind.CreditNote, terms: null, Line(1, 1m, -40m));
        var batch = Batch(entity, "FR01-B2", Invoice("F-0001"), Invoice("F-0002", "C10002", lines: Line(1, 3m, 9.99m)), creditMemo);

        var submission = await target.SubmitAsync(batch, CancellationToken.None);
        var confirmation = await target.ConfirmAsync(batch, submission, CancellationToken.None);

        confirmation.Status.ShouldBe(ConfirmationStatus.Completed);
        confirmation.Outcomes.Count.ShouldBe(3);
        confirmation.Outcomes.ShouldAllBe(o => o.Accepted);
        var created = await EbsSeed.RowsAsync(db, "SELECT CUSTOMER_TRX_ID, TRX_NUMBER, REQUEST_ID FROM RA_CUSTOMER_TRX_ALL ORDER BY TRX_NUMBER");
        created.Count.ShouldBe(3);
        foreach (var outcome in confirmation.Outcomes)
        {
            var number = batch.Invoices.Single(p => p.IdempotencyKey == outcome.IdempotencyKey).Invoice.Number;
            var row = created.Single(r => (string)r["TRX_NUMBER"]! == number);
            outcome.Created!.ErpId.ShouldBe(row["CUSTOMER_TRX_ID"]!.ToString());
            outcome.Created.Number.ShouldBe(number);
            row["REQUEST_ID"]!.ToString().ShouldBe(submission.Reference);
        }

        confirmation.Outcomes[0].Created!.Amount.ShouldBe(112.5m);
        confirmation.Outcomes[1].Created!.Amount.ShouldBe(29.97m);
        confirmation.Outcomes[2].Created!.Amount.ShouldBe(-40m);
        confirmation.Outcomes[0].Created!.Currency.ShouldBe("EUR");
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_LINES_ALL WHERE INTERFACE_LINE_CONTEXT = 'CONNECTOR'")).ShouldBe(4);
    }

    [PostgresFact]
    public async Task ConfirmAsync_BadCustomerAndTerms_RefusesNamingRecordLineAndValueWithEbsMessage()
    {
        var (db, entity, target) = await SetUpAsync();
        var batch = Batch(entity, "FR01-B3",
            Invoice("F-0010", "C77777"),
            Invoice("F-0011", terms: "90 NET", lines: Line(1, 1m, 10m)),
            Invoice("F-0012", "C10099", lines: Line(1, 1m, 10m)),
            Invoice("F-0013"));

        var confirmation = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None), CancellationToken.None);

        confirmation.Status.ShouldBe(ConfirmationStatus.Completed);
        var unknown = confirmation.Outcomes[0];
        unknown.Accepted.ShouldBeFalse();
        unknown.IdempotencyKey.ShouldBe("FR01|INV|F-0010");
        unknown.Errors.ShouldContain(e => e.Message == "Invalid bill to customer reference (ORIG_SYSTEM_BILL_CUSTOMER_REF)" && e.LineNumber == 1 && e.InvalidValue == "C77777");
        unknown.Errors.ShouldContain(e => e.Message == "Invalid bill to customer reference (ORIG_SYSTEM_BILL_CUSTOMER_REF)" && e.LineNumber == 2);
        unknown.Errors.ShouldContain(e => e.Message == "Invalid bill to address reference (ORIG_SYSTEM_BILL_ADDRESS_REF)" && e.InvalidValue == "C77777-BT1");
        confirmation.Outcomes[1].Errors.ShouldHaveSingleItem().ShouldBe(new Abstractions.TargetError("Invalid payment terms (TERM_NAME)", null, 1, "90 NET"));
        confirmation.Outcomes[2].Errors.ShouldContain(e => e.InvalidValue == "C10099", "an inactive account");
        confirmation.Outcomes[3].Accepted.ShouldBeTrue();

        // The refused rows and their errors are cleared, so corrected records can be sent again under the same keys.
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_ERRORS_ALL")).ShouldBe(0);
        var corrected = Batch(entity, "FR01-B4", Invoice("F-0011", terms: "30 NET", lines: Line(1, 1m, 10m)));
        var again = await target.ConfirmAsync(corrected, await target.SubmitAsync(corrected, CancellationToken.None), CancellationToken.None);
        again.Outcomes.ShouldHaveSingleItem().Accepted.ShouldBeTrue();
    }

    [PostgresFact]
    public async Task SubmitAsync_SameBatchTwice_CreatesNothingTwice()
    {
        var (db, entity, target) = await SetUpAsync();
        var batch = Batch(entity, "FR01-B5", Invoice("F-0020"), Invoice("F-0021"));
        var first = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None), CancellationToken.None);

        var found = await target.FindSubmissionAsync(batch, CancellationToken.None);
        var second = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None), CancellationToken.None);

        found.ShouldNotBeNull();
        found.InvoiceCount.ShouldBe(2);
        found.LineCount.ShouldBe(4);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_ALL")).ShouldBe(2);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_LINES_ALL")).ShouldBe(4);
        second.Outcomes.Select(o => o.Created!.ErpId).ShouldBe(first.Outcomes.Select(o => o.Created!.ErpId));
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task SubmitAsync_RowsStillWaitingInTheInterface_AreNotInsertedAgain()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var batch = Batch(entity, "FR01-B6", Invoice("F-0030"));

        var first = await target.SubmitAsync(batch, CancellationToken.None);
        await target.SubmitAsync(batch, CancellationToken.None);

        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(2);
        (await target.ConfirmAsync(batch, first, CancellationToken.None)).Status.ShouldBe(ConfirmationStatus.Running);
        await EbsSeed.ExecuteAsync(db, "SELECT RAXMTR_RUN(REQUEST_ID) FROM FND_CONCURRENT_REQUESTS ORDER BY REQUEST_ID");
        var confirmation = await target.ConfirmAsync(batch, first, CancellationToken.None);
        confirmation.Status.ShouldBe(ConfirmationStatus.Completed);
        confirmation.Outcomes.ShouldHaveSingleItem().Accepted.ShouldBeTrue();
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_CUSTOMER_TRX_ALL")).ShouldBe(1);
    }

    [PostgresFact]
    public async Task FindSubmissionAsync_NothingSent_ReturnsNull()
    {
        var (_, entity, target) = await SetUpAsync();

        (await target.FindSubmissionAsync(Batch(entity, "FR01-B7", Invoice("F-0040")), CancellationToken.None)).ShouldBeNull();
    }

    [PostgresFact]
    public async Task ConfirmAsync_WrittenButNeverSubmitted_SubmitsThenConfirms()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var batch = Batch(entity, "FR01-B8", Invoice("F-0050"));
        await target.SubmitAsync(batch, CancellationToken.None);
        await EbsSeed.ExecuteAsync(db, "DELETE FROM FND_CONCURRENT_REQUESTS");
        await EbsSeed.ExecuteAsync(db, "UPDATE EBS_EMULATOR_SETTINGS SET RUN_AT_ONCE = TRUE");

        var found = await target.FindSubmissionAsync(batch, CancellationToken.None);
        found.ShouldNotBeNull();
        found.Reference.ShouldBeEmpty();
        var running = await target.ConfirmAsync(batch, found, CancellationToken.None);
        running.Status.ShouldBe(ConfirmationStatus.Running);
        running.Detail!.ShouldContain("submitted");

        var confirmation = await target.ConfirmAsync(batch, (await target.FindSubmissionAsync(batch, CancellationToken.None))!, CancellationToken.None);
        confirmation.Outcomes.ShouldHaveSingleItem().Accepted.ShouldBeTrue();
    }

    [PostgresFact]
    public async Task SubmitAsync_RevenueAccountDistributions_WritesOneRevRowPerLine()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false,
            options: new() { ["distributions"] = "rev_account", ["rev_account"] = "01.000.4110.0000" });

        await target.SubmitAsync(Batch(entity, "FR01-B9", Invoice("F-0060")), CancellationToken.None);

        var rows = await EbsSeed.RowsAsync(db, "SELECT * FROM RA_INTERFACE_DISTRIBUTIONS_ALL ORDER BY INTERFACE_LINE_ATTRIBUTE4");
        rows.Count.ShouldBe(2);
        rows[0]["ACCOUNT_CLASS"].ShouldBe("REV");
        rows[0]["INTERFACE_LINE_CONTEXT"].ShouldBe("CONNECTOR");
        rows[0]["INTERFACE_LINE_ATTRIBUTE3"].ShouldBe("F-0060");
        rows[0]["INTERFACE_LINE_ATTRIBUTE4"].ShouldBe("1");
        rows[0]["AMOUNT"].ShouldBe(100m);
        rows[0]["PERCENT"].ShouldBe(100m);
        rows[0]["SEGMENT1"].ShouldBe("01");
        rows[0]["SEGMENT3"].ShouldBe("4110");
        rows[0]["SEGMENT4"].ShouldBe("0000");
        rows[0]["SEGMENT5"].ShouldBeNull();
        rows[0]["ORG_ID"].ShouldBe(204m);
    }
}
