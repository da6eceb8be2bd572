using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsReceiptTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>Open items through the default and a configured query on the PostgreSQL stand-in.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OracleEbsOpenItemTests(PostgresServer server)
{
    [PostgresFact]
    public async Task LoadOpenItemsAsync_DefaultQuery_OpenInvoicesAndCreditNotesMappedPaidOnesLeftOut()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = EbsTestData.Entity(db, Options());
        await EbsSeed.SeedAsync(db, entity, EbsTestData.Customers, EbsTestData.BatchSourceId);
        await SeedLockboxAsync(db);
        await OpenAsync(db, "F-5001", "C10001", 200m, terms: "2/10 NET 30");
        await OpenAsync(db, "F-5002", "C10001", 60m);
        await OpenAsync(db, "AV-5003", "C10002", -40m);
        await Target(entity, db).PostReceiptAsync(Receipt(entity, "C10001", 110m, Apply("F-5001", 50m), Apply("F-5002", 60m)), CancellationToken.None);

        var items = await ((IOpenItemSource)Target(entity, db)).LoadOpenItemsAsync(entity, CancellationToken.None);

        items.Select(i => (i.Number, i.Kind, i.CustomerAccount, i.OriginalAmount, i.OpenAmount)).ShouldBe(
            [("AV-5003", InvoiceKind.CreditNote, "C10002", -40m, -40m), ("F-5001", InvoiceKind.Invoice, "C10001", 200m, 150m)]);
        var item = items[1];
        item.EntityCode.ShouldBe("FR01");
        item.CustomerName.ShouldBe("Électricité Moreau SARL");
        item.Currency.ShouldBe("EUR");
        item.InvoiceDate.ShouldBe(new DateOnly(2026, 3, 17));
        item.DueDate.ShouldBe(new DateOnly(2026, 4, 16));
        item.PaymentTerms.ShouldBe("2/10 NET 30");
        (item.DiscountPercent, item.DiscountDays).ShouldBe((2m, 10));
        item.PurchaseOrder.ShouldBe("PO-F-5001");
        item.ErpId.ShouldNotBeNull();
        item.InstallmentId.ShouldNotBeNull();
    }

    [PostgresFact]
    public async Task LoadOpenItemsAsync_ConfiguredQuery_UsedInsteadOfTheDefault()
    {
        var db = await server.CreateDatabaseAsync();
        var query = EbsReceiptOptionsDefault.Replace("PS.CLASS IN ('INV', 'CM', 'DM')", "PS.CLASS = 'INV'", StringComparison.Ordinal);
        var entity = EbsTestData.Entity(db, Options(("open_items_query", query)));
        await EbsSeed.SeedAsync(db, entity, EbsTestData.Customers, EbsTestData.BatchSourceId);
        await OpenAsync(db, "F-6001", "C10001", 10m);
        await OpenAsync(db, "AV-6002", "C10001", -10m);

        var items = await ((IOpenItemSource)Target(entity, db)).LoadOpenItemsAsync(entity, CancellationToken.None);

        items.ShouldHaveSingleItem().Number.ShouldBe("F-6001");
    }

    [PostgresFact]
    public async Task LoadOpenItemsAsync_QueryWithoutTheColumns_SetupErrorNamingTheOption()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = EbsTestData.Entity(db, Options(("open_items_query", "SELECT TRX_NUMBER FROM AR_PAYMENT_SCHEDULES_ALL WHERE ORG_ID = :org_id")));
        await EbsSeed.SeedAsync(db, entity, EbsTestData.Customers, EbsTestData.BatchSourceId);
        await OpenAsync(db, "F-7001", "C10001", 10m);

        var e = await Should.ThrowAsync<TargetSetupException>(() => ((IOpenItemSource)Target(entity, db)).LoadOpenItemsAsync(entity, CancellationToken.None));

        e.Message.ShouldContain("open_items_query");
    }

    private static string EbsReceiptOptionsDefault => Connector.Adapters.Targets.OracleEbs.EbsReceiptOptions.DefaultOpenItems;
}
