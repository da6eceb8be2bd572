using Connector.Adapters.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsReceiptTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Receipts through AutoLockbox on the PostgreSQL stand-in (AR_PAYMENTS_INTERFACE_ALL, the emulated ARLPLB).</summary>
[Collection(PostgresCollection.Name)]
public sealed class OracleEbsReceiptTests(PostgresServer server)
{
    private async Task<(string Db, Mapping.Entities.EntityDefinition Entity, IReceiptTarget Target)> SetUpAsync(bool runAtOnce = true, params (string, string)[] options)
    {
        var db = await server.CreateDatabaseAsync();
        var entity = EbsTestData.Entity(db, Options(options));
        await EbsSeed.SeedAsync(db, entity, EbsTestData.Customers, EbsTestData.BatchSourceId);
        await SeedLockboxAsync(db);
        if (!runAtOnce)
        {
            await EbsSeed.ExecuteAsync(db, "UPDATE EBS_EMULATOR_SETTINGS SET RUN_AT_ONCE = FALSE");
        }

        return (db, entity, Target(entity, db));
    }

    [PostgresFact]
    public async Task PostReceiptAsync_TwoInvoicesOneInPart_PostedByLockboxAppliedAndBalancesReduced()
    {
        var (db, entity, target) = await SetUpAsync();
        await OpenAsync(db, "F-1001", "C10001", 120m);
        await OpenAsync(db, "F-1002", "C10001", 300m);
        var receipt = Receipt(entity, "C10001", 250m, Apply("F-1001", 120m), Apply("F-1002", 100m));

        var posted = await target.PostReceiptAsync(receipt, CancellationToken.None);

        posted.Number.ShouldBe(receipt.ReceiptNumber);
        posted.Amount.ShouldBe(250m);
        posted.Unapplied.ShouldBe(30m);
        posted.Status.ShouldBe("UNAPP");
        posted.Applications.Select(a => (a.InvoiceNumber, a.AmountApplied)).ShouldBe([("F-1001", 120m), ("F-1002", 100m)]);
        (await EbsSeed.RowsAsync(db, "SELECT TRX_NUMBER, AMOUNT_DUE_REMAINING, STATUS FROM AR_PAYMENT_SCHEDULES_ALL ORDER BY TRX_NUMBER"))
            .Select(r => ((string)r["TRX_NUMBER"]!, (decimal)r["AMOUNT_DUE_REMAINING"]!, (string)r["STATUS"]!)).ShouldBe([("F-1001", 0m, "CL"), ("F-1002", 200m, "OP")]);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM AR_PAYMENTS_INTERFACE_ALL")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<string>(db, "SELECT STATUS FROM AR_TRANSMISSIONS_ALL")).ShouldBe("CL");
        (await target.FindReceiptAsync(receipt, CancellationToken.None)).ShouldBe(posted);
    }

    [PostgresFact]
    public async Task PostReceiptAsync_TenApplications_TransmissionRowsWithOverflowCountsAndAmounts()
    {
        var (db, entity, target) = await SetUpAsync(runAtOnce: false);
        var applications = Enumerable.Range(1, 10).Select(i => Apply("F-20" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 10m)).ToArray();
        foreach (var a in applications)
        {
            await OpenAsync(db, a.InvoiceNumber, "C10002", 10m);
        }

        var receipt = Receipt(entity, "C10002", 100m, applications);

        var pending = await Should.ThrowAsync<TransientTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));

        pending.Message.ShouldContain("not posted yet");
        var rows = await EbsSeed.RowsAsync(db, "SELECT * FROM AR_PAYMENTS_INTERFACE_ALL ORDER BY CASE RECORD_TYPE WHEN '1' THEN 1 WHEN '5' THEN 2 WHEN '6' THEN 3 WHEN '4' THEN 4 WHEN '7' THEN 5 WHEN '8' THEN 6 ELSE 7 END, OVERFLOW_SEQUENCE");
        rows.Select(r => (string)r["RECORD_TYPE"]!).ShouldBe(["1", "5", "6", "4", "7", "8", "9"]);
        rows.ShouldAllBe(r => (string)r["ATTRIBUTE15"]! == (string)rows[0]["ATTRIBUTE15"]! && (decimal)r["ORG_ID"]! == 204m);
        ((string)rows[0]["ATTRIBUTE15"]!).ShouldStartWith("CNX");
        rows[0]["DESTINATION_ACCOUNT"].ShouldBe("300060000112345678901");
        rows[0]["ORIGINATION"].ShouldBe("30006");
        rows[1]["LOCKBOX_NUMBER"].ShouldBe(Lockbox);
        var payment = rows[2];
        payment["CHECK_NUMBER"].ShouldBe(receipt.ReceiptNumber);
        payment["REMITTANCE_AMOUNT"].ShouldBe(100m);
        payment["CUSTOMER_NUMBER"].ShouldBe("C10002");
        payment["CURRENCY_CODE"].ShouldBe("EUR");
        payment["RECEIPT_DATE"].ShouldBe(new DateTime(2026, 4, 10));
        payment["ITEM_NUMBER"].ShouldBe(1m);
        payment["INVOICE1"].ShouldBe("F-2001");
        payment["INVOICE8"].ShouldBe("F-2008");
        payment["AMOUNT_APPLIED8"].ShouldBe(10m);
        var overflow = rows[3];
        overflow["OVERFLOW_SEQUENCE"].ShouldBe(1m);
        overflow["OVERFLOW_INDICATOR"].ShouldBe("9");
        overflow["ITEM_NUMBER"].ShouldBe(1m);
        overflow["INVOICE1"].ShouldBe("F-2009");
        overflow["INVOICE2"].ShouldBe("F-2010");
        overflow["INVOICE3"].ShouldBeNull();
        (rows[4]["BATCH_RECORD_COUNT"], rows[4]["BATCH_AMOUNT"]).ShouldBe((1m, 100m));
        (rows[5]["LOCKBOX_RECORD_COUNT"], rows[5]["LOCKBOX_AMOUNT"]).ShouldBe((1m, 100m));
        (rows[6]["TRANSMISSION_RECORD_COUNT"], rows[6]["TRANSMISSION_AMOUNT"]).ShouldBe((7m, 100m));

        await EbsSeed.ExecuteAsync(db, "SELECT ARLPLB_RUN(REQUEST_ID) FROM FND_CONCURRENT_REQUESTS WHERE CONCURRENT_PROGRAM_NAME = 'ARLPLB'");
        var found = await target.FindReceiptAsync(receipt, CancellationToken.None);
        var again = await target.PostReceiptAsync(receipt, CancellationToken.None);

        found.ShouldNotBeNull().Applications.Count.ShouldBe(10);
        found.Unapplied.ShouldBe(0m);
        again.ShouldBe(found);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM AR_TRANSMISSIONS_ALL")).ShouldBe(1);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM FND_CONCURRENT_REQUESTS WHERE CONCURRENT_PROGRAM_NAME = 'ARLPLB'")).ShouldBe(1);
    }

    [PostgresFact]
    public async Task PostReceiptAsync_SameReceiptTwice_OneTransmissionOneReceipt()
    {
        var (db, entity, target) = await SetUpAsync();
        await OpenAsync(db, "F-3001", "C10001", 80m);
        var receipt = Receipt(entity, "C10001", 80m, Apply("F-3001", 80m));

        var once = await target.PostReceiptAsync(receipt, CancellationToken.None);
        var twice = await target.PostReceiptAsync(receipt, CancellationToken.None);

        twice.ShouldBe(once);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM AR_CASH_RECEIPTS_ALL")).ShouldBe(1);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM AR_TRANSMISSIONS_ALL")).ShouldBe(1);
    }

    [PostgresFact]
    public async Task PostReceiptAsync_MoreThanTheInvoiceIsOpen_RefusedWithLockboxStatusAgainWithoutResubmitting()
    {
        var (db, entity, target) = await SetUpAsync();
        await OpenAsync(db, "F-4001", "C10001", 50m);
        var receipt = Receipt(entity, "C10001", 90m, Apply("F-4001", 90m));

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));
        var again = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostReceiptAsync(receipt, CancellationToken.None));

        refused.Errors.ShouldContain(e => e.Code == "AR_PLB_OVERAPPLY" && e.InvalidValue == "F-4001");
        refused.Message.ShouldContain("stay in AR_PAYMENTS_INTERFACE_ALL");
        again.Errors.ShouldBe(refused.Errors);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM FND_CONCURRENT_REQUESTS WHERE CONCURRENT_PROGRAM_NAME = 'ARLPLB'")).ShouldBe(1);
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM AR_CASH_RECEIPTS_ALL")).ShouldBe(0);
        (await EbsSeed.ScalarAsync<decimal>(db, "SELECT AMOUNT_DUE_REMAINING FROM AR_PAYMENT_SCHEDULES_ALL")).ShouldBe(50m);
    }

    [PostgresFact]
    public async Task PostReceiptAsync_UnknownCustomer_RefusedNamingTheAccount()
    {
        var (_, entity, target) = await SetUpAsync();

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostReceiptAsync(Receipt(entity, "C99999", 10m), CancellationToken.None));

        refused.Errors.ShouldContain(e => e.Code == "AR_PLB_CUST_NUM_INVALID" && e.InvalidValue == "C99999");
    }

    [PostgresFact]
    public async Task PostReceiptAsync_NoLockboxNumber_SetupErrorNamingTheOption()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = EbsTestData.Entity(db);
        var target = Target(entity, db);

        var e = await Should.ThrowAsync<TargetSetupException>(() => target.PostReceiptAsync(Receipt(entity, "C10001", 1m), CancellationToken.None));

        e.Message.ShouldContain("target.options.lockbox_number is required");
    }
}
