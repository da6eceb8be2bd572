using System.Text.Json;
using Connector.Host.Tests.Pipeline;

namespace Connector.Host.Tests.Cli;

/// <summary>inspect and payments on scanned cheques and stubs, as an operator runs them (real Tesseract).</summary>
public sealed partial class CliTests
{
    [TesseractFact]
    public async Task InspectJson_ScannedChequeWithWrongWords_FieldsWithConfidenceAndRegionAndTheFailedCheck()
    {
        var (code, output) = await Run("inspect", "--entity", "US01", "--json", Sample("us-acme", "cheques/inconsistent/words_figures_cheque.png"));

        code.ShouldBe(0);
        var file = JsonDocument.Parse(output).RootElement.GetProperty("files")[0];
        file.GetProperty("format").GetString().ShouldBe("scan-image");
        file.GetProperty("profile").GetString().ShouldBe("cheque-scans");
        var scan = file.GetProperty("scan");
        scan.GetProperty("pages").GetInt32().ShouldBe(1);
        scan.GetProperty("engine").GetString()!.ShouldStartWith("tesseract 5");
        var payment = scan.GetProperty("payments").EnumerateArray().ShouldHaveSingleItem();
        payment.GetProperty("clean").GetBoolean().ShouldBeFalse();
        payment.GetProperty("remittance").GetProperty("payment_number").GetString().ShouldBe("072215");
        payment.GetProperty("remittance").GetProperty("amount").GetDecimal().ShouldBe(1076.00m);
        var fields = payment.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        var words = fields["AmountInWords"];
        words.GetProperty("value").GetString().ShouldBe("1067.00");
        words.GetProperty("confidence").GetDouble().ShouldBeInRange(0, 100);
        words.GetProperty("region").GetProperty("width").GetInt32().ShouldBeGreaterThan(0);
        words.GetProperty("page").GetProperty("page").GetInt32().ShouldBe(1);
        fields["AmountInFigures"].GetProperty("value").GetString().ShouldBe("1076.00");
        var check = payment.GetProperty("failed_checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "OCR_WORDS_FIGURES");
        check.GetProperty("severity").GetString().ShouldBe("error");
        check.GetProperty("field").GetString().ShouldBe("AmountInWords");
        check.GetProperty("readings").EnumerateArray().Select(r => r.GetString()).ShouldBe(["1,076.00", "1,067.00"]);
        check.GetProperty("region").GetProperty("height").GetInt32().ShouldBeGreaterThan(0);
    }

    [TesseractFact]
    public async Task PaymentsShowAndCorrect_FailedFieldShownWithItsImage_CorrectionAppliesThePayment()
    {
        // The invoice the cheque pays is posted first (US01's AR export of 2026-11-02..04), then the cheque and its stub come.
        var invoices = Path.Combine(_data.Path, "inbox", "US01");
        Directory.CreateDirectory(invoices);
        foreach (var export in Directory.GetFiles(Path.Combine(PipelineHarness.RepositoryMappings, "us-acme", "samples"), "acme_ar_export_*.csv"))
        {
            File.Copy(export, Path.Combine(invoices, Path.GetFileName(export)));
        }

        (await Run("run", "--once", "--entity", "US01")).Code.ShouldBe(0);
        var inbox = Path.Combine(_data.Path, "inbox", "US01-cheques");
        Directory.CreateDirectory(inbox);
        foreach (var name in new[] { "words_figures_cheque.png", "words_figures_stub.png" })
        {
            File.Copy(Sample("us-acme", "cheques/inconsistent/" + name), Path.Combine(inbox, name));
        }

        (await Run("run", "--once", "--entity", "US01")).Code.ShouldBe(0);
        var report = Directory.GetFiles(Path.Combine(_data.Path, "reports", "US01"), "*.html").OrderBy(File.GetLastWriteTimeUtc).Last();
        File.ReadAllText(report).ShouldContain("<figure><img src=\"data:image/png;base64,");
        var (_, list) = await Run("payments", "list", "--entity", "US01", "--json");
        var id = JsonDocument.Parse(list).RootElement.EnumerateArray().Single().GetProperty("id").GetInt64();
        var crops = Path.Combine(_data.Path, "crops");

        var (showCode, show) = await Run("payments", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--crops", crops);
        var (correctCode, corrected) = await Run("payments", "correct", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--set", "AmountInWords=1076.00", "--user", "ann");
        var (_, json) = await Run("payments", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        showCode.ShouldBe(0);
        show.ShouldContain("OCR_WORDS_FIGURES");
        show.ShouldContain("AmountInWords: words_figures_cheque.png page 1");
        show.ShouldContain("connector payments correct");
        var crop = Directory.GetFiles(crops).ShouldHaveSingleItem();
        Path.GetFileName(crop).ShouldBe($"payment-{id}-amountinwords.png");
        File.ReadAllBytes(crop)[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        correctCode.ShouldBe(0, corrected);
        corrected.ShouldContain("Applied");
        var payment = JsonDocument.Parse(json).RootElement;
        payment.GetProperty("state").GetString().ShouldBe("applied");
        payment.GetProperty("applications").EnumerateArray().Single().GetProperty("invoice_number").GetString().ShouldBe("INV-104234");
        payment.GetProperty("scan").GetProperty("corrections").EnumerateArray().Single().GetProperty("actor").GetString().ShouldBe("ann");
    }

    [TesseractFact]
    public async Task InspectJson_ChequeAndItsStubAsTwoFiles_ReadTogetherOnePaymentWithTheStubsLines()
    {
        var (code, output) = await Run("inspect", "--entity", "US01", "--json", Sample("us-acme", "cheques/US01_scan_0001_cheque.png"), Sample("us-acme", "cheques/US01_scan_0002_stub.png"));

        code.ShouldBe(0);
        var files = JsonDocument.Parse(output).RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBe(2);
        var payment = files[0].GetProperty("scan").GetProperty("payments").EnumerateArray().ShouldHaveSingleItem();
        payment.GetProperty("stub_pages").EnumerateArray().Single().GetProperty("document").GetString().ShouldBe("US01_scan_0002_stub.png");
        payment.GetProperty("clean").GetBoolean().ShouldBeTrue(payment.GetProperty("failed_checks").ToString());
        payment.GetProperty("remittance").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("reference").GetString()).ShouldBe(["INV-104231", "INV-104251"]);
        files[1].GetProperty("scan").GetProperty("payments").GetArrayLength().ShouldBe(0);
    }
}
