using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>Invoices and credit notes posted into the real Tryton and read back from it.</summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonPostTests(TrytonServer server)
{
    private const string GoodsNormal = "T.V.A. Vente de biens Taux Normal";
    private const string ServicesIntermediate = "T.V.A. Vente de services Taux Intermédiaire";

    [TrytonFact]
    public async Task PostAsync_InvoiceWithTwoTaxes_TrytonHoldsPartyLinesTaxesAndTotals()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-101",
        [
            Line(1, "Porte de service chêne", 1m, 1240.00m, GoodsNormal, 20m),
            Line(2, "Pose (heures)", 3.5m, 52.00m, ServicesIntermediate, 10m),
        ]);

        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);

        posted.Status.ShouldBe("posted");
        posted.Number.ShouldStartWith($"INV/{Today.Year}/");
        posted.Amount.ShouldBe(1240.00m * 1.2m + 182.00m * 1.1m);
        posted.Currency.ShouldBe("EUR");
        var stored = (await InvoicesAsync(target, invoice.IdempotencyKey)).ShouldHaveSingleItem()!;
        stored["id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(posted.ErpId);
        TrytonJson.ToText(TrytonJson.Dotted(stored, "party", "code")).ShouldBe("CLI-101");
        stored["party"]!.GetValue<int>().ShouldBe(server.Setup.GetProperty("customers").GetProperty("CLI-101").GetProperty("id").GetInt32());
        TrytonJson.ToDate(stored["invoice_date"]).ShouldBe(Today);
        TrytonJson.ToDecimal(stored["untaxed_amount"]).ShouldBe(1422.00m);
        TrytonJson.ToDecimal(stored["tax_amount"]).ShouldBe(248.00m + 18.20m);
        TrytonJson.ToText(TrytonJson.Dotted(stored, "payment_term", "name")).ShouldBe("Net 30");
        var lines = await LinesAsync(target, stored["id"]!.GetValue<int>());
        lines.Count.ShouldBe(2);
        var goods = lines.Single(l => TrytonJson.ToText(l!["description"]) == "Porte de service chêne")!;
        TrytonJson.ToDecimal(goods["amount"]).ShouldBe(1240.00m);
        TrytonJson.ToText(TrytonJson.Dotted(goods, "account", "code")).ShouldBe("706");
        var work = lines.Single(l => TrytonJson.ToText(l!["description"]) == "Pose (heures)")!;
        work["quantity"]!.GetValue<double>().ShouldBe(3.5);
        TrytonJson.ToDecimal(work["unit_price"]).ShouldBe(52.00m);
        TrytonJson.ToDecimal(work["amount"]).ShouldBe(182.00m);
        goods["taxes"]!.AsArray().Count.ShouldBe(1);
        work["taxes"]!.AsArray().Count.ShouldBe(1);
        goods["taxes"]![0]!.GetValue<int>().ShouldNotBe(work["taxes"]![0]!.GetValue<int>());
    }

    [TrytonFact]
    public async Task PostAsync_CreditNote_NegativeQuantitiesNumberedAsCreditNote()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("A"), "CLI-103", [Line(1, "Retour étagères", -4m, 95.00m, GoodsNormal, 20m)], InvoiceKind.CreditNote, terms: "Net 60");

        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);

        posted.Status.ShouldBe("posted");
        posted.Number.ShouldStartWith($"CN/{Today.Year}/");
        posted.Amount.ShouldBe(-456.00m);
        var stored = (await InvoicesAsync(target, invoice.IdempotencyKey)).ShouldHaveSingleItem()!;
        TrytonJson.ToDecimal(stored["untaxed_amount"]).ShouldBe(-380.00m);
        TrytonJson.ToDecimal(stored["tax_amount"]).ShouldBe(-76.00m);
        TrytonJson.ToText(TrytonJson.Dotted(stored, "payment_term", "name")).ShouldBe("Net 60");
        var line = (await LinesAsync(target, stored["id"]!.GetValue<int>())).ShouldHaveSingleItem()!;
        line["quantity"]!.GetValue<double>().ShouldBe(-4);
        TrytonJson.ToDecimal(line["unit_price"]).ShouldBe(95.00m);
    }

    [TrytonFact]
    public async Task PostAsync_SameInvoiceTwice_TrytonHoldsItOnce()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-102", [Line(1, "Quincaillerie", 1m, 186.40m, ServicesIntermediate, 10m)]);

        var first = await target.PostAsync(entity, invoice, CancellationToken.None);
        (await target.FindAsync(entity, invoice, CancellationToken.None)).ShouldBe(first);
        var second = await target.PostAsync(entity, invoice, CancellationToken.None);

        second.ShouldBe(first);
        (await InvoicesAsync(target, invoice.IdempotencyKey)).Count.ShouldBe(1);
    }

    [TrytonFact]
    public async Task FindAsync_NeverPosted_ReturnsNull()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-102", [Line(1, "Rien", 1m, 10m, null, null)]);

        (await target.FindAsync(entity, invoice, CancellationToken.None)).ShouldBeNull();
    }

    [TrytonFact]
    public async Task PostAsync_DraftLeftByCrashBeforePost_DraftReplacedAndPostedOnce()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var stale = Invoice(Number("F"), "CLI-106", [Line(1, "Comptoir (ancien prix)", 1m, 1800.00m, GoodsNormal, 20m)]);
        // What a crash between create and post leaves: a draft with the key, from content since corrected.
        var refs = await TrytonInvoiceResolver.ResolveAsync(entity, stale, new TrytonLookups(target.Rpc, TrytonOptions.Parse(entity, Secrets)), TrytonOptions.Parse(entity, Secrets), Today, CancellationToken.None);
        await target.Rpc.ModelAsync("account.invoice", "create", CancellationToken.None, TrytonJson.Array(TrytonInvoicePayload.Build(stale, refs)));
        (await InvoicesAsync(target, stale.IdempotencyKey)).ShouldHaveSingleItem()!["state"]!.GetValue<string>().ShouldBe("draft");
        (await target.FindAsync(entity, stale, CancellationToken.None)).ShouldBeNull();
        var corrected = stale with { Invoice = stale.Invoice with { Lines = [Line(1, "Comptoir", 1m, 1980.00m, GoodsNormal, 20m)] } };

        var posted = await target.PostAsync(entity, corrected, CancellationToken.None);

        posted.Amount.ShouldBe(2376.00m);
        var stored = (await InvoicesAsync(target, stale.IdempotencyKey)).ShouldHaveSingleItem()!;
        stored["state"]!.GetValue<string>().ShouldBe("posted");
        TrytonJson.ToDecimal(stored["untaxed_amount"]).ShouldBe(1980.00m);
    }

    [TrytonFact]
    public async Task PostAsync_DateWithoutFiscalPeriod_RefusedWithTrytonsMessageAndNoDraftLeft()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-101", [Line(1, "Hors exercice", 1m, 100m, GoodsNormal, 20m)], date: new DateOnly(2031, 1, 15));

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostAsync(entity, invoice, CancellationToken.None));

        refused.Message.ShouldContain("create a period for the date");
        refused.Errors.ShouldHaveSingleItem().Code.ShouldBe("UserError");
        (await InvoicesAsync(target, invoice.IdempotencyKey)).ShouldBeEmpty();
    }

    [TrytonFact]
    public async Task PostAsync_UnknownPartyTermAndTax_RefusedNamingEachValueAndLine()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var invoice = Invoice(Number("F"), "CLI-199", [Line(1, "Sous-traitance", 1m, 4100m, "TVA21", 21m)], terms: "Net 45");

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostAsync(entity, invoice, CancellationToken.None));

        refused.Errors.Select(e => e.Code).ShouldBe(["PARTY_UNKNOWN", "PAYMENT_TERM_UNKNOWN", "TAX_UNKNOWN"]);
        refused.Errors[0].InvalidValue.ShouldBe("CLI-199");
        refused.Errors[1].InvalidValue.ShouldBe("Net 45");
        refused.Errors[2].LineNumber.ShouldBe(1);
        (await InvoicesAsync(target, invoice.IdempotencyKey)).ShouldBeEmpty();
    }

    [TrytonFact]
    public async Task PostAsync_RateWithoutTaxCode_UniqueRateTakenAmbiguousRateRefused()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var ambiguous = Invoice(Number("F"), "CLI-109", [Line(1, "Isolation", 1m, 100m, null, 20m)]);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => target.PostAsync(entity, ambiguous, CancellationToken.None));

        refused.Errors.ShouldHaveSingleItem().Code.ShouldBe("TAX_AMBIGUOUS");
        refused.Errors[0].Message.ShouldContain("T.V.A. Vente de biens Taux Normal");

        var mapped = Entity(server, extra: new() { ["taxes"] = "TVA55=T.V.A. Vente de biens 5,5%" });
        using var mappedTarget = Target(mapped);
        var invoice = Invoice(Number("F"), "CLI-109", [Line(1, "Isolation", 2m, 1560m, "TVA55", 5.5m), Line(2, "Frais de port", 1m, 25m, null, null)]);
        var posted = await mappedTarget.PostAsync(mapped, invoice, CancellationToken.None);
        posted.Amount.ShouldBe(3120m * 1.055m + 25m);
    }

    [TrytonFact]
    public async Task PostAsync_InvoiceDatedNextYear_NumberedInNextYearsSequence()
    {
        var entity = Entity(server);
        using var target = Target(entity);
        var nextYear = new DateOnly(Today.Year + 1, 1, 2);
        var invoice = Invoice(Number("F"), "CLI-110", [Line(1, "Bancs", 6m, 310m, GoodsNormal, 20m)], date: nextYear);

        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);

        posted.Number.ShouldStartWith($"INV/{nextYear.Year}/");
    }
}
