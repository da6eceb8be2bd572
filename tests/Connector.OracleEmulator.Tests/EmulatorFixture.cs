using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

/// <summary>One emulator per test class: the default setup plus an automatic, a duplicates-allowed and a second
/// manual source in DE01, and a USD-ledger BU with a JPY-priced customer for precision.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string De = EmulatorSetup.De;
    public const string AutoSource = "AUTO DE01";
    public const string DuplicatesSource = "DUPS DE01";
    public const string SecondSource = "SECOND DE01";

    public static EmulatorSetup TestSetup { get; } = EmulatorSetup.Default with
    {
        TransactionSources =
        [
            .. EmulatorSetup.Default.TransactionSources,
            new(AutoSource, De, NumberingMode.Automatic, NextAutomaticNumber: 5000),
            new(DuplicatesSource, De, NumberingMode.Manual, AllowDuplicateNumbers: true),
            new(SecondSource, De, NumberingMode.Manual),
        ],
    };

    public FusionEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await FusionEmulator.StartAsync(TestSetup);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>A new client with its own connections, authenticated as the default user or with a bearer token.</summary>
    public HttpClient Client(int? frameworkVersion = null, TimeSpan? timeout = null, string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = bearer is null
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
                Encoding.UTF8.GetBytes(EmulatorSetup.DefaultUser + ":" + EmulatorSetup.DefaultPassword)))
            : new AuthenticationHeaderValue("Bearer", bearer);
        if (frameworkVersion is { } version)
        {
            client.DefaultRequestHeaders.Add("REST-Framework-Version", version.ToString(CultureInfo.InvariantCulture));
        }

        return client;
    }
}

internal static class TestInvoices
{
    public const string Path = FusionEmulator.InvoicesPath;

    public static string NewNumber() => "T" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A valid DE01 invoice for account 10001 with two lines (2 × 100.00 and 1 × 49.99).</summary>
    public static JsonObject Valid(string? number = null, string source = "CONNECTOR DE01") => new()
    {
        ["BusinessUnit"] = EmulatorSetup.De,
        ["TransactionSource"] = source,
        ["TransactionType"] = "DE01 Rechnung",
        ["TransactionNumber"] = number ?? NewNumber(),
        ["TransactionDate"] = "2026-11-20",
        ["BillToCustomerNumber"] = "10001",
        ["PaymentTerms"] = "30 NET",
        ["InvoiceCurrencyCode"] = "EUR",
        ["receivablesInvoiceLines"] = new JsonArray(
            new JsonObject { ["LineNumber"] = 1, ["Description"] = "Spindle", ["Quantity"] = 2, ["UnitSellingPrice"] = 100.00m },
            new JsonObject { ["LineNumber"] = 2, ["Description"] = "Service", ["Quantity"] = 1, ["UnitSellingPrice"] = 49.99m }),
    };

    public static JsonObject Line(JsonObject invoice, int index) =>
        invoice["receivablesInvoiceLines"]!.AsArray()[index]!.AsObject();

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject invoice) =>
        client.PostAsync(Path, new StringContent(invoice.ToJsonString(), Encoding.UTF8, "application/vnd.oracle.adf.resourceitem+json"));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
