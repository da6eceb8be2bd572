using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

/// <summary>An emulator whose clock says 2026-11-25, for receipts without a date.</summary>
public sealed class ReceiptFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

    public FusionEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default with { Clock = new FixedClock(Now) });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ReceiptTests(ReceiptFixture fixture) : IClassFixture<ReceiptFixture>
{
    private const string Path = FusionEmulator.ResourcesPath + "/standardReceipts";

    [Fact]
    public async Task Post_ValidReceipt_Returns201WithIdDefaultsAndRemittanceReferences()
    {
        using var client = Client();
        var receipt = Receipt();
        receipt["remittanceReferences"] = new JsonArray(new JsonObject
        {
            ["ReceiptMatchBy"] = "Transaction Number", ["ReferenceNumber"] = "SK_INV_1011", ["ReferenceAmount"] = "8774.45",
        });

        using var response = await PostAsync(client, receipt);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var id = item["StandardReceiptId"]!.GetValue<long>();
        response.Headers.Location!.ToString().ShouldBe(new Uri(fixture.Emulator.BaseAddress, Path + "/" + id).ToString());
        item["Amount"]!.GetValue<decimal>().ShouldBe(451.23m);
        item["ReceiptDate"]!.GetValue<string>().ShouldBe("2026-11-25");
        item["AccountingDate"]!.GetValue<string>().ShouldBe("2026-11-25");
        item["CustomerName"]!.GetValue<string>().ShouldBe("Acme Corporation");
        item["CustomerSite"]!.GetValue<string>().ShouldBe("100101-BT1");
        item["UnappliedAmount"]!.GetValue<decimal>().ShouldBe(451.23m);
        item["remittanceReferences"]![0]!["ReferenceNumber"]!.GetValue<string>().ShouldBe("SK_INV_1011");
        var stored = fixture.Emulator.Receipts.Single(r => r.StandardReceiptId == id);
        stored.ReceiptDate.ShouldBe(new DateOnly(2026, 11, 25));
        stored.Attribute("RemittanceBankAccountNumber").ShouldBe("10271-17621-619");
        var references = await GetJsonAsync(client, $"{Path}/{id}/child/remittanceReferences");
        references["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameNumberDateAmountAndCustomer_IsRefusedAsAR_RCP_DUP_NUM()
    {
        using var client = Client(frameworkVersion: 4);
        var number = NewNumber();
        (await PostAsync(client, Receipt(number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var again = await PostAsync(client, Receipt(number));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await again.Content.ReadAsStringAsync())!["o:errorDetails"]![0]!;
        error["o:errorCode"]!.GetValue<string>().ShouldBe("AR_RCP_DUP_NUM");
        fixture.Emulator.Receipts.Count(r => r.ReceiptNumber == number).ShouldBe(1);
    }

    [Theory]
    [InlineData("ReceiptDate", "2026-11-24")]
    [InlineData("Amount", "451.24")]
    [InlineData("CustomerAccountNumber", "100102")]
    public async Task Post_SameNumberWithAnotherDateAmountOrCustomer_IsAnotherReceipt(string attribute, string value)
    {
        using var client = Client();
        var number = NewNumber();
        (await PostAsync(client, Receipt(number))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = Receipt(number);
        other[attribute] = value;

        using var response = await PostAsync(client, other);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        fixture.Emulator.Receipts.Count(r => r.ReceiptNumber == number).ShouldBe(2);
    }

    [Fact]
    public async Task Post_InvalidReceipt_ReportsEveryErrorAsOracleDoes()
    {
        using var client = Client(frameworkVersion: 4);
        var receipt = new JsonObject
        {
            ["ReceiptNumber"] = NewNumber(), ["ReceiptMethod"] = "DE01 Ueberweisung", ["BusinessUnit"] = EmulatorSetup.Us,
            ["Currency"] = "XXX", ["CustomerAccountNumber"] = "10001", ["RemittanceBankAccountNumber"] = "nope",
        };

        using var response = await PostAsync(client, receipt);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["o:errorDetails"]!.AsArray()
            .Select(e => e!["o:errorCode"]!.GetValue<string>());
        codes.ShouldBe(["FND_CMN_REQ_ATTRIB_API_SERV", "AR_INVAL_RECEIPT_MTH_ID", "AR_RAPI_CURR_CODE_INVALID", "AR_RAPI_CUST_NUM_INVALID"],
            ignoreOrder: true);
        fixture.Emulator.Receipts.ShouldNotContain(r => r.ReceiptNumber == receipt["ReceiptNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_UnknownBusinessUnitAndWrongBankAccount_AreRefused()
    {
        using var client = Client();
        var unknownBu = Receipt();
        unknownBu["BusinessUnit"] = "Vision Operations";
        var wrongBank = Receipt();
        wrongBank["RemittanceBankAccountNumber"] = "10271-17621-620";

        using var first = await PostAsync(client, unknownBu);
        using var second = await PostAsync(client, wrongBank);

        (await first.Content.ReadAsStringAsync()).ShouldBe("The business unit Vision Operations isn't valid.");
        (await second.Content.ReadAsStringAsync()).ShouldBe("The remittance bank account 10271-17621-620 isn't assigned to the receipt method US01 Check.");
    }

    [Fact]
    public async Task Get_ByNumberWithQAndPaging_FindsTheReceiptsOfTheNumber()
    {
        using var client = Client(frameworkVersion: 2);
        var number = NewNumber();
        var first = Receipt(number);
        var second = Receipt(number);
        second["Amount"] = 10;
        await PostAsync(client, first);
        await PostAsync(client, second);

        var page1 = await GetJsonAsync(client, $"{Path}?q=ReceiptNumber='{number}' and BusinessUnit='{EmulatorSetup.Us}'&limit=1&totalResults=true");
        var page2 = await GetJsonAsync(client, $"{Path}?q=ReceiptNumber='{number}'&limit=1&offset=1&onlyData=true");
        var id = page1["items"]![0]!["StandardReceiptId"]!.GetValue<long>();
        var item = await GetJsonAsync(client, $"{Path}/{id}");

        page1["totalResults"]!.GetValue<int>().ShouldBe(2);
        page1["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        page2["hasMore"]!.GetValue<bool>().ShouldBeFalse();
        page2["items"]![0]!["Amount"]!.GetValue<decimal>().ShouldBe(10m);
        page2["items"]![0]!.AsObject().ContainsKey("links").ShouldBeFalse();
        item["ReceiptNumber"]!.GetValue<string>().ShouldBe(number);
        (await client.GetAsync($"{Path}?q=Nonsense='x'")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"{Path}/42")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string NewNumber() => "RCP-" + Guid.NewGuid().ToString("N")[..10];

    private static JsonObject Receipt(string? number = null) => new()
    {
        ["ReceiptNumber"] = number ?? NewNumber(),
        ["ReceiptMethod"] = "US01 Check",
        ["BusinessUnit"] = EmulatorSetup.Us,
        ["Amount"] = "451.23",
        ["Currency"] = "USD",
        ["CustomerAccountNumber"] = "100101",
    };

    private HttpClient Client(int? frameworkVersion = null)
    {
        var client = new HttpClient { BaseAddress = fixture.Emulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EmulatorSetup.DefaultBearerToken);
        if (frameworkVersion is { } version)
        {
            client.DefaultRequestHeaders.Add("REST-Framework-Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject body) =>
        client.PostAsync(Path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
