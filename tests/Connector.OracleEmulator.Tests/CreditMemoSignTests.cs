using System.Net;

namespace Connector.OracleEmulator.Tests;

public sealed class CreditMemoSignTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Post_CreditMemoTypeWithPositiveTotal_IsRefused()
    {
        using var client = fixture.Client();
        var credit = TestInvoices.Valid();
        credit["TransactionType"] = "DE01 Gutschrift";
        credit.Remove("PaymentTerms");

        using var response = await client.PostAsync(credit);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "The transaction type DE01 Gutschrift is a credit memo type, so the transaction total must be negative.");
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == credit["TransactionNumber"]!.GetValue<string>());
    }
}
