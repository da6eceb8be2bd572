using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// FR01 receives e-invoices (Factur-X PDFs, a Peppol UBL and a CII file) in its e-factures inbox: they go through the
/// whole pipeline into its AutoInvoice outbox with Oracle's tax codes, the PDF is archived as the document of record,
/// a broken one is an exception naming the rule, and an invoice of another company is failed and kept.
/// </summary>
public sealed class EInvoicePipelineTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private string Inbox => _harness.Paths.Resolve("inbox/FR01-efactures");

    [Fact]
    public async Task FacturXAndXmlSamples_RunOnce_PostedWithOracleCodesOrExcepted()
    {
        var samples = SeedEInvoices();

        var summary = await _harness.RunAsync("FR01");

        summary.Report.Documents.Count.ShouldBe(6);
        var records = _harness.Store.RecordsOfRun(summary.RunId).ToDictionary(r => r.Number);
        records.Keys.Order().ShouldBe(["FX26-00101", "FX26-00102", "FX26-00103", "FX26-00104", "FX26-00105", "FX26-00106"]);
        records.Values.Where(r => r.Number != "FX26-00106").ShouldAllBe(r => r.State == RecordState.Posted);

        // The credit note: negative, crediting invoice 101, billed to the customer of its VAT id.
        var credit = records["FX26-00103"].Invoice;
        credit.Kind.ShouldBe(InvoiceKind.CreditNote);
        credit.GrossTotal.ShouldBe(-42.00m);
        credit.OriginalInvoiceNumber.ShouldBe("FX26-00101");
        credit.ResolvedCustomer!.AccountNumber.ShouldBe("C10001");

        // BASIC with two VAT rates and a 2 % loyalty allowance: the allowance is a line of its own, the totals are the document's.
        var basic = records["FX26-00102"].Invoice;
        basic.Lines.Select(l => l.TaxCode).Distinct().Order().ShouldBe(["FR_VAT_20", "FR_VAT_5_5"]);
        basic.Lines.ShouldContain(l => l.Amount == -31.32m);
        (basic.NetTotal, basic.TaxTotal, basic.GrossTotal).ShouldBe((1618.68m, 311.56m, 1930.24m));
        basic.Electronic!.Profile.ShouldBe("BASIC");
        basic.Electronic.Syntax.ShouldBe("CII in PDF");

        // The Peppol UBL buyer is known only by its SIRET and electronic address.
        records["FX26-00105"].Invoice.ResolvedCustomer!.AccountNumber.ShouldBe("C10017");
        records["FX26-00104"].Invoice.Lines.Count.ShouldBe(1);

        // The CII whose grand total is 10.00 too high waits for an operator, with the rule and the values.
        var exception = _harness.Store.ListExceptions("FR01", true, 10).Single();
        exception.Code.ShouldBe("EN16931_BR_CO_15");
        exception.Message.ShouldContain("BT-112");
        exception.Message.ShouldContain("2584.00");

        var lines = _harness.ExportedLines("FR01");
        lines.Select(l => l[FbdiLinesLayout.TrxNumber - 1]).Distinct().Order().ShouldBe(["FX26-00101", "FX26-00102", "FX26-00103", "FX26-00104", "FX26-00105"]);
        lines.Where(l => l[FbdiLinesLayout.TrxNumber - 1] == "FX26-00101").ShouldAllBe(l => l[FbdiLinesLayout.TaxClassificationCode - 1] == "FR_VAT_20");

        // The PDF itself is the document of record: archived byte for byte.
        foreach (var stored in _harness.Store.DocumentsOfRun(summary.RunId))
        {
            var original = samples.Single(s => Path.GetFileName(s) == stored.OriginalName);
            SHA256.HashData(File.ReadAllBytes(_harness.Paths.Resolve(stored.ArchivePath))).ShouldBe(SHA256.HashData(File.ReadAllBytes(original)));
        }
    }

    [Fact]
    public async Task EInvoiceOfAnotherSeller_RunOnce_DocumentFailedAndKeptNothingPosted()
    {
        var sample = Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples", "FR01_efacture_FX26-00106_CII.xml");
        var foreign = File.ReadAllText(sample, Encoding.UTF8).Replace("412987653", "732829320", StringComparison.Ordinal).Replace("FR13", "FR40", StringComparison.Ordinal);
        Directory.CreateDirectory(Inbox);
        File.WriteAllText(Path.Combine(Inbox, "facture-autre-societe.xml"), foreign, Encoding.UTF8);

        var summary = await _harness.RunAsync("FR01");

        var document = _harness.Store.DocumentsOfRun(summary.RunId).Single();
        document.Status.ShouldBe(DocumentStatus.Failed);
        var problem = document.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        problem.Code.ShouldBe(ProblemCodes.EInvoiceSellerUnknown);
        problem.Message.ShouldContain("FR40732829320");
        _harness.Store.RecordsOfRun(summary.RunId).ShouldBeEmpty();
        File.Exists(_harness.Paths.Resolve(document.ArchivePath)).ShouldBeTrue();
    }

    [Fact]
    public async Task SameEInvoiceDroppedAgain_SecondRun_RecognisedNothingPostedTwice()
    {
        SeedEInvoices();
        await _harness.RunAsync("FR01");
        SeedEInvoices();

        var again = await _harness.RunAsync("FR01");

        again.Report.Documents.ShouldAllBe(d => d.Status.StartsWith("Duplicate", StringComparison.Ordinal));
        _harness.Packages("FR01").Count.ShouldBe(1);
    }

    private List<string> SeedEInvoices()
    {
        Directory.CreateDirectory(Inbox);
        var samples = Directory.GetFiles(Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples"), "FR01_efacture_*").Order(StringComparer.Ordinal).ToList();
        foreach (var sample in samples)
        {
            File.Copy(sample, Path.Combine(Inbox, Path.GetFileName(sample)), overwrite: true);
        }

        samples.Count.ShouldBe(6, string.Create(CultureInfo.InvariantCulture, $"FR01's sample e-invoices: {string.Join(", ", samples)}"));
        return samples;
    }
}
