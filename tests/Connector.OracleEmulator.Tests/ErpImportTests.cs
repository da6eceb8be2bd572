using System.Globalization;

namespace Connector.OracleEmulator.Tests;

public sealed class ErpImportTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_ValidInvoices_CreatesThemInTheRestStoreAndReportsThem()
    {
        using var client = fixture.Client();
        var a = TestInvoices.NewNumber();
        var b = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(a, 1), FbdiTestFiles.Row(a, 2, 1m, 49.99m), FbdiTestFiles.Row(b, 1)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        report.ShouldAllBe(r => r.Type == "CREATED");
        report.Select(r => (r.Number, r.Line)).ShouldBe([(a, "1"), (a, "2"), (b, "1")]);
        var stored = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == a);
        stored.TotalAmount.ShouldBe(149.99m);
        stored.Lines.Count.ShouldBe(2);
        stored.Attribute("BillToSite").ShouldBe("10001-BT1");
        stored.Attribute("DueDate").ShouldBe("2026-12-20");
        report[0].CustomerTrxId.ShouldBe(stored.CustomerTransactionId.ToString(CultureInfo.InvariantCulture));
        report[0].Amount.ShouldBe("149.99");
        var found = await client.GetJsonAsync(TestInvoices.Path + "?q=TransactionNumber=" + a + ";TransactionSource=CONNECTOR DE01");
        found["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Status_PollsBeforeCompletion_WaitThenRunningThenSucceeded()
    {
        await using var emulator = await FusionEmulator.StartAsync(EmulatorFixture.TestSetup with { EssPollsBeforeCompletion = 2 });
        using var client = FbdiTestFiles.ClientFor(emulator);
        var id = await client.ImportAsync([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)]);

        (await client.StatusAsync(id)).ShouldBe("WAIT");
        (await client.StatusAsync(id)).ShouldBe("RUNNING");
        (await client.StatusAsync(id)).ShouldBe("SUCCEEDED");
        (await client.StatusAsync(id + 1)).ShouldBe("SUCCEEDED");
    }

    [Fact]
    public async Task Details_BeforeTheJobIsReportedFinished_Refused()
    {
        using var client = fixture.Client();
        var id = await client.ImportAsync([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)]);

        using var response = await client.GetAsync(FbdiTestFiles.Path + "?finder=ESSJobExecutionDetailsRF;requestId=" + id.ToString(CultureInfo.InvariantCulture) + ",fileType=OUT");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("hasn't finished");
    }

    [Fact]
    public async Task Status_UnknownRequest_EmptyCollection()
    {
        using var client = fixture.Client();

        var body = await client.GetJsonAsync(FbdiTestFiles.Path + "?finder=ESSJobStatusRF;requestId=1");

        body["items"]!.AsArray().Count.ShouldBe(0);
    }

    [Theory]
    [InlineData(19, "99999", "You must enter a valid bill-to customer account number.")]
    [InlineData(20, "10001-BT9", "You must enter a valid bill-to customer site number for the bill-to customer account.")]
    [InlineData(3, "Nope", "You must enter a valid transaction type.")]
    [InlineData(4, "90 NET", "You must enter valid payment terms.")]
    [InlineData(4, "", "You must provide payment terms for an invoice.")]
    [InlineData(31, "", "You must provide a conversion rate for the conversion type User.")]
    [InlineData(6, "2026/13/01", "You must provide a valid accounting date in the format YYYY/MM/DD.")]
    [InlineData(7, "", "You must provide a transaction number if the transaction source indicates manual transaction numbering. Otherwise don't provide a transaction number.")]
    [InlineData(28, "XXX", "You must enter a valid currency code.")]
    [InlineData(26, "TAX", "You must enter a valid line type. The import takes LINE.")]
    [InlineData(5, "2026-11-20", "You must provide a valid transaction date in the format YYYY/MM/DD.")]
    [InlineData(32, "100.001", "The amount has more decimal places than the currency allows (2).")]
    [InlineData(32, "99.00", "The line amount must equal the quantity multiplied by the unit selling price.")]
    [InlineData(1, "300000047123401", "You must enter a valid business unit identifier for the business unit of the import.")]
    [InlineData(2, "CONNECTOR FR01", "The transaction source isn't the one the import was submitted for (CONNECTOR DE01).")]
    [InlineData(41, "1234567890123456789012345678901", "The value of INTERFACE_LINE_ATTRIBUTE4 must not be longer than 30 characters.")]
    public async Task Import_BadLine_RejectedWithOraclesMessageAndInvalidValue(int position, string value, string message)
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        var good = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1).With(position, value), FbdiTestFiles.Row(good, 1)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        var rejected = report.Where(r => r.Type == "REJECTED").ToList();
        rejected.ShouldAllBe(r => r.Fields[1] == "1");
        rejected.Select(r => r.Message).ShouldContain(message);
        rejected.Single(r => r.Message == message).InvalidValue.ShouldBe(value);
        report.Single(r => r.Type == "CREATED").TrxNumber.ShouldBe(good);
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task Import_OneBadLineOfAnInvoice_RejectsEveryLineOfItAndNamesTheBadOne()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1), FbdiTestFiles.Row(number, 2).With(27, ""), FbdiTestFiles.Row(number, 3)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        report.ShouldAllBe(r => r.Type == "REJECTED");
        report.Select(r => (r.Line, r.Message)).ShouldBe(
        [
            ("1", AutoInvoiceMessages.Sibling),
            ("2", "You must provide a description for the line."),
            ("3", AutoInvoiceMessages.Sibling),
        ]);
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task Import_CreditMemoWithTerms_Rejected()
    {
        using var client = fixture.Client();
        var row = FbdiTestFiles.Row(TestInvoices.NewNumber(), 1, -1m, 10m).With(3, "DE01 Gutschrift");

        var id = await client.ImportAsync([row]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(id)).Single().Message.ShouldBe("You must not provide payment terms for a credit memo.");
    }

    [Fact]
    public async Task Import_CreditMemoWithoutTerms_CreatedWithNegativeAmount()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        var row = FbdiTestFiles.Row(number, 1, -1m, 10m).With(3, "DE01 Gutschrift").With(4, "");

        var id = await client.ImportAsync([row]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(id)).Single().Amount.ShouldBe("-10");
        fixture.Emulator.Invoices.Single(i => i.TransactionNumber == number).TotalAmount.ShouldBe(-10m);
    }

    [Fact]
    public async Task Import_TrxNumberOnAutomaticSource_RejectedWithOraclesMessage()
    {
        using var client = fixture.Client();
        var row = FbdiTestFiles.Row(TestInvoices.NewNumber(), 1).With(2, EmulatorFixture.AutoSource);

        var id = await client.ImportAsync([row], source: EmulatorFixture.AutoSource);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(id)).Single().Message.ShouldBe(AutoInvoiceMessages.TrxNumber);
    }

    [Fact]
    public async Task Import_DistinctInternalNotes_KeepInvoicesOfOneNumberApart()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1), FbdiTestFiles.Row(number, 2).With(289, "other")]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        report.Count(r => r.Type == "CREATED").ShouldBe(1);
        report.Single(r => r.Type == "REJECTED").Message.ShouldBe($"The transaction number {number} already exists for the transaction source CONNECTOR DE01.");
    }
}
