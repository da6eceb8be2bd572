using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Receipts (IReceiptTarget) and open items (IOpenItemSource) of contract 1.1 against the real Tryton.</summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonReceiptContractTests(TrytonServer server)
{
    private const string Vat = "T.V.A. Vente de biens Taux Normal";

    private EntityDefinition PayingEntity() => Entity(server, extra: new() { ["payment_method"] = "Bank" });

    [TrytonFact]
    public async Task PostReceiptAsync_OneInvoiceInFullOnePart_PaidThroughTheWizardAndFoundAgain()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var a = await PostAsync(target, entity, "CLI-103", 100m);
        var b = await PostAsync(target, entity, "CLI-103", 1000m);
        var receipt = Receipt(entity, 320m, Apply(a, 120m), Apply(b, 200m));

        var posted = await target.PostReceiptAsync(receipt, CancellationToken.None);
        var found = await target.FindReceiptAsync(receipt, CancellationToken.None);

        posted.Applications.Select(x => (x.InvoiceNumber, x.AmountApplied)).ShouldBe([(a, 120m), (b, 200m)]);
        posted.Unapplied.ShouldBe(0m);
        posted.Number.ShouldBe(receipt.ReceiptNumber);
        found.ShouldBe(posted);
        (await StateAsync(target, entity, a)).ShouldBe(("paid", 0m));
        (await StateAsync(target, entity, b)).ShouldBe(("posted", 1000m));
    }

    [TrytonFact]
    public async Task PostReceiptAsync_SameReceiptTwice_NothingPaidTwice()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var invoice = await PostAsync(target, entity, "CLI-105", 1000m);
        var receipt = Receipt(entity, 300m, Apply(invoice, 300m));

        var once = await target.PostReceiptAsync(receipt, CancellationToken.None);
        var twice = await target.PostReceiptAsync(receipt, CancellationToken.None);

        twice.ShouldBe(once);
        (await StateAsync(target, entity, invoice)).ShouldBe(("posted", 900m));
    }

    [TrytonFact]
    public async Task PostReceiptAsync_FirstApplicationPaidBeforeACrash_RetryPaysOnlyTheRest()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var a = await PostAsync(target, entity, "CLI-106", 100m);
        var b = await PostAsync(target, entity, "CLI-106", 100m);
        var receipt = Receipt(entity, 240m, Apply(a, 120m), Apply(b, 120m));
        await target.PostReceiptAsync(receipt with { Amount = 120m, Applications = [receipt.Applications[0]] }, CancellationToken.None);

        var completed = await target.PostReceiptAsync(receipt, CancellationToken.None);

        completed.Applications.Select(x => (x.InvoiceNumber, x.AmountApplied)).ShouldBe([(a, 120m), (b, 120m)]);
        (await StateAsync(target, entity, a)).ShouldBe(("paid", 0m));
        (await StateAsync(target, entity, b)).ShouldBe(("paid", 0m));
    }

    [TrytonFact]
    public async Task PostReceiptAsync_MoreThanDue_RefusedWithTheAmountDueNothingPaid()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var invoice = await PostAsync(target, entity, "CLI-109", 100m);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostReceiptAsync(Receipt(entity, 500m, Apply(invoice, 500m)), CancellationToken.None));

        refused.Message.ShouldContain("120");
        (await StateAsync(target, entity, invoice)).ShouldBe(("posted", 120m));
    }

    [TrytonFact]
    public async Task PostReceiptAsync_NotFullyAppliedOrUnknownInvoice_RefusedBeforeAnyPayment()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var invoice = await PostAsync(target, entity, "CLI-110", 100m);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() =>
            target.PostReceiptAsync(Receipt(entity, 200m, Apply(invoice, 100m), Apply("NO-SUCH", 50m)), CancellationToken.None));

        refused.Errors.Select(e => e.Code).ShouldBe(["CONNECTOR_TRYTON_UNAPPLIED", "CONNECTOR_INVOICE_NOT_FOUND"]);
        (await StateAsync(target, entity, invoice)).ShouldBe(("posted", 120m));
    }

    [TrytonFact]
    public async Task PostReceiptAsync_NoPaymentMethodOption_SetupErrorNamingIt()
    {
        var entity = Entity(server);
        using var target = Target(entity);

        var e = await Should.ThrowAsync<TargetSetupException>(() => target.PostReceiptAsync(Receipt(entity, 1m, Apply("X", 1m)), CancellationToken.None));

        e.Message.ShouldContain("payment_method is required");
    }

    [TrytonFact]
    public async Task LoadOpenItemsAsync_PartPaidInvoiceAndCreditNote_OpenAmountsWithSourceNumbers()
    {
        var entity = PayingEntity();
        using var target = Target(entity);
        var invoice = await PostAsync(target, entity, "CLI-102", 100m);
        var paid = await PostAsync(target, entity, "CLI-102", 10m);
        var credit = Number("A");
        await target.PostAsync(entity, Invoice(credit, "CLI-102", [Line(1, "Avoir", -1m, 50m, Vat, 20m)], InvoiceKind.CreditNote), CancellationToken.None);
        await target.PostReceiptAsync(Receipt(entity, 32m, Apply(invoice, 20m), Apply(paid, 12m)), CancellationToken.None);

        var items = await target.LoadOpenItemsAsync(entity, CancellationToken.None);

        var mine = items.Where(i => i.Number == invoice || i.Number == credit || i.Number == paid).OrderBy(i => i.OpenAmount).ToList();
        mine.Select(i => (i.Number, i.Kind, i.OpenAmount, i.OriginalAmount)).ShouldBe(
            [(credit, InvoiceKind.CreditNote, -60m, -60m), (invoice, InvoiceKind.Invoice, 100m, 120m)]);
        var item = mine[1];
        item.CustomerAccount.ShouldBe("CLI-102");
        item.Currency.ShouldBe("EUR");
        item.InvoiceDate.ShouldBe(Today);
        item.DueDate.ShouldBe(Today.AddDays(30));
        item.PaymentTerms.ShouldBe("Net 30");
        item.PaymentReference.ShouldNotBeNullOrEmpty();
        item.ErpId.ShouldNotBeNull();
        item.EntityCode.ShouldBe("FR02");
    }

    private static async Task<string> PostAsync(TrytonTarget target, EntityDefinition entity, string customer, decimal net)
    {
        var number = Number("F");
        await target.PostAsync(entity, Invoice(number, customer, [Line(1, "Porte", 1m, net, Vat, 20m)]), CancellationToken.None);
        return number;
    }

    private static ReceiptPosting Receipt(EntityDefinition entity, decimal amount, params ReceiptApplication[] applications)
    {
        var number = "VIR" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var key = string.Create(CultureInfo.InvariantCulture, $"FR02|RCPT|-|{number}|-|{amount:0.00}|EUR|-|1");
        return new ReceiptPosting(entity, key, number, Today, amount, "EUR", null, PaymentMethod.CreditTransfer, null, null, applications, null);
    }

    private static ReceiptApplication Apply(string invoice, decimal amount) => new(invoice, null, null, amount, 0m, 0m, null);

    private static async Task<(string State, decimal ToPay)> StateAsync(TrytonTarget target, EntityDefinition entity, string number)
    {
        var found = await InvoicesAsync(target, IdempotencyKey.ForInvoice(entity.Code, InvoiceKind.Invoice, number));
        var read = await target.Rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("id", "=", TrytonJson.ToId(found[0]!["id"]))], 1, ["state", "amount_to_pay"], CancellationToken.None);
        return (TrytonJson.ToText(read[0]!["state"])!, TrytonJson.ToDecimal(read[0]!["amount_to_pay"])!.Value);
    }
}
