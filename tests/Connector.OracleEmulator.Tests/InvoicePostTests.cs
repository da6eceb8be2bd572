using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

public sealed class InvoicePostTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Post_ValidInvoice_Returns201WithItemLinesLinksAndDefaults()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        using var response = await client.PostAsync(TestInvoices.Valid(number));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.oracle.adf.resourceitem+json");
        var item = await response.JsonAsync();
        var id = item["CustomerTransactionId"]!.GetValue<long>();
        response.Headers.Location!.ToString().ShouldBe(fixture.Emulator.InvoicesUri + "/" + id);
        item["TransactionNumber"]!.GetValue<string>().ShouldBe(number);
        item["BillToSite"]!.GetValue<string>().ShouldBe("10001-BT1");
        item["BillToCustomerName"]!.GetValue<string>().ShouldBe("Hoffmann Fördertechnik GmbH");
        item["AccountingDate"]!.GetValue<string>().ShouldBe("2026-11-20");
        item["DueDate"]!.GetValue<string>().ShouldBe("2026-12-20");
        item["InvoiceStatus"]!.GetValue<string>().ShouldBe("Complete");
        item.ContainsKey("PurchaseOrder").ShouldBeTrue();
        item["PurchaseOrder"].ShouldBeNull();
        var lines = item["receivablesInvoiceLines"]!.AsArray();
        lines.Select(l => l!["LineAmount"]!.GetValue<decimal>()).ShouldBe([200.00m, 49.99m]);
        lines.ShouldAllBe(l => l!["CustomerTransactionLineId"]!.GetValue<long>() > id);
        item["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ShouldBe(["self", "canonical", "child", "child"]);
        var stored = fixture.Emulator.Invoices.Single(i => i.CustomerTransactionId == id);
        stored.TransactionNumber.ShouldBe(number);
        stored.TotalAmount.ShouldBe(249.99m);
    }

    [Fact]
    public async Task Post_SameNumberTwiceInManualSource_SecondIsRefusedAndNotStored()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        (await client.PostAsync(TestInvoices.Valid(number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var again = await client.PostAsync(TestInvoices.Valid(number));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await again.Content.ReadAsStringAsync()).ShouldBe(
            $"The transaction number {number} already exists for the transaction source CONNECTOR DE01.");
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameNumberInParallel_ExactlyOneIsStored()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync(TestInvoices.Valid(number))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(7);
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_SameNumberInAnotherSource_IsAccepted()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        (await client.PostAsync(TestInvoices.Valid(number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var other = await client.PostAsync(TestInvoices.Valid(number, EmulatorFixture.SecondSource));

        other.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_SameNumberInSourceAllowingDuplicates_IsAcceptedTwice()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        (await client.PostAsync(TestInvoices.Valid(number, EmulatorFixture.DuplicatesSource))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync(TestInvoices.Valid(number, EmulatorFixture.DuplicatesSource))).StatusCode.ShouldBe(HttpStatusCode.Created);

        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(2);
    }

    [Fact]
    public async Task Post_AutomaticSource_GeneratesIncreasingNumbers()
    {
        using var client = fixture.Client();
        var invoice = TestInvoices.Valid(source: EmulatorFixture.AutoSource);
        invoice.Remove("TransactionNumber");

        var first = await (await client.PostAsync(invoice)).JsonAsync();
        var second = await (await client.PostAsync(invoice.DeepClone().AsObject())).JsonAsync();

        var a = long.Parse(first["TransactionNumber"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var b = long.Parse(second["TransactionNumber"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        a.ShouldBeGreaterThanOrEqualTo(5000);
        b.ShouldBe(a + 1);
    }

    [Fact]
    public async Task Post_NumberToAutomaticSource_IsRefused()
    {
        using var client = fixture.Client(frameworkVersion: 4);

        using var response = await client.PostAsync(TestInvoices.Valid(source: EmulatorFixture.AutoSource));

        (await ErrorCodes(response)).ShouldBe(["AR_TRX_NUM_NOT_ALLOWED"]);
    }

    [Fact]
    public async Task Post_RefusalWithFrameworkVersion4_IsAdfErrorJson()
    {
        using var client = fixture.Client(frameworkVersion: 4);
        var invoice = TestInvoices.Valid();
        invoice["BusinessUnit"] = "Vision Operations";

        using var response = await client.PostAsync(invoice);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.oracle.adf.error+json");
        var body = await response.JsonAsync();
        body["title"]!.GetValue<string>().ShouldBe("Bad Request");
        body["status"]!.GetValue<string>().ShouldBe("400");
        var detail = body["o:errorDetails"]!.AsArray().Single()!;
        detail["o:errorCode"]!.GetValue<string>().ShouldBe("AR_BU_NOT_FOUND");
        detail["o:errorPath"]!.GetValue<string>().ShouldBe("BusinessUnit");
        detail["detail"]!.GetValue<string>().ShouldBe("The business unit Vision Operations isn't valid.");
    }

    [Fact]
    public async Task Post_NotJson_Is400AndWrongMediaTypeIs415()
    {
        using var client = fixture.Client();

        using var broken = await client.PostAsync(TestInvoices.Path, new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var text = await client.PostAsync(TestInvoices.Path, new StringContent("{}", Encoding.UTF8, "text/plain"));

        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_UpsertMode_IsRefusedAsNotEmulated()
    {
        using var client = fixture.Client(frameworkVersion: 4);
        client.DefaultRequestHeaders.Add("Upsert-Mode", "true");

        using var response = await client.PostAsync(TestInvoices.Valid());

        (await ErrorCodes(response)).ShouldBe(["EMULATOR_UNSUPPORTED"]);
    }

    internal static async Task<string[]> ErrorCodes(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["o:errorDetails"]!.AsArray().Select(d => d!["o:errorCode"]!.GetValue<string>())];
    }
}
