using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusionRest;
using Connector.Mapping.Model;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionReceiptTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>Open items of FR01 read from receivablesInvoices and their installments (an emulator of its own).</summary>
public sealed class OracleFusionRestOpenItemTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>
{
    [Fact]
    public async Task LoadOpenItemsAsync_PaidPartPaidAndCreditNote_OpenOnesPagedAndMapped()
    {
        var entity = FusionRestTestData.Entity("FR01", "EUR", Connector.OracleEmulator.EmulatorSetup.Fr, "CONNECTOR FR01", "FR01 Facture", "FR01 Avoir",
            fixture.Options(("receipt_method", "FR01 Virement")), terms: "2/10 NET 30");
        using var handle = FusionRestFixture.Create(entity);
        var paid = await InvoiceAsync(handle.Target, entity, "C10001");
        var partly = await InvoiceAsync(handle.Target, entity, "C10001");
        var untouched = await InvoiceAsync(handle.Target, entity, "C10002");
        var credit = await InvoiceAsync(handle.Target, entity, "C10002", InvoiceKind.CreditNote);
        await ((IReceiptTarget)handle.Target).PostReceiptAsync(Receipt(entity, "C10001", 140.49m, Apply(paid, 100.49m), Apply(partly, 40m)), CancellationToken.None);
        var target = (OracleFusionRestTarget)handle.Target;
        target.OpenItemsPageSize = 2;

        var items = await target.LoadOpenItemsAsync(entity, CancellationToken.None);

        items.Select(i => (i.Number, i.Kind, i.CustomerAccount, i.OpenAmount)).ShouldBe(
        [
            (partly, InvoiceKind.Invoice, "C10001", 60.49m),
            (untouched, InvoiceKind.Invoice, "C10002", 100.49m),
            (credit, InvoiceKind.CreditNote, "C10002", -100m),
        ]);
        var item = items[0];
        item.EntityCode.ShouldBe("FR01");
        item.Currency.ShouldBe("EUR");
        item.OriginalAmount.ShouldBe(100.49m);
        item.InvoiceDate.ShouldBe(new DateOnly(2026, 11, 20));
        item.DueDate.ShouldNotBeNull();
        item.PaymentTerms.ShouldBe("2/10 NET 30");
        item.DiscountPercent.ShouldBe(2m);
        item.DiscountDays.ShouldBe(10);
        item.PurchaseOrder.ShouldBe("PO-4711");
        item.ErpId.ShouldBe(fixture.Emulator.Invoices.Single(i => i.TransactionNumber == partly).CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        item.InstallmentId.ShouldNotBeNullOrEmpty();
        item.Origin.ShouldBe("erp");
    }

    [Fact]
    public async Task LoadOpenItemsAsync_ServiceUnavailable_Transient()
    {
        var entity = FusionRestTestData.Fr(fixture.Options());
        using var handle = FusionRestFixture.Create(entity);
        fixture.Emulator.Faults.ServiceUnavailable("GET", Connector.OracleEmulator.FusionEmulator.InvoicesPath, TimeSpan.FromSeconds(1));

        await Should.ThrowAsync<TransientTargetException>(() => ((IOpenItemSource)handle.Target).LoadOpenItemsAsync(entity, CancellationToken.None));
    }
}
