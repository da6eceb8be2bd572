using System.Net;

namespace Connector.OracleEmulator.Tests;

public sealed class LovTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("finBusinessUnitsLOV", "BusinessUnitName", EmulatorSetup.Fr, "BusinessUnitId")]
    [InlineData("transactionSourcesLOV", "Name", "CONNECTOR US01", "TransactionSourceId")]
    [InlineData("transactionTypesLOV", "Name", "DE01 Gutschrift", "TransactionTypeId")]
    [InlineData("paymentTermsLOV", "Name", "30 NET", "PaymentTermsId")]
    [InlineData("currenciesLOV", "CurrencyCode", "JPY", "CurrencyCode")]
    [InlineData("receiptMethodsLOV", "Name", "US01 Lockbox", "ReceiptMethodId")]
    public async Task Get_ByNameInBothQSyntaxes_FindsExactlyThatValueAndGetsItById(string resource, string attribute, string value, string id)
    {
        using var v1 = fixture.Client();
        using var v2 = fixture.Client(frameworkVersion: 2);
        var path = FusionEmulator.ResourcesPath + "/" + resource;

        var byExample = await v1.GetJsonAsync($"{path}?q={attribute}={Uri.EscapeDataString(value)}");
        var byExpression = await v2.GetJsonAsync($"{path}?q={Uri.EscapeDataString($"{attribute}='{value}'")}&onlyData=true");
        var key = byExample["items"]![0]![id]!.ToString();
        var item = await v1.GetJsonAsync($"{path}/{Uri.EscapeDataString(key)}");

        byExample["count"]!.GetValue<int>().ShouldBe(1);
        byExample["items"]![0]![attribute]!.GetValue<string>().ShouldBe(value);
        byExample["items"]![0]!["links"].ShouldNotBeNull();
        byExpression["items"]!.AsArray().Single()![attribute]!.GetValue<string>().ShouldBe(value);
        byExpression["items"]![0]!.AsObject().ContainsKey("links").ShouldBeFalse();
        item[attribute]!.GetValue<string>().ShouldBe(value);
    }

    [Fact]
    public async Task Get_UnknownName_IsAnEmptyCollection()
    {
        using var client = fixture.Client(frameworkVersion: 4);

        var found = await client.GetJsonAsync(FusionEmulator.ResourcesPath + "/transactionSourcesLOV?q=Name='NOPE'");

        found["count"]!.GetValue<int>().ShouldBe(0);
        found["hasMore"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Get_TransactionTypesWithPagingAndFields_PagesAndTrims()
    {
        using var client = fixture.Client();
        var path = FusionEmulator.ResourcesPath + "/transactionTypesLOV";

        var first = await client.GetJsonAsync($"{path}?limit=4&totalResults=true&fields=Name,SetName&onlyData=true");
        var rest = await client.GetJsonAsync($"{path}?limit=4&offset=4");
        using var badField = await client.GetAsync($"{path}?fields=Nope");
        using var unauthenticated = await new HttpClient().GetAsync(new Uri(fixture.Emulator.BaseAddress, path));

        first["totalResults"]!.GetValue<int>().ShouldBe(6);
        first["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        first["items"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["Name", "SetName"]);
        first["items"]![0]!["SetName"]!.GetValue<string>().ShouldBe(EmulatorSetup.De);
        rest["count"]!.GetValue<int>().ShouldBe(2);
        rest["hasMore"]!.GetValue<bool>().ShouldBeFalse();
        badField.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
