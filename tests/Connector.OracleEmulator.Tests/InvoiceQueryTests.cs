using System.Net;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

public sealed class InvoiceQueryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Get_ByNumberAndBusinessUnitV1_FindsOnlyThatInvoice()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        await PostAsync(client, TestInvoices.Valid(number));
        await PostAsync(client, TestInvoices.Valid());

        var body = await client.GetJsonAsync(
            $"{TestInvoices.Path}?q=TransactionNumber='{number}';BusinessUnit='{EmulatorSetup.De}'");

        body["count"]!.GetValue<int>().ShouldBe(1);
        body["hasMore"]!.GetValue<bool>().ShouldBeFalse();
        body["items"]!.AsArray().Single()!["TransactionNumber"]!.GetValue<string>().ShouldBe(number);
        body.ContainsKey("totalResults").ShouldBeFalse();
    }

    [Fact]
    public async Task Get_UnquotedV1AndV2Expression_FindTheSameInvoice()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        await PostAsync(client, TestInvoices.Valid(number));
        using var v2 = fixture.Client(frameworkVersion: 2);

        var byExample = await client.GetJsonAsync($"{TestInvoices.Path}?q=TransactionNumber={number};TransactionSource=CONNECTOR DE01");
        var byExpression = await v2.GetJsonAsync(
            $"{TestInvoices.Path}?q=TransactionNumber='{number}' and TransactionSource='CONNECTOR DE01'");

        byExample["count"]!.GetValue<int>().ShouldBe(1);
        byExpression["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Get_V1SyntaxUnderV2OrUnknownAttribute_Is400()
    {
        using var v2 = fixture.Client(frameworkVersion: 2);
        using var v1 = fixture.Client();

        using var wrongSyntax = await v2.GetAsync($"{TestInvoices.Path}?q=TransactionNumber=1;BusinessUnit=X");
        using var unknown = await v1.GetAsync($"{TestInvoices.Path}?q=InvoiceNumber=1");

        wrongSyntax.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("offset=x")]
    [InlineData("expand=receivablesInvoiceDistributions")]
    [InlineData("fields=NoSuchAttribute")]
    public async Task Get_BadParameter_Is400(string parameter)
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync($"{TestInvoices.Path}?{parameter}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_LimitOffsetTotalResults_PageThroughMatches()
    {
        using var client = fixture.Client();
        var tag = TestInvoices.NewNumber();
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var invoice = TestInvoices.Valid();
            invoice["Comments"] = tag;
            numbers.Add((await PostAsync(client, invoice))["TransactionNumber"]!.GetValue<string>());
        }

        var url = $"{TestInvoices.Path}?q=Comments={tag}&limit=2&totalResults=true";
        var first = await client.GetJsonAsync(url + "&offset=0");
        var last = await client.GetJsonAsync(url + "&offset=4");

        first["totalResults"]!.GetValue<int>().ShouldBe(5);
        first["count"]!.GetValue<int>().ShouldBe(2);
        first["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        first["limit"]!.GetValue<int>().ShouldBe(2);
        Numbers(first).ShouldBe(numbers[..2]);
        last["count"]!.GetValue<int>().ShouldBe(1);
        last["hasMore"]!.GetValue<bool>().ShouldBeFalse();
        last["offset"]!.GetValue<int>().ShouldBe(4);
        Numbers(last).ShouldBe([numbers[4]]);
    }

    [Fact]
    public async Task Get_WithoutLimit_ReturnsAtMost25()
    {
        using var client = fixture.Client();
        for (var i = 0; i < 26; i++)
        {
            await PostAsync(client, TestInvoices.Valid());
        }

        var body = await client.GetJsonAsync(TestInvoices.Path);

        body["count"]!.GetValue<int>().ShouldBe(25);
        body["limit"]!.GetValue<int>().ShouldBe(25);
        body["hasMore"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Get_ExpandLines_IncludesLinesOnlyWhenAsked()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        await PostAsync(client, TestInvoices.Valid(number));
        var url = $"{TestInvoices.Path}?q=TransactionNumber={number}";

        var plain = (await client.GetJsonAsync(url))["items"]![0]!;
        var expanded = (await client.GetJsonAsync(url + "&expand=receivablesInvoiceLines"))["items"]![0]!;

        plain["receivablesInvoiceLines"].ShouldBeNull();
        var lines = expanded["receivablesInvoiceLines"]!.AsArray();
        lines.Select(l => l!["Description"]!.GetValue<string>()).ShouldBe(["Spindle", "Service"]);
        lines.Select(l => l!["LineAmount"]!.GetValue<decimal>()).ShouldBe([200.00m, 49.99m]);
    }

    [Fact]
    public async Task Get_ExpandUnderV3_LinesAreAPagedCollection()
    {
        using var client = fixture.Client(frameworkVersion: 3);
        var created = await PostAsync(client, TestInvoices.Valid());
        var id = created["CustomerTransactionId"]!.GetValue<long>();

        var item = await client.GetJsonAsync($"{TestInvoices.Path}/{id}?expand=receivablesInvoiceLines");

        var lines = item["receivablesInvoiceLines"]!.AsObject();
        lines["count"]!.GetValue<int>().ShouldBe(2);
        lines["items"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ById_ReturnsItemAndItsLinesChild_UnknownIdIs404()
    {
        using var client = fixture.Client();
        var created = await PostAsync(client, TestInvoices.Valid());
        var id = created["CustomerTransactionId"]!.GetValue<long>();

        var item = await client.GetJsonAsync($"{TestInvoices.Path}/{id}");
        var child = item["links"]!.AsArray().Single(l => l!["name"]?.GetValue<string>() == "receivablesInvoiceLines")!["href"]!.GetValue<string>();
        var lines = await client.GetJsonAsync(child);
        using var missing = await client.GetAsync($"{TestInvoices.Path}/1");

        item["TransactionNumber"]!.GetValue<string>().ShouldBe(created["TransactionNumber"]!.GetValue<string>());
        lines["items"]!.AsArray().Count.ShouldBe(2);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_FieldsAndOnlyData_ReturnOnlyThoseAttributesWithoutLinks()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        await PostAsync(client, TestInvoices.Valid(number));

        var body = await client.GetJsonAsync(
            $"{TestInvoices.Path}?q=TransactionNumber={number}&fields=CustomerTransactionId,TransactionNumber&onlyData=true");

        var item = body["items"]![0]!.AsObject();
        item.Select(p => p.Key).ShouldBe(["CustomerTransactionId", "TransactionNumber"]);
        body.ContainsKey("links").ShouldBeFalse();
    }

    private static string[] Numbers(JsonObject body) =>
        [.. body["items"]!.AsArray().Select(i => i!["TransactionNumber"]!.GetValue<string>())];

    private static async Task<JsonObject> PostAsync(HttpClient client, JsonObject invoice)
    {
        using var response = await client.PostAsync(invoice);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
