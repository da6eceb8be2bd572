using System.Net;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

public sealed class InvoiceValidationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["no business unit"] = i => i.Remove("BusinessUnit"),
        ["unknown business unit"] = i => i["BusinessUnit"] = "Vision Operations",
        ["no source"] = i => i.Remove("TransactionSource"),
        ["unknown source"] = i => i["TransactionSource"] = "Manual-NES",
        ["source of another BU"] = i => i["TransactionSource"] = "CONNECTOR FR01",
        ["no type"] = i => i.Remove("TransactionType"),
        ["type of another BU"] = i => i["TransactionType"] = "US01 Invoice",
        ["no date"] = i => i.Remove("TransactionDate"),
        ["bad date"] = i => i["TransactionDate"] = "20.11.2026",
        ["no account"] = i => i.Remove("BillToCustomerNumber"),
        ["unknown account"] = i => i["BillToCustomerNumber"] = "99999",
        ["inactive account"] = i => i["BillToCustomerNumber"] = "10009",
        ["site of another account"] = i => i["BillToSite"] = "10002-BT1",
        ["account of another BU"] = i => i["BillToCustomerNumber"] = "100101",
        ["no terms on invoice"] = i => i.Remove("PaymentTerms"),
        ["unknown terms"] = i => i["PaymentTerms"] = "90 NET",
        ["no currency"] = i => i.Remove("InvoiceCurrencyCode"),
        ["unknown currency"] = i => i["InvoiceCurrencyCode"] = "XYZ",
        ["foreign currency without rate type"] = i => i["InvoiceCurrencyCode"] = "CHF",
        ["user rate without rate"] = i => { i["InvoiceCurrencyCode"] = "CHF"; i["ConversionRateType"] = "User"; },
        ["no number in manual source"] = i => i.Remove("TransactionNumber"),
        ["number too long"] = i => i["TransactionNumber"] = new string('9', 21),
        ["unknown attribute"] = i => i["InvoiceNumber"] = "X",
        ["read-only attribute"] = i => i["CustomerTransactionId"] = 1,
        ["bad status"] = i => i["InvoiceStatus"] = "Open",
        ["no lines"] = i => i.Remove("receivablesInvoiceLines"),
        ["empty lines"] = i => i["receivablesInvoiceLines"] = new JsonArray(),
        ["line without description"] = i => TestInvoices.Line(i, 0).Remove("Description"),
        ["line with unknown item"] = i => TestInvoices.Line(i, 0)["ItemNumber"] = "AS54888",
        ["line without quantity"] = i => TestInvoices.Line(i, 0).Remove("Quantity"),
        ["line with zero quantity"] = i => TestInvoices.Line(i, 0)["Quantity"] = 0,
        ["line with quantity as text"] = i => TestInvoices.Line(i, 0)["Quantity"] = "2",
        ["line without price"] = i => TestInvoices.Line(i, 0).Remove("UnitSellingPrice"),
        ["line amount not quantity times price"] = i => TestInvoices.Line(i, 0)["LineAmount"] = 199.99m,
        ["line without number"] = i => TestInvoices.Line(i, 0).Remove("LineNumber"),
        ["fractional line number"] = i => TestInvoices.Line(i, 0)["LineNumber"] = 1.5m,
        ["duplicate line number"] = i => TestInvoices.Line(i, 1)["LineNumber"] = 1,
        ["unknown line attribute"] = i => TestInvoices.Line(i, 0)["Amount"] = 200m,
    };

    [Theory]
    [InlineData("no business unit", "FND_CMN_REQ_ATTRIB_API_SERV", "BusinessUnit")]
    [InlineData("unknown business unit", "AR_BU_NOT_FOUND", "BusinessUnit")]
    [InlineData("no source", "FND_CMN_REQ_ATTRIB_API_SERV", "TransactionSource")]
    [InlineData("unknown source", "AR_BATCH_SOURCE_NOT_FOUND", "TransactionSource")]
    [InlineData("source of another BU", "AR_BATCH_SOURCE_NOT_FOUND", "TransactionSource")]
    [InlineData("no type", "FND_CMN_REQ_ATTRIB_API_SERV", "TransactionType")]
    [InlineData("type of another BU", "AR_TRX_TYPE_NOT_FOUND", "TransactionType")]
    [InlineData("no date", "FND_CMN_REQ_ATTRIB_API_SERV", "TransactionDate")]
    [InlineData("bad date", "FND_CMN_INVALID_ATTRIB_VALUE", "TransactionDate")]
    [InlineData("no account", "FND_CMN_REQ_ATTRIB_API_SERV", "BillToCustomerNumber")]
    [InlineData("unknown account", "AR_BILL_TO_CUST_NOT_FOUND", "BillToCustomerNumber")]
    [InlineData("inactive account", "AR_BILL_TO_CUST_NOT_FOUND", "BillToCustomerNumber")]
    [InlineData("site of another account", "AR_BILL_TO_SITE_NOT_FOUND", "BillToSite")]
    [InlineData("account of another BU", "AR_BILL_TO_SITE_NOT_FOUND", "BillToSite")]
    [InlineData("no terms on invoice", "FND_CMN_REQ_ATTRIB_API_SERV", "PaymentTerms")]
    [InlineData("unknown terms", "AR_TERMS_NOT_FOUND", "PaymentTerms")]
    [InlineData("no currency", "FND_CMN_REQ_ATTRIB_API_SERV", "InvoiceCurrencyCode")]
    [InlineData("unknown currency", "AR_CURRENCY_NOT_FOUND", "InvoiceCurrencyCode")]
    [InlineData("foreign currency without rate type", "AR_FUNC_CURRENCY_REQ", "ConversionRateType")]
    [InlineData("user rate without rate", "FND_CMN_REQ_ATTRIB_API_SERV", "ConversionRate")]
    [InlineData("no number in manual source", "FND_CMN_REQ_ATTRIB_API_SERV", "TransactionNumber")]
    [InlineData("number too long", "FND_CMN_INVALID_ATTRIB_VALUE", "TransactionNumber")]
    [InlineData("unknown attribute", "FND_CMN_INVALID_ATTRIB", "InvoiceNumber")]
    [InlineData("read-only attribute", "FND_CMN_INVALID_ATTRIB", "CustomerTransactionId")]
    [InlineData("bad status", "FND_CMN_INVALID_ATTRIB_VALUE", "InvoiceStatus")]
    [InlineData("no lines", "AR_TRX_LINES_REQ", "receivablesInvoiceLines")]
    [InlineData("empty lines", "AR_TRX_LINES_REQ", "receivablesInvoiceLines")]
    [InlineData("line without description", "AR_LINE_ATTR_OPT_REQ", "receivablesInvoiceLines[0].Description")]
    [InlineData("line with unknown item", "AR_ITEM_NOT_FOUND", "receivablesInvoiceLines[0].ItemNumber")]
    [InlineData("line without quantity", "FND_CMN_REQ_ATTRIB_API_SERV", "receivablesInvoiceLines[0].Quantity")]
    [InlineData("line with zero quantity", "FND_CMN_INVALID_ATTRIB_VALUE", "receivablesInvoiceLines[0].Quantity")]
    [InlineData("line with quantity as text", "FND_CMN_INVALID_ATTRIB_VALUE", "receivablesInvoiceLines[0].Quantity")]
    [InlineData("line without price", "FND_CMN_REQ_ATTRIB_API_SERV", "receivablesInvoiceLines[0].UnitSellingPrice")]
    [InlineData("line amount not quantity times price", "AR_LINE_AMOUNT_MISMATCH", "receivablesInvoiceLines[0].LineAmount")]
    [InlineData("line without number", "FND_CMN_REQ_ATTRIB_API_SERV", "receivablesInvoiceLines[0].LineNumber")]
    [InlineData("fractional line number", "FND_CMN_INVALID_ATTRIB_VALUE", "receivablesInvoiceLines[0].LineNumber")]
    [InlineData("duplicate line number", "AR_DUP_LINE_NUMBER", "receivablesInvoiceLines[1].LineNumber")]
    [InlineData("unknown line attribute", "FND_CMN_INVALID_ATTRIB", "receivablesInvoiceLines[0].Amount")]
    public async Task Post_InvalidInvoice_Is400WithOracleCodeAndPathAndNothingStored(string mutation, string code, string path)
    {
        using var client = fixture.Client(frameworkVersion: 4);
        var invoice = TestInvoices.Valid();
        Mutations[mutation](invoice);
        var before = fixture.Emulator.Invoices.Count;

        using var response = await client.PostAsync(invoice);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var details = (await response.JsonAsync())["o:errorDetails"]!.AsArray();
        details.Select(d => (d!["o:errorCode"]!.GetValue<string>(), d["o:errorPath"]?.GetValue<string>()))
            .ShouldBe([(code, path)]);
        fixture.Emulator.Invoices.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Post_SeveralProblems_AreAllReportedAsTextLinesByDefault()
    {
        using var client = fixture.Client();
        var invoice = TestInvoices.Valid();
        invoice["BillToCustomerNumber"] = "99999";
        invoice.Remove("PaymentTerms");

        using var response = await client.PostAsync(invoice);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Split('\n').ShouldBe(
        [
            "The bill-to customer account 99999 isn't valid.",
            "You must provide a value for the attribute PaymentTerms.",
        ]);
    }

    [Fact]
    public async Task Post_ForeignCurrencyWithCorporateRateAndCreditMemoWithoutTerms_AreAccepted()
    {
        using var client = fixture.Client();
        var foreign = TestInvoices.Valid();
        foreign["InvoiceCurrencyCode"] = "CHF";
        foreign["ConversionRateType"] = "Corporate";
        var credit = TestInvoices.Valid();
        credit["TransactionType"] = "DE01 Gutschrift";
        credit.Remove("PaymentTerms");
        TestInvoices.Line(credit, 0)["Quantity"] = -2;

        using var first = await client.PostAsync(foreign);
        using var second = await client.PostAsync(credit);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        (await second.JsonAsync())["DueDate"].ShouldBeNull();
    }
}
