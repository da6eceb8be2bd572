using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

/// <summary>applyReceipt, balances due and installments, and applications read back through customer account activities.</summary>
public sealed class ApplyReceiptTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Receipts = FusionEmulator.ResourcesPath + "/standardReceipts";
    private const string Activities = FusionEmulator.ResourcesPath + "/receivablesCustomerAccountActivities";

    [Fact]
    public async Task ApplyReceipt_PartThenRest_BalancesUnappliedAndApplicationsFollow()
    {
        using var client = fixture.Client(4);
        var (invoiceId, installmentId) = await PostInvoiceAsync(client);
        var receiptId = await PostReceiptAsync(client, 300m);

        using (var first = await ApplyAsync(client, receiptId, installmentId, 100m))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
            (await first.JsonAsync())["result"]!.GetValue<long>().ShouldBeGreaterThan(0);
        }

        using (var rest = await ApplyAsync(client, receiptId, installmentId, null))
        {
            rest.StatusCode.ShouldBe(HttpStatusCode.OK, await rest.Content.ReadAsStringAsync());
        }

        var invoice = await client.GetJsonAsync($"{TestInvoices.Path}/{invoiceId}?expand=receivablesInvoiceInstallments");
        invoice["InvoiceBalanceAmount"]!.GetValue<decimal>().ShouldBe(0m);
        invoice["receivablesInvoiceInstallments"]!.AsObject()["items"]![0]!["InstallmentBalanceDue"]!.GetValue<decimal>().ShouldBe(0m);
        var receipt = await client.GetJsonAsync($"{Receipts}/{receiptId}");
        receipt["UnappliedAmount"]!.GetValue<decimal>().ShouldBe(300m - 249.99m);
        fixture.Emulator.Applications.Where(a => a.StandardReceiptId == receiptId).Select(a => a.AmountApplied).ShouldBe([100m, 149.99m]);

        var account = (await client.GetJsonAsync($"{Activities}?q=AccountNumber='10001'&onlyData=true"))["items"]![0]!;
        var accountId = account["CustomerAccountId"]!.GetValue<long>();
        var applications = await client.GetJsonAsync(
            string.Create(CultureInfo.InvariantCulture, $"{Activities}/{accountId}/child/standardReceiptApplications?q=StandardReceiptId='{receiptId}'"));
        applications["items"]!.AsArray().Select(a => a!["ApplicationAmount"]!.GetValue<decimal>()).ShouldBe([100m, 149.99m]);
        applications["items"]![0]!["ReferenceTransactionNumber"]!.GetValue<string>().ShouldBe(invoice["TransactionNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApplyReceipt_MoreThanTheBalanceDue_RefusedAsOverApplication()
    {
        using var client = fixture.Client(4);
        var (invoiceId, installmentId) = await PostInvoiceAsync(client);
        var receiptId = await PostReceiptAsync(client, 500m);

        using var response = await ApplyAsync(client, receiptId, installmentId, 250m);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.JsonAsync())["o:errorDetails"]![0]!;
        error["o:errorCode"]!.GetValue<string>().ShouldBe("AR_CKAP_OVERAPP");
        error["detail"]!.GetValue<string>().ShouldContain("249.99");
        (await client.GetJsonAsync($"{TestInvoices.Path}/{invoiceId}"))["InvoiceBalanceAmount"]!.GetValue<decimal>().ShouldBe(249.99m);
    }

    [Fact]
    public async Task ApplyReceipt_MoreThanTheReceiptHasUnapplied_Refused()
    {
        using var client = fixture.Client(4);
        var (_, installmentId) = await PostInvoiceAsync(client);
        var receiptId = await PostReceiptAsync(client, 50m);

        using var response = await ApplyAsync(client, receiptId, installmentId, 60m);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["o:errorDetails"]![0]!["o:errorCode"]!.GetValue<string>().ShouldBe("AR_RW_APP_NEG_UNAPP");
    }

    [Fact]
    public async Task ApplyReceipt_InvoiceInAnotherCurrency_Refused()
    {
        using var client = fixture.Client(4);
        var invoice = TestInvoices.Valid();
        invoice["InvoiceCurrencyCode"] = "USD";
        invoice["ConversionRateType"] = "Corporate";
        var (_, installmentId) = await PostInvoiceAsync(client, invoice);
        var receiptId = await PostReceiptAsync(client, 300m);

        using var response = await ApplyAsync(client, receiptId, installmentId, 100m);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["o:errorDetails"]![0]!["o:errorCode"]!.GetValue<string>().ShouldBe("AR_RAPI_APPLY_CURR_INVALID");
    }

    [Fact]
    public async Task ApplyReceipt_UnknownInstallmentOrReceipt_RefusedOr404()
    {
        using var client = fixture.Client(4);
        var receiptId = await PostReceiptAsync(client, 10m);

        using var unknown = await ApplyAsync(client, receiptId, 42, 1m);
        using var noReceipt = await ApplyAsync(client, 42, 42, 1m);

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.JsonAsync())["o:errorDetails"]![0]!["o:errorCode"]!.GetValue<string>().ShouldBe("AR_RAPI_APPLIED_PS_ID_INVALID");
        noReceipt.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApplyReceipt_FaultInjected_Answers503AndAppliesNothing()
    {
        using var client = fixture.Client(4);
        var (_, installmentId) = await PostInvoiceAsync(client);
        var receiptId = await PostReceiptAsync(client, 300m);
        fixture.Emulator.Faults.ServiceUnavailable("POST", $"{Receipts}/{receiptId}/action/applyReceipt", TimeSpan.FromSeconds(2));

        using var response = await ApplyAsync(client, receiptId, installmentId, 10m);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        fixture.Emulator.Applications.ShouldNotContain(a => a.StandardReceiptId == receiptId);
    }

    private static async Task<(long InvoiceId, long InstallmentId)> PostInvoiceAsync(HttpClient client, JsonObject? invoice = null)
    {
        using var response = await client.PostAsync(invoice ?? TestInvoices.Valid());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.JsonAsync())["CustomerTransactionId"]!.GetValue<long>();
        var installments = await client.GetJsonAsync($"{TestInvoices.Path}/{id}/child/receivablesInvoiceInstallments");
        return (id, installments["items"]![0]!["InstallmentId"]!.GetValue<long>());
    }

    private static async Task<long> PostReceiptAsync(HttpClient client, decimal amount)
    {
        var body = new JsonObject
        {
            ["ReceiptNumber"] = "R-" + Guid.NewGuid().ToString("N")[..10],
            ["ReceiptMethod"] = "DE01 Ueberweisung",
            ["BusinessUnit"] = EmulatorSetup.De,
            ["Amount"] = amount,
            ["Currency"] = "EUR",
            ["ReceiptDate"] = "2026-11-24",
            ["CustomerAccountNumber"] = "10001",
        };
        using var response = await client.PostAsync(Receipts, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["StandardReceiptId"]!.GetValue<long>();
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, long receiptId, long installmentId, decimal? amount)
    {
        var body = new JsonObject { ["appliedPaymentScheduleId"] = installmentId, ["calledFrom"] = "TEST" };
        if (amount is { } a)
        {
            body["amountApplied"] = a;
        }

        return client.PostAsync(string.Create(CultureInfo.InvariantCulture, $"{Receipts}/{receiptId}/action/applyReceipt"),
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/vnd.oracle.adf.action+json"));
    }
}
