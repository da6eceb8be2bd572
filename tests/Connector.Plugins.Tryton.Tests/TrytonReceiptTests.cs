using Connector.Adapters.Abstractions;
using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Receipts through Tryton's pay wizard on invoices the target posted, against the real Tryton.</summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonReceiptTests(TrytonServer server)
{
    [TrytonFact]
    public async Task PayAsync_PartThenRest_InvoicePaidInTryton()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var posted = await target.PostAsync(entity, Invoice(Number("F"), "CLI-101", [Line(1, "Porte", 1m, 1000m, "T.V.A. Vente de biens Taux Normal", 20m)]), CancellationToken.None);

        var first = await target.PayAsync(posted.ErpId, 200m, Today, "Bank", "Virement 1/2", CancellationToken.None);
        var second = await target.PayAsync(posted.ErpId, 1000m, Today, "Bank", "Virement 2/2", CancellationToken.None);

        first.ShouldBe(new TrytonPaymentResult("posted", 1000m, Partial: true));
        second.ShouldBe(new TrytonPaymentResult("paid", 0m, Partial: false));
    }

    [TrytonFact]
    public async Task PayAsync_MoreThanDue_RefusedAndNothingPaid()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var posted = await target.PostAsync(entity, Invoice(Number("F"), "CLI-102", [Line(1, "Fenêtre", 1m, 100m, "T.V.A. Vente de biens Taux Normal", 20m)]), CancellationToken.None);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PayAsync(posted.ErpId, 500m, Today, "Bank", "Trop", CancellationToken.None));

        refused.Message.ShouldContain("120");
        var stored = await target.Rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("id", "=", int.Parse(posted.ErpId, System.Globalization.CultureInfo.InvariantCulture))], 1, ["amount_to_pay", "state"], CancellationToken.None);
        TrytonJson.ToDecimal(stored[0]!["amount_to_pay"]).ShouldBe(120m);
        TrytonJson.ToText(stored[0]!["state"]).ShouldBe("posted");
    }
}
