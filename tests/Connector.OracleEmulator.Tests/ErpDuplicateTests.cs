using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator.Tests;

public sealed class ErpDuplicateTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Import_SameKeysAsAnEarlierSuccessfulLoad_RejectedAsDuplicatesAndNothingCreatedTwice()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        var first = await client.ImportAsync([FbdiTestFiles.Row(number, 1)]);
        (await client.FinalStatusAsync(first)).ShouldBe("SUCCEEDED");

        var second = await client.ImportAsync([FbdiTestFiles.Row(number, 1)]);

        (await client.FinalStatusAsync(second)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(second);
        report.Single().Message.ShouldBe(AutoInvoiceMessages.DuplicateKey);
        report.Single().InvalidValue.ShouldBe("CONNECTOR|DE01|INV|" + number + "|1");
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    [Fact]
    public async Task Import_SameKeyTwiceInOneFile_SecondRejected()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1), FbdiTestFiles.Row(number, 1)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        report.Single(r => r.Fields[1] == "2").Message.ShouldBe(AutoInvoiceMessages.DuplicateKey);
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task Import_KeyOfARejectedRowStillInTheInterface_RejectedUntilPurged()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        var bad = await client.ImportAsync([FbdiTestFiles.Row(number, 1).With(19, "99999")]);
        (await client.FinalStatusAsync(bad)).ShouldBe("SUCCEEDED");

        var again = await client.ImportAsync([FbdiTestFiles.Row(number, 1)]);
        (await client.FinalStatusAsync(again)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(again)).Single().Message.ShouldBe(AutoInvoiceMessages.DuplicateKey);

        var purge = await PurgeAsync(client, bad);
        (await client.FinalStatusAsync(purge)).ShouldBe("SUCCEEDED");
        (await client.DetailsAsync(purge, "LOG")).Values.Single().ShouldContain("Purged 1 interface rows");

        // The second load's rejected duplicate row still holds the key until it is purged too.
        var third = await client.ImportAsync([FbdiTestFiles.Row(number, 1)]);
        (await client.FinalStatusAsync(third)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(third)).Single().Message.ShouldBe(AutoInvoiceMessages.DuplicateKey);
        await client.FinalStatusAsync(await PurgeAsync(client, again));
        await client.FinalStatusAsync(await PurgeAsync(client, third));

        var fixedLoad = await client.ImportAsync([FbdiTestFiles.Row(number, 1)]);

        (await client.FinalStatusAsync(fixedLoad)).ShouldBe("SUCCEEDED");
        (await client.ReportAsync(fixedLoad)).Single().Type.ShouldBe("CREATED");
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    [Fact]
    public async Task InterfaceLines_RejectedRows_ListedWithTheirErrorsUntilPurged()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        var load = await client.ImportAsync([FbdiTestFiles.Row(number, 1).With(19, "99999"), FbdiTestFiles.Row(number, 2).With(19, "99999")]);
        await client.FinalStatusAsync(load);
        var url = "/fscmRestApi/resources/11.13.18.05/autoInvoiceInterfaceLines?q=InterfaceLineContext=CONNECTOR;InterfaceLineAttribute3=" + number;

        var before = await client.GetJsonAsync(url);
        await client.FinalStatusAsync(await PurgeAsync(client, load));
        var after = await client.GetJsonAsync(url);

        var items = before["items"]!.AsArray();
        items.Select(i => i!["InterfaceLineAttribute4"]!.GetValue<string>()).ShouldBe(["1", "2"]);
        items.ShouldAllBe(i => i!["LoadRequestId"]!.GetValue<string>() == load.ToString(CultureInfo.InvariantCulture));
        items[0]!["Errors"]!.AsArray().Single()!["MessageText"]!.GetValue<string>().ShouldBe("You must enter a valid bill-to customer account number.");
        after["count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Import_NumberAlreadyPostedByRest_WholeInvoiceRejected()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        (await client.PostAsync(TestInvoices.Valid(number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1), FbdiTestFiles.Row(number, 2)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        var report = await client.ReportAsync(id);
        report.Count.ShouldBe(2);
        report.ShouldAllBe(r => r.Message == $"The transaction number {number} already exists for the transaction source CONNECTOR DE01.");
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    [Fact]
    public async Task RestPost_NumberCreatedByImport_RefusedAsDuplicate()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        await client.FinalStatusAsync(await client.ImportAsync([FbdiTestFiles.Row(number, 1)]));

        using var response = await client.PostAsync(TestInvoices.Valid(number));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Import_ParallelLoadsOfTheSameKeys_CreateOnce()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.ImportAsync([FbdiTestFiles.Row(number, 1)])));

        foreach (var id in ids)
        {
            (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
        }

        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == number).ShouldBe(1);
    }

    private static async Task<long> PurgeAsync(HttpClient client, long loadId)
    {
        var load = loadId.ToString(CultureInfo.InvariantCulture);
        using var response = await client.PostErpAsync(new JsonObject
        {
            ["OperationName"] = "submitESSJobRequest",
            ["JobPackageName"] = "/oracle/apps/ess/financials/commonModules/shared/common/interfaceLoader",
            ["JobDefName"] = "InterfaceLoaderPurge",
            ["ESSParameters"] = "2,#NULL," + load + "," + load + ",#NULL,ORA_FBDI,USER",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return long.Parse((await response.JsonAsync())["ReqstId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
