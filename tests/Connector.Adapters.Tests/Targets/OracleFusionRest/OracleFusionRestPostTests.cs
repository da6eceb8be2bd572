using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

public sealed class OracleFusionRestPostTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>
{
    public static TheoryData<string, string, InvoiceKind> SampleInvoices => new()
    {
        { "DE01", "10001", InvoiceKind.Invoice },
        { "DE01", "10002", InvoiceKind.CreditNote },
        { "FR01", "C10001", InvoiceKind.Invoice },
        { "FR01", "C10003", InvoiceKind.CreditNote },
        { "US01", "100101", InvoiceKind.Invoice },
        { "US01", "100102", InvoiceKind.CreditNote },
    };

    [Theory]
    [MemberData(nameof(SampleInvoices))]
    public async Task PostAsync_SampleEntityInvoiceOrCreditMemo_IsCreatedAndReadBack(string code, string account, InvoiceKind kind)
    {
        var entity = Sample(code);
        using var handle = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, account, kind: kind);

        var created = await handle.Target.PostAsync(entity, postable, CancellationToken.None);
        var found = await handle.Target.FindAsync(entity, postable, CancellationToken.None);

        var stored = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == postable.Invoice.Number);
        created.ErpId.ShouldBe(stored.CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        created.Number.ShouldBe(postable.Invoice.Number);
        created.Amount.ShouldBe(postable.Invoice.NetTotal);
        created.Currency.ShouldBe(entity.Currency);
        created.Status.ShouldBe("Complete");
        found.ShouldBe(created);
        stored.TransactionSource.ShouldBe(entity.Target.TransactionSource);
        stored.Attribute("TransactionType").ShouldBe(kind == InvoiceKind.CreditNote ? entity.Target.CreditMemoType : entity.Target.TransactionType);
        stored.Attribute("PaymentTerms").ShouldBe(kind == InvoiceKind.CreditNote ? null : "30 NET");
        stored.Attribute("InternalNotes").ShouldBe(postable.IdempotencyKey);
        stored.Attribute("BillToCustomerNumber").ShouldBe(account);
        stored.Attribute("BillToSite").ShouldBe(account + "-BT1");
    }

    [Fact]
    public async Task PostAsync_Decimals_AreSentExactlyAndCreditMemoLinesAreNegativeQuantities()
    {
        var entity = Sample("DE01");
        using var handle = FusionRestFixture.Create(entity);
        var invoice = Invoice(entity, "10003", lines: [Line(1, 3m, 33.333m, 100.00m), Line(2, 0m, 0m, 12.34m)]);
        var credit = Invoice(entity, "10003", kind: InvoiceKind.CreditNote, lines: [Line(1, 2m, -19.99m, -39.98m)]);

        await handle.Target.PostAsync(entity, invoice, CancellationToken.None);
        await handle.Target.PostAsync(entity, credit, CancellationToken.None);

        var lines = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == invoice.Invoice.Number).Lines;
        lines.Select(l => (l.LineNumber, l.Quantity, l.UnitSellingPrice)).ShouldBe([(1, 3m, 33.333m), (2, 1m, 12.34m)]);
        var creditLine = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == credit.Invoice.Number).Lines.Single();
        (creditLine.Quantity, creditLine.UnitSellingPrice, creditLine.LineAmount).ShouldBe((-2m, 19.99m, -39.98m));
    }

    [Fact]
    public async Task PostAsync_ForeignCurrency_SendsCorporateConversion()
    {
        var entity = Sample("DE01");
        using var handle = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, "10004", currency: "CHF");

        var created = await handle.Target.PostAsync(entity, postable, CancellationToken.None);

        created.Currency.ShouldBe("CHF");
        var stored = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == postable.Invoice.Number);
        stored.Attribute("ConversionRateType").ShouldBe("Corporate");
        stored.Attribute("ConversionDate").ShouldBe("2026-11-20");
    }

    [Theory]
    [InlineData("4")]
    [InlineData("1")]
    public async Task PostAsync_UnknownCustomerAndBadLine_IsRefusedWithEveryOracleMessage(string version)
    {
        var entity = Sample("DE01", ("framework_version", version));
        using var handle = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, "99999", lines: [Line(1, 1m, 10m), Line(7, 0m, 0m, 0m, description: "") with { ItemCode = null }]);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => handle.Target.PostAsync(entity, postable, CancellationToken.None));

        refused.Errors.Select(e => e.Message).ShouldBe([
            "The bill-to customer account 99999 isn't valid.",
            "You must provide the item, memo line, or description for the line."], ignoreOrder: true);
        refused.Message.ShouldContain("The bill-to customer account 99999 isn't valid.");
        if (version == "4")
        {
            refused.Errors.Single(e => e.Code == "AR_BILL_TO_CUST_NOT_FOUND").LineNumber.ShouldBeNull();
            refused.Errors.Single(e => e.Code == "AR_LINE_ATTR_OPT_REQ").LineNumber.ShouldBe(7);
        }
        else
        {
            refused.Errors.ShouldAllBe(e => e.Code == null);
        }

        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == postable.Invoice.Number);
    }

    [Fact]
    public async Task PostAsync_SameInvoiceTwice_ReturnsTheExistingOneAndStoresOne()
    {
        var entity = Sample("FR01");
        using var handle = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, "C10002");

        var first = await handle.Target.PostAsync(entity, postable, CancellationToken.None);
        var second = await handle.Target.PostAsync(entity, postable, CancellationToken.None);

        second.ShouldBe(first);
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == postable.Invoice.Number).ShouldBe(1);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("amount")]
    public async Task PostAsync_SameNumberDifferentInvoice_IsRefusedAsAConflict(string difference)
    {
        var entity = Sample("US01");
        using var handle = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, "100103");
        await handle.Target.PostAsync(entity, postable, CancellationToken.None);
        var other = difference == "customer"
            ? Invoice(entity, "100104", postable.Invoice.Number)
            : Invoice(entity, "100103", postable.Invoice.Number, lines: [Line(1, 3m, 33.34m)]);

        var refused = await Should.ThrowAsync<RefusedByTargetException>(() => handle.Target.PostAsync(entity, other, CancellationToken.None));

        refused.Message.ShouldContain("as a different invoice");
        refused.Errors.ShouldContain(e => e.Code == "CONNECTOR_NUMBER_CONFLICT");
        refused.Errors.ShouldContain(e => e.Message.Contains("already exists", StringComparison.Ordinal));
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == postable.Invoice.Number).ShouldBe(1);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("2")]
    [InlineData("1")]
    public async Task FindAsync_AbsentNumber_IsNullAndPresentNumberIsFoundInItsSourceOnly(string version)
    {
        var de = Sample("DE01", ("framework_version", version));
        var fr = Sample("FR01", ("framework_version", version));
        using var handle = FusionRestFixture.Create(de);
        var number = $"D;{version} O'N {Guid.NewGuid():N}"[..16];
        var postable = Invoice(de, "10005", number: number);
        await handle.Target.PostAsync(de, postable, CancellationToken.None);

        var found = await handle.Target.FindAsync(de, postable, CancellationToken.None);
        var absent = await handle.Target.FindAsync(de, Invoice(de, "10005"), CancellationToken.None);
        var otherEntity = await handle.Target.FindAsync(fr, Invoice(fr, "C10001", postable.Invoice.Number), CancellationToken.None);

        found.ShouldNotBeNull().Number.ShouldBe(number);
        found.Amount.ShouldBe(postable.Invoice.NetTotal);
        absent.ShouldBeNull();
        otherEntity.ShouldBeNull();
    }

    [Fact]
    public void Payload_Invoice_CarriesTheHeaderFieldsAndNoFloats()
    {
        var entity = Sample("US01");
        var postable = Invoice(entity, "100101", number: "INV-1", lines: [Line(1, 1.5m, 0.10m)]);

        var (json, lines) = Connector.Adapters.Targets.OracleFusionRest.FusionInvoicePayload.Build(entity, postable, itemNumbers: false);

        var body = JsonNode.Parse(json)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["BusinessUnit", "TransactionSource", "TransactionType", "TransactionNumber",
            "TransactionDate", "BillToCustomerNumber", "BillToSite", "PaymentTerms", "InvoiceCurrencyCode", "PurchaseOrder",
            "Comments", "InternalNotes", "receivablesInvoiceLines"]);
        body["InternalNotes"]!.GetValue<string>().ShouldBe("US01|INV|INV-1");
        System.Text.Encoding.UTF8.GetString(json).ShouldContain("\"Quantity\":1.5,\"UnitSellingPrice\":0.10");
        body["receivablesInvoiceLines"]![0]!.AsObject().ContainsKey("ItemNumber").ShouldBeFalse();
        lines.ShouldBe([1]);
    }

    private EntityDefinition Sample(string code, params (string Name, string Value)[] options)
    {
        var values = fixture.Options(options);
        return code switch
        {
            "DE01" => De(values),
            "FR01" => Fr(values),
            _ => Us(values),
        };
    }
}
