using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Payments;

/// <summary>US01's scanner folder through the pipeline (FBDI outbox target: receipts are kept applied, NoTarget).</summary>
public sealed class ScanPipelineTests : IDisposable
{
    private const string Scanner = "US01-cheques";
    private static readonly string Samples = Path.Combine(PipelineHarness.RepositoryMappings, "us-acme", "samples", "cheques");

    private readonly TempDirectory _mappings = new();
    private readonly PipelineHarness _harness;

    public ScanPipelineTests()
    {
        MappingsCopy.Copy(_mappings.Path, yaml => yaml, "us-acme");
        _harness = new PipelineHarness(_mappings.Path);
        _harness.Clock.Now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    }

    [TesseractFact]
    public async Task LanguageModelNotInstalled_ScansWaitInTheInboxNothingStored()
    {
        var profile = Path.Combine(_mappings.Path, "us-acme", "cheque-scans.yaml");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("language: eng ", "language: xyz ", StringComparison.Ordinal));
        var dropped = _harness.DropInInbox(Scanner, "US01_scan_0001_cheque.png", File.ReadAllBytes(Path.Combine(Samples, "US01_scan_0001_cheque.png")));

        var run = await _harness.RunAsync("US01");

        File.Exists(dropped).ShouldBeTrue("the scan waits where it is");
        _harness.Store.DocumentsOfRun(run.RunId).ShouldBeEmpty();
        _harness.Store.RemittancesOfRun(run.RunId).ShouldBeEmpty();
    }

    [TesseractFact]
    public async Task FileThatIsNoScan_FailsAloneTheOtherScansOfTheBatchGoOn()
    {
        _harness.DropInInbox(Scanner, "notes.png", "this is not an image"u8.ToArray());
        _harness.DropInInbox(Scanner, "wrong_total_cheque.png", File.ReadAllBytes(Path.Combine(Samples, "inconsistent", "wrong_total_cheque.png")));
        _harness.DropInInbox(Scanner, "wrong_total_stub.png", File.ReadAllBytes(Path.Combine(Samples, "inconsistent", "wrong_total_stub.png")));

        var run = await _harness.RunAsync("US01");

        var documents = _harness.Store.DocumentsOfRun(run.RunId).ToDictionary(d => d.OriginalName);
        documents["notes.png"].Status.ShouldBe(DocumentStatus.Failed);
        documents["notes.png"].Problems.ShouldContain(p => p.Code == ProblemCodes.UnknownFormat && p.Message.Contains("not a scan", StringComparison.Ordinal));
        documents["wrong_total_cheque.png"].Status.ShouldBe(DocumentStatus.ProcessedWithErrors);
        var payment = _harness.Store.RemittancesOfRun(run.RunId).ShouldHaveSingleItem();
        payment.DocumentId.ShouldBe(documents["wrong_total_cheque.png"].Id);
        payment.State.ShouldBe(RemittanceState.Unapplied);
        payment.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrTotalMismatch);
        var stub = _harness.Store.ScanOf(payment.Id)!.StubPages.ShouldHaveSingleItem();
        stub.Document.ShouldBe("wrong_total_stub.png");
    }

    [TesseractFact]
    public async Task SameCashLetterTwice_TheSecondIsADuplicateDocument_NoPaymentStoredTwice()
    {
        var cheque = File.ReadAllBytes(Path.Combine(Samples, "US01_cashletter_20261120.x937"));
        _harness.DropInInbox(Scanner, "letter.x937", cheque);
        var first = await _harness.RunAsync("US01");
        _harness.DropInInbox(Scanner, "letter-again.x937", cheque);

        var second = await _harness.RunAsync("US01");

        _harness.Store.RemittancesOfRun(first.RunId).Count.ShouldBe(2);
        _harness.Store.DocumentsOfRun(second.RunId).ShouldHaveSingleItem().Status.ShouldBe(DocumentStatus.Duplicate);
        _harness.Store.RemittancesOfRun(second.RunId).ShouldBeEmpty();
    }

    [TesseractFact]
    public async Task StubScannedOneDayItsChequeTheNext_TheStubWaitsAsAnAdviceThenTheChequeIsAppliedWithItsLines()
    {
        SampleSeeder.Seed([_harness.Entity("US01")], _harness.Paths);
        (await _harness.RunAsync("US01")).Export!.End.ShouldBe(ExportEnd.Done);
        _harness.DropInInbox(Scanner, "US01_scan_0002_stub.png", File.ReadAllBytes(Path.Combine(Samples, "US01_scan_0002_stub.png")));
        var first = await _harness.RunAsync("US01");
        var advice = _harness.Store.RemittancesOfRun(first.RunId).ShouldHaveSingleItem();
        advice.State.ShouldBe(RemittanceState.Advice, advice.Reason);

        _harness.DropInInbox(Scanner, "US01_scan_0001_cheque.png", File.ReadAllBytes(Path.Combine(Samples, "US01_scan_0001_cheque.png")));
        var second = await _harness.RunAsync("US01");

        var cheque = _harness.Store.RemittancesOfRun(second.RunId).ShouldHaveSingleItem();
        cheque.Remittance.PaymentNumber.ShouldBe("051827");
        cheque.State.ShouldBe(RemittanceState.NoTarget, cheque.Reason);
        cheque.Applications.Select(a => (a.InvoiceNumber, a.Amount)).ShouldBe([("INV-104231", 407.55m), ("INV-104251", 1308.46m)], ignoreOrder: true);
        _harness.Store.GetRemittance(advice.Id)!.State.ShouldBe(RemittanceState.AdviceUsed);
    }

    [TesseractFact]
    public async Task ChequeScannedUpsideDown_ReadTurnedFlaggedAndItsFieldCutWhereItIsOnTheStoredImage()
    {
        var cheque = File.ReadAllBytes(Path.Combine(Samples, "inconsistent", "words_figures_cheque.png"));
        _harness.DropInInbox(Scanner, "wf_cheque.png", Tesseract.Rotate180(cheque));
        _harness.DropInInbox(Scanner, "wf_stub.png", File.ReadAllBytes(Path.Combine(Samples, "inconsistent", "words_figures_stub.png")));

        var run = await _harness.RunAsync("US01");

        var payment = _harness.Store.RemittancesOfRun(run.RunId).ShouldHaveSingleItem();
        payment.Remittance.PaymentNumber.ShouldBe("072215");
        payment.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrWordsFigures);
        var readings = _harness.Store.ScanOf(payment.Id)!;
        readings.ChequePage!.Rotation.ShouldBe(180);
        var words = readings.Cheque!.AmountInWords!.Region;
        var crop = ScanCrops.OfFailedFields(_harness.Store, _harness.Paths, payment, readings, out var unavailable).Single(c => c.Field == "AmountInWords");
        unavailable.ShouldBeEmpty();
        var region = ScanCrops.Region(payment.Problems.Single(p => p.Code == ProblemCodes.OcrWordsFigures).Message)!.Value;
        crop.Region.ShouldBe(new Mapping.Ocr.OcrBox(crop.Page.Width - region.Left - region.Width, crop.Page.Height - region.Top - region.Height, region.Width, region.Height));
        words.Width.ShouldBeGreaterThan(0);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _mappings.Dispose();
    }
}
