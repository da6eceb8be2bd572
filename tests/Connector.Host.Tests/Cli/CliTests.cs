using System.Text.Json;
using Connector.Host.Cli;
using Connector.Host.Tests.Pipeline;
using Connector.OracleEmulator;
using Spectre.Console;

namespace Connector.Host.Tests.Cli;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>The commands as a script runs them: exit codes and the documented JSON of inspect.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class CliTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task InspectJson_DetectsEntityAndProfile_AndPrintsTheDocumentedShape()
    {
        var file = Sample("fr-dupont", "FACTURES_20261102.csv");

        var (code, output) = await Run("inspect", "--json", file);

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("entity").GetString().ShouldBe("FR01");
        root.GetProperty("profile").GetString().ShouldBe("factures-csv");
        root.GetProperty("format").GetString().ShouldBe("csv");
        root.GetProperty("status").GetString().ShouldBe("read");
        var records = root.GetProperty("records").EnumerateArray().ToList();
        records.Count.ShouldBe(12);
        root.GetProperty("summary").GetProperty("records").GetInt32().ShouldBe(12);
        var first = records[0];
        first.GetProperty("idempotency_key").GetString().ShouldBe("FR01|INV|F26-004510");
        first.GetProperty("invoice").GetProperty("issue_date").GetString().ShouldBe("2026-11-02");
        first.GetProperty("invoice").GetProperty("customer").GetProperty("name").GetString().ShouldBe("Électro Bruxelles SRL");
        first.GetProperty("invoice").GetProperty("net_total").GetDecimal().ShouldBe(690.40m);
        first.GetProperty("match").GetProperty("outcome").GetString().ShouldBe("matched");
        var byName = records.Single(r => r.GetProperty("invoice").GetProperty("number").GetString() == "F26-004515");
        byName.GetProperty("match").GetProperty("rule").GetString().ShouldBe("name");
        byName.GetProperty("match").GetProperty("account").GetString().ShouldBe("C10002");
        var creditNote = records.Single(r => r.GetProperty("invoice").GetProperty("kind").GetString() == "credit_note");
        creditNote.GetProperty("invoice").GetProperty("net_total").GetDecimal().ShouldBeLessThan(0);
    }

    [Fact]
    public async Task InspectJson_Workbook_IsDetectedAndRoutedToTheGermanEntity()
    {
        var (code, output) = await Run("inspect", "--json", Sample("de-mueller", "Rechnungsausgang_2026-11-02.xlsx"));

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("format").GetString().ShouldBe("xlsx");
        root.GetProperty("entity").GetString().ShouldBe("DE01");
        root.GetProperty("summary").GetProperty("records").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task InspectJson_BinaryFile_IsFailedWithTheReasonAndExitCodeOne()
    {
        var file = Path.Combine(_data.Path, "renamed.csv");
        await File.WriteAllBytesAsync(file, [0x50, 0x00, 0x01, 0x02, 0x00, 0xFF, 0xFE, 0x00]);

        var (code, output) = await Run("inspect", "--entity", "FR01", "--json", file);

        code.ShouldBe(1);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("status").GetString().ShouldBe("failed");
        root.GetProperty("document_problems")[0].GetProperty("code").GetString().ShouldBe("FILE_BINARY");
        root.GetProperty("document_problems")[0].GetProperty("document").GetString().ShouldBe("renamed.csv");
    }

    [Fact]
    public async Task MappingTestJson_ReadsWithTheNamedProfileOnly()
    {
        var (code, output) = await Run("mapping", "test", "--entity", "US01", "--profile", "webstore-tsv", "--json", Sample("us-acme", "webstore_orders_2026-11-02.tsv"));

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("profile").GetString().ShouldBe("webstore-tsv");
        root.GetProperty("summary").GetProperty("records").GetInt32().ShouldBe(6);
        Directory.Exists(Path.Combine(_data.Path, "archive")).ShouldBeFalse();
    }

    [Fact]
    public async Task BrokenMappings_ExitCodeTwoAndNothingRuns()
    {
        var broken = Path.Combine(_data.Path, "broken-mappings", "x");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "entity.yaml"), "code: x\nname: X\ncurrency: EURO\n");

        var (code, output) = await Run(["--mappings", Path.GetDirectoryName(broken)!, "run", "--once"], useRepositoryMappings: false);

        code.ShouldBe(2, output);
        File.Exists(Path.Combine(_data.Path, "connector.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task RunOnceThenExceptionsListJson_ShowsTheQueue()
    {
        Directory.CreateDirectory(Path.Combine(_data.Path, "inbox", "FR01"));
        File.Copy(Sample("fr-dupont", "FACTURES_20261104.csv"), Path.Combine(_data.Path, "inbox", "FR01", "FACTURES_20261104.csv"));

        (await Run("run", "--once", "--entity", "FR01")).Code.ShouldBe(0);
        var (code, output) = await Run("exceptions", "list", "--entity", "FR01", "--json");

        code.ShouldBe(0);
        var codes = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("CUSTOMER_UNKNOWN");
        codes.ShouldContain("LINE_ARITHMETIC");
        Directory.GetFiles(Path.Combine(_data.Path, "outbox", "FR01"), "*.zip").Length.ShouldBe(1);
    }

    [Fact]
    public async Task TargetsCheck_FusionMissingSourceAndTerms_ExitOneNamingEach_SecretNeverShown()
    {
        await using var oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default);
        Environment.SetEnvironmentVariable("CLI_TEST_ORACLE_PASSWORD", EmulatorSetup.DefaultPassword);
        var mappings = Path.Combine(_data.Path, "mappings");
        MappingsCopy.Copy(mappings, yaml => yaml
            .Replace("type: oracle-fbdi", $"type: oracle-fusion-rest\n  options:\n    url: {oracle.BaseAddress}\n    user: connector\n    password: ${{env:CLI_TEST_ORACLE_PASSWORD}}", StringComparison.Ordinal)
            .Replace("transaction_source: CONNECTOR US01", "transaction_source: CONNECTOR US99", StringComparison.Ordinal)
            .Replace("default_terms: 30 NET", "default_terms: 90 NET", StringComparison.Ordinal), "us-acme");

        var (code, output) = await Run(["--mappings", mappings, "targets", "check", "US01"], useRepositoryMappings: false);
        var (listCode, list) = await Run(["--mappings", mappings, "targets", "list"], useRepositoryMappings: false);

        code.ShouldBe(1, output);
        output.ShouldContain("CONNECTOR US99");
        output.ShouldContain("90 NET");
        output.ShouldContain("2 check(s) failed");
        listCode.ShouldBe(0);
        list.ShouldContain("CLI_TEST_ORACLE_PASSWORD");
        (output + list).ShouldNotContain(EmulatorSetup.DefaultPassword);
    }

    [Fact]
    public async Task RunOnce_TargetOptionUnknown_ThatEntitySaysWhyAndTheOthersRun()
    {
        var mappings = Path.Combine(_data.Path, "mappings");
        MappingsCopy.Copy(mappings, yaml => yaml.Replace("type: oracle-fbdi", "type: oracle-fbdi\n  options:\n    colour: blue", StringComparison.Ordinal), "us-acme");
        MappingsCopy.Copy(mappings, yaml => yaml, "fr-dupont");
        Directory.CreateDirectory(Path.Combine(_data.Path, "inbox", "FR01"));
        File.Copy(Sample("fr-dupont", "FACTURES_20261102.csv"), Path.Combine(_data.Path, "inbox", "FR01", "FACTURES_20261102.csv"));
        Directory.CreateDirectory(Path.Combine(_data.Path, "inbox", "US01"));
        File.Copy(Sample("us-acme", "acme_ar_export_20261102.csv"), Path.Combine(_data.Path, "inbox", "US01", "acme_ar_export_20261102.csv"));

        var (code, output) = await Run(["--mappings", mappings, "run", "--once"], useRepositoryMappings: false);

        code.ShouldBe(0, output);
        output.ShouldContain("US01: not run");
        output.ShouldContain("colour");
        Directory.GetFiles(Path.Combine(_data.Path, "outbox", "FR01"), "*.zip").Length.ShouldBe(1);
    }

    [Fact]
    public async Task InspectJson_FacturXPdfWithoutEntity_SellerRoutesItAndTheProfileIsShown()
    {
        var (code, output) = await Run("inspect", "--json", Sample("fr-dupont", "FR01_efacture_FX26-00101_EN16931.pdf"));

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("format").GetString().ShouldBe("pdf");
        root.GetProperty("entity").GetString().ShouldBe("FR01");
        root.GetProperty("profile").GetString().ShouldBe("efactures");
        var einvoice = root.GetProperty("einvoice");
        einvoice.GetProperty("container").GetString().ShouldBe("pdf");
        einvoice.GetProperty("syntax").GetString().ShouldBe("CII");
        einvoice.GetProperty("embedded_file").GetString().ShouldBe("factur-x.xml");
        einvoice.GetProperty("profile").GetString().ShouldBe("EN 16931");
        einvoice.GetProperty("xmp_conformance_level").GetString().ShouldBe("EN 16931");
        einvoice.GetProperty("route").GetString()!.ShouldContain("FR13412987653");
        var record = root.GetProperty("records")[0];
        record.GetProperty("outcome").GetString().ShouldBe("ready");
        record.GetProperty("invoice").GetProperty("electronic").GetProperty("payable").GetDecimal().ShouldBe(1708.80m);
        record.GetProperty("invoice").GetProperty("lines")[0].GetProperty("tax_code").GetString().ShouldBe("FR_VAT_20");
    }

    [Fact]
    public async Task InspectJson_CiiBreakingBrCo15_RecordIsAnExceptionNamingTheRule()
    {
        var (code, output) = await Run("inspect", "--entity", "FR01", "--json", Sample("fr-dupont", "FR01_efacture_FX26-00106_CII.xml"));

        code.ShouldBe(0);
        var record = JsonDocument.Parse(output).RootElement.GetProperty("files")[0].GetProperty("records")[0];
        record.GetProperty("outcome").GetString().ShouldBe("exception");
        var problem = record.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "EN16931_BR_CO_15");
        problem.GetProperty("field").GetString().ShouldBe("BT-112");
        problem.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task InspectJson_EInvoiceOfNoEntity_FailsNamingTheSellerAndStillShowsTheInvoice()
    {
        var foreign = Path.Combine(_data.Path, "other-seller.xml");
        await File.WriteAllTextAsync(foreign, (await File.ReadAllTextAsync(Sample("fr-dupont", "FR01_efacture_FX26-00106_CII.xml"))).Replace("412987653", "732829320", StringComparison.Ordinal).Replace("FR13", "FR40", StringComparison.Ordinal));

        var (code, output) = await Run("inspect", "--json", foreign);

        code.ShouldBe(1);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("status").GetString().ShouldBe("failed");
        root.GetProperty("document_problems")[0].GetProperty("code").GetString().ShouldBe("EINVOICE_SELLER_UNKNOWN");
        root.GetProperty("document_problems")[0].GetProperty("message").GetString()!.ShouldContain("FR40732829320");
        root.GetProperty("einvoice").GetProperty("invoice").GetProperty("number").GetString().ShouldBe("FX26-00106");
        root.GetProperty("einvoice").GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == "EN16931_BR_CO_15");
    }

    [Fact]
    public async Task InspectJson_EInvoiceOfAnotherSellerWithEntity_FailsButShowsTheRecordAndItsChecks()
    {
        var foreign = Path.Combine(_data.Path, "other-seller.xml");
        await File.WriteAllTextAsync(foreign, (await File.ReadAllTextAsync(Sample("fr-dupont", "FR01_efacture_FX26-00106_CII.xml"))).Replace("412987653", "732829320", StringComparison.Ordinal).Replace("FR13", "FR40", StringComparison.Ordinal));

        var (code, output) = await Run("inspect", "--entity", "FR01", "--json", foreign);

        code.ShouldBe(1);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("status").GetString().ShouldBe("failed");
        root.GetProperty("document_problems")[0].GetProperty("code").GetString().ShouldBe("EINVOICE_SELLER_UNKNOWN");
        var record = root.GetProperty("records")[0];
        record.GetProperty("invoice").GetProperty("number").GetString().ShouldBe("FX26-00106");
        record.GetProperty("match").GetProperty("account").GetString().ShouldBe("C10025");
        record.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == "EN16931_BR_CO_15");
    }

    [Fact]
    public async Task Import_EInvoicesWithoutEntity_EachGoesToTheEntityItsSellerNamesOthersAreRefused()
    {
        var (code, output) = await Run("import", Sample("fr-dupont", "FR01_efacture_FX26-00105_UBL.xml"), Sample("fr-dupont", "FR01_efacture_FX26-00101_EN16931.pdf"), Sample("fr-dupont", "FACTURES_20261102.csv"));

        code.ShouldBe(1);
        output.ShouldContain("FACTURES_20261102.csv");
        output.ShouldContain("names no seller: give --entity");
        using var store = Connector.Host.Store.SqliteStore.Open(Path.Combine(_data.Path, "connector.db"));
        var run = store.ListRuns("FR01", 10).Single();
        store.RecordsOfRun(run.Id).Select(r => r.Number).Order().ShouldBe(["FX26-00101", "FX26-00105"]);
    }

    [Fact]
    public async Task InspectJson_Camt054AfterFr01Posted_AppliesEachPaymentByItsRule()
    {
        var samples = Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples");
        (await Run(["import", "--entity", "FR01", .. Directory.GetFiles(samples, "FACTURES_*.csv").Order(StringComparer.Ordinal), .. Directory.GetFiles(samples, "FR01_efacture_*").Order(StringComparer.Ordinal)])).Code.ShouldBe(0);

        var (code, output) = await Run("inspect", "--json", Path.Combine(samples, "bank", "FR01_camt054_20261120.xml"));

        code.ShouldBe(0);
        var file = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        file.GetProperty("format").GetString().ShouldBe("camt");
        file.GetProperty("entity").GetString().ShouldBe("FR01");
        var bank = file.GetProperty("bank");
        bank.GetProperty("route").GetString()!.ShouldContain("FR7630004000031234567890143");
        var payments = bank.GetProperty("remittances").EnumerateArray().ToDictionary(r => r.GetProperty("remittance").GetProperty("payment_number").GetString()!);
        string Rules(string payment) => string.Join(",", payments[payment].GetProperty("application").GetProperty("applications").EnumerateArray().Select(a => $"{a.GetProperty("invoice").GetString()}:{a.GetProperty("rule").GetString()}"));
        Rules("E2E-MOREAU-1120").ShouldBe("FX26-00101:exact_number");
        Rules("E2E-EB-4510").ShouldBe("F26-004510:number_in_text,F26-004533:number_in_text");
        Rules("E2E-LEFEVRE-11").ShouldBe("F26-004514:combination,F26-004516:combination");
        var shortPaid = payments["E2E-DUBOIS-4524"].GetProperty("application").GetProperty("applications")[0];
        shortPaid.GetProperty("deduction").GetDecimal().ShouldBe(2.00m);
        shortPaid.GetProperty("deduction_reason").GetString().ShouldBe("SHORT_PAY");
        payments["E2E-BERNARD-4541"].GetProperty("application").GetProperty("on_account").GetDecimal().ShouldBe(39.60m);
        payments["E2E-SCILAC-01"].GetProperty("application").GetProperty("outcome").GetString().ShouldBe("unapplied");
        payments["FRAIS-1120"].TryGetProperty("application", out _).ShouldBeFalse();
        var summary = bank.GetProperty("summary");
        summary.GetProperty("credits").GetInt32().ShouldBe(7);
        summary.GetProperty("fully_applied").GetInt32().ShouldBe(6);
        summary.GetProperty("amount_applied").GetDecimal().ShouldBe(11458.35m);
        summary.GetProperty("unapplied_amount").GetDecimal().ShouldBe(450.00m);
        summary.GetProperty("deductions_by_reason").GetProperty("SHORT_PAY").GetDecimal().ShouldBe(2.00m);
    }

    [Fact]
    public async Task Import_Camt054WithoutEntity_RoutedByItsAccountAndItsPaymentsStoredAndSummarised()
    {
        var samples = Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples");
        (await Run(["import", "--entity", "FR01", .. Directory.GetFiles(samples, "FACTURES_*.csv").Order(StringComparer.Ordinal), .. Directory.GetFiles(samples, "FR01_efacture_*").Order(StringComparer.Ordinal)])).Code.ShouldBe(0);

        var (code, output) = await Run("import", Path.Combine(samples, "bank", "FR01_camt054_20261120.xml"));

        code.ShouldBe(0, output);
        output.ShouldContain("Payments by outcome");
        output.ShouldContain("unapplied 450.00");
        using var store = Connector.Host.Store.SqliteStore.Open(Path.Combine(_data.Path, "connector.db"));
        var run = store.ListRuns("FR01", 10).First();
        store.RemittancesOfRun(run.Id).Count.ShouldBe(8);
        store.DocumentsOfRun(run.Id).Single().Profile.ShouldBe("releves-banque");
        var unapplied = store.RemittancesInStates("FR01", [Connector.Host.Store.RemittanceState.Unapplied]).Single();

        var (listCode, list) = await Run("payments", "list", "--entity", "FR01", "--state", "Unapplied", "--json");
        listCode.ShouldBe(0);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single();
        listed.GetProperty("payment").GetString().ShouldBe("E2E-SCILAC-01");
        listed.GetProperty("state").GetString().ShouldBe("unapplied");
        var (showCode, show) = await Run("payments", "show", unapplied.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        showCode.ShouldBe(0);
        show.ShouldContain("SCI DU LAC");
        show.ShouldContain("stored -> Unapplied");
        var invoice = Connector.Host.Pipeline.ConnectorOpenItems.ForCashApplication(store, "FR01", []).First(i => i.Currency == "EUR" && i.OpenAmount > 450m);

        var (resolveCode, resolve) = await Run("payments", "resolve", unapplied.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--invoice", invoice.Number + "=450.00", "--user", "alice");

        resolveCode.ShouldBe(0, resolve);
        resolve.ShouldContain("is Applied");
        store.GetRemittance(unapplied.Id)!.Applications.Single().InvoiceNumber.ShouldBe(invoice.Number);
    }

    [Fact]
    public async Task InspectJson_Bai2WithControlTotalMismatch_RefusedNamingTheRecord()
    {
        var file = Path.Combine(_data.Path, "statement.bai");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "01,BANKID,CUST,261120,0800,1,,,2/",
            "02,CUST,BANKID,1,261120,,USD,/",
            "03,123456789,USD,010,100000,,/",
            "16,301,5000,Z,BREF1,CHK1,/",
            "49,999999,3/",
            "98,999999,1,5/",
            "99,999999,1,7/") + "\n");

        var (code, output) = await Run("inspect", "--json", file);

        code.ShouldBe(1);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        root.GetProperty("format").GetString().ShouldBe("bai2");
        root.GetProperty("status").GetString().ShouldBe("failed");
        var problem = root.GetProperty("document_problems").EnumerateArray().First(p => p.GetProperty("code").GetString() == "BANK_CONTROL_TOTAL");
        problem.GetProperty("line").GetInt32().ShouldBe(5);
        root.GetProperty("bank").GetProperty("remittances").GetArrayLength().ShouldBe(0);
    }

    public void Dispose() => _data.Dispose();

    private static string Sample(string entity, string file) => Path.Combine(PipelineHarness.RepositoryMappings, entity, "samples", file);

    private Task<(int Code, string Output)> Run(params string[] args) => Run(args, useRepositoryMappings: true);

    private async Task<(int Code, string Output)> Run(string[] args, bool useRepositoryMappings)
    {
        var all = new List<string> { "--data", _data.Path };
        if (useRepositoryMappings)
        {
            all.AddRange(["--mappings", PipelineHarness.RepositoryMappings]);
        }

        all.AddRange(args);
        var original = Console.Out;
        var originalAnsi = AnsiConsole.Console;
        using var output = new StringWriter();
        Console.SetOut(output);

        // Spectre keeps the writer it was created with; give it this test's writer, not a disposed one of another test.
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            var code = await ConnectorCli.Build().Parse(all).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            AnsiConsole.Console = originalAnsi;
        }
    }
}
