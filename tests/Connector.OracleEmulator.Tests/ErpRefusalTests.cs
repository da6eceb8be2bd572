using System.Net;
using System.Text;

namespace Connector.OracleEmulator.Tests;

public sealed class ErpRefusalTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string?, string> BadFields => new()
    {
        { "DocumentContent", null, "You must provide a value for the attribute DocumentContent." },
        { "DocumentContent", "not base64!", "isn't valid base64" },
        { "DocumentContent", Convert.ToBase64String(Encoding.UTF8.GetBytes("plain text")), "isn't a valid zip file" },
        { "FileName", null, "You must provide a value for the attribute FileName." },
        { "DocumentAccount", "fin/payables/import", "The document account fin/payables/import isn't valid" },
        { "JobName", "/oracle/apps/ess/financials/payables,APXIIMPT", "isn't valid. The AutoInvoice import is" },
        { "ParameterList", null, "You must provide a value for the attribute ParameterList." },
        { "OperationName", "exportBulkData", "The operation exportBulkData isn't supported." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task ImportBulkData_BadField_Refused400WithTheReason(string field, string? value, string message)
    {
        using var client = fixture.Client();
        var body = FbdiTestFiles.ImportBody(FbdiTestFiles.Zip([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)]));
        body[field] = value;

        using var response = await client.PostErpAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task ImportBulkData_ZipWithoutLinesFile_Refused()
    {
        using var client = fixture.Client();
        var zip = FbdiTestFiles.Zip([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)], "RaInterfaceDistributionsAll.csv");

        using var response = await client.PostErpAsync(FbdiTestFiles.ImportBody(zip));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("doesn't contain RaInterfaceLinesAll.csv");
    }

    [Fact]
    public async Task ImportBulkData_ZipTooLargeUncompressed_Refused()
    {
        await using var emulator = await FusionEmulator.StartAsync(EmulatorFixture.TestSetup with { FbdiMaxUncompressedBytes = 10_000 });
        using var client = FbdiTestFiles.ClientFor(emulator);
        var rows = Enumerable.Range(1, 50).Select(n => FbdiTestFiles.Row(TestInvoices.NewNumber(), n));

        using var response = await client.PostErpAsync(FbdiTestFiles.ImportBody(FbdiTestFiles.Zip(rows)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("larger than 10000 bytes uncompressed");
    }

    [Fact]
    public async Task ImportBulkData_TooManyEntries_Refused()
    {
        using var client = fixture.Client();
        var files = Enumerable.Range(0, 17).Select(i => ("f" + i + ".csv", "x")).Append(("RaInterfaceLinesAll.csv", "x")).ToArray();

        using var response = await client.PostErpAsync(FbdiTestFiles.ImportBody(FbdiTestFiles.ZipFiles(files)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("at most 16 are allowed");
    }

    [Theory]
    [InlineData("NO SUCH BU", "CONNECTOR DE01", "The business unit NO SUCH BU isn't valid.")]
    [InlineData(EmulatorSetup.De, "CONNECTOR FR01", "The transaction source CONNECTOR FR01 isn't valid for the business unit")]
    public async Task Import_UnknownBusinessUnitOrSource_JobErrorWithoutLineVerdicts(string bu, string source, string message)
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();

        var id = await client.ImportAsync([FbdiTestFiles.Row(number, 1)], bu, source);

        (await client.FinalStatusAsync(id)).ShouldBe("ERROR");
        (await client.DetailsAsync(id, "LOG")).Values.Single().ShouldContain(message);
        (await client.DetailsAsync(id, "OUT")).ShouldBeEmpty();
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task Import_UndefinedFlexfieldContext_JobError()
    {
        using var client = fixture.Client();

        var id = await client.ImportAsync([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1).With(37, "LEGACY")]);

        (await client.FinalStatusAsync(id)).ShouldBe("ERROR");
        (await client.DetailsAsync(id, "LOG")).Values.Single().ShouldContain("You must enter a valid context for the Line Transaction Flexfield flexfield. The context LEGACY isn't defined.");
    }

    [Fact]
    public async Task Import_RowWithWrongFieldCount_JobError()
    {
        using var client = fixture.Client();

        var id = await client.ImportAsync([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)[..300]]);

        (await client.FinalStatusAsync(id)).ShouldBe("ERROR");
        (await client.DetailsAsync(id, "LOG")).Values.Single().ShouldContain("row 1 has 300 fields");
    }

    [Fact]
    public async Task ImportBulkData_WithoutCredentials_401()
    {
        using var client = new HttpClient { BaseAddress = fixture.Emulator.BaseAddress };

        using var response = await client.PostErpAsync(FbdiTestFiles.ImportBody(FbdiTestFiles.Zip([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)])));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ImportBulkData_BearerToken_Accepted()
    {
        using var client = fixture.Client(bearer: EmulatorSetup.DefaultBearerToken);

        var id = await client.ImportAsync([FbdiTestFiles.Row(TestInvoices.NewNumber(), 1)]);

        (await client.FinalStatusAsync(id)).ShouldBe("SUCCEEDED");
    }

    [Fact]
    public async Task Status_503Fault_AppliesToErpIntegrations()
    {
        await using var emulator = await FusionEmulator.StartAsync(EmulatorFixture.TestSetup);
        using var client = FbdiTestFiles.ClientFor(emulator);
        emulator.Faults.ServiceUnavailable("GET", FusionEmulator.ErpIntegrationsPath, TimeSpan.FromSeconds(3));

        using var response = await client.GetAsync(FbdiTestFiles.Path + "?finder=ESSJobStatusRF;requestId=1");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ImportBulkData_CommittedResponseLost_TheLoadStillRuns()
    {
        await using var emulator = await FusionEmulator.StartAsync(EmulatorFixture.TestSetup);
        using var client = FbdiTestFiles.ClientFor(emulator);
        var number = TestInvoices.NewNumber();
        emulator.Faults.CommittedResponseLost("POST", FusionEmulator.ErpIntegrationsPath);

        await Should.ThrowAsync<HttpRequestException>(() => client.PostErpAsync(FbdiTestFiles.ImportBody(FbdiTestFiles.Zip([FbdiTestFiles.Row(number, 1)]))));

        (await client.FinalStatusAsync(EmulatorFixture.TestSetup.FirstEssRequestId)).ShouldBe("SUCCEEDED");
        emulator.Invoices.Single().TransactionNumber.ShouldBe(number);
    }
}
