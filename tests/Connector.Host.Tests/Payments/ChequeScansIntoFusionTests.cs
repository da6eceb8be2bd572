using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Problems;
using Connector.OracleEmulator;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// US01 with its target switched to Oracle Fusion REST at the emulator: the sample invoices posted, then the scanned
/// cheques and stubs of mappings/us-acme/samples/cheques (EXPECTED.md there) dropped in its scanner folder and read
/// by the real Tesseract. Each consistent cheque ends as one receipt in Oracle applied to the invoices its stub names;
/// the inconsistent ones (a stub whose total is not its rows, words that are not the figures) wait for an operator
/// with the failing field and are never posted; an operator's correction of that one field lets it go.
/// </summary>
public sealed class ChequeScansIntoFusionTests : IAsyncLifetime, IDisposable
{
    private const string Scanner = "US01-cheques";
    private static readonly string Samples = Path.Combine(PipelineHarness.RepositoryMappings, "us-acme", "samples", "cheques");

    private readonly TempDirectory _mappings = new();
    private FusionEmulator _oracle = null!;
    private PipelineHarness _harness = null!;
    private IInvoiceTarget _target = null!;

    public async Task InitializeAsync()
    {
        _oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default);
        (_harness, _target) = FusionReceiptsSetup.Start(_oracle, _mappings.Path, "us-acme", "US01", "US01 Check", TimeSpan.FromSeconds(5));
        SampleSeeder.Seed([_harness.Entity("US01")], _harness.Paths);
        (await _harness.RunAsync("US01")).Export!.End.ShouldBe(ExportEnd.Done);
        _harness.Clock.Now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    }

    [TesseractFact]
    public async Task ChequeAndStubAsTwoFilesTiffAndPdf_EachOneReceiptAppliedToTheStubsInvoices()
    {
        Drop("US01_scan_0001_cheque.png", "US01_scan_0002_stub.png", "US01_scan_0003.tif", "US01_scan_0004.pdf");

        var run = await _harness.RunAsync("US01");

        run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        payments.Select(p => $"{p.Remittance.PaymentNumber} {p.State} {p.Reason}").ShouldAllBe(p => p.Contains(" Confirmed ", StringComparison.Ordinal));
        // Applied to the invoices each stub names, for what Oracle has open on them (the emulator's balances leave out
        // the US sales tax, so part of each cheque goes on account), exactly as the Connector decided.
        AppliedTo().ShouldBe(
        [
            "051827 1716.01: INV-104231, INV-104251",
            "008342 798.57: INV-104232, INV-104246",
            "120556 2766.60: INV-104250, INV-104255",
        ],
        ignoreOrder: true);
        foreach (var payment in payments)
        {
            Applications().ShouldContain(string.Create(CultureInfo.InvariantCulture, $"{payment.ErpReceiptNumber} {payment.Amount:0.00}: ")
                + string.Join(", ", payment.Applications.OrderBy(a => a.InvoiceNumber, StringComparer.Ordinal).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.InvoiceNumber} {a.Amount:0.00}"))));
        }

        _oracle.Receipts.Single(r => r.ReceiptNumber.Contains("051827", StringComparison.Ordinal)).CustomerAccountNumber.ShouldBe("100108");

        // The same scans again (a second pass through the scanner): recognised, nothing posted twice.
        Drop("US01_scan_0001_cheque.png", "US01_scan_0002_stub.png");
        File.Move(Path.Combine(_harness.Inbox(Scanner), "US01_scan_0001_cheque.png"), Path.Combine(_harness.Inbox(Scanner), "rescan_0001.png"));
        await _harness.RunAsync("US01");
        _oracle.Receipts.Count.ShouldBe(3);
    }

    [TesseractFact]
    public async Task InconsistentScans_FlaggedWithTheFieldNeverPosted_CorrectingTheFieldLetsItGo()
    {
        Drop("inconsistent/wrong_total_cheque.png", "inconsistent/wrong_total_stub.png", "inconsistent/words_figures_cheque.png", "inconsistent/words_figures_stub.png");

        var run = await _harness.RunAsync("US01");

        run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
        _oracle.Receipts.ShouldBeEmpty();
        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        payments.Count.ShouldBe(2);
        payments.ShouldAllBe(p => p.State == RemittanceState.Unapplied);
        var wrongTotal = payments.Single(p => p.Remittance.PaymentNumber == "016604");
        wrongTotal.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrTotalMismatch && p.Severity == ProblemSeverity.Error);
        var words = payments.Single(p => p.Remittance.PaymentNumber == "072215");
        var mismatch = words.Problems.Single(p => p.Code == ProblemCodes.OcrWordsFigures);
        mismatch.Field.ShouldBe("AmountInWords");
        mismatch.Message.ShouldContain("region x=");
        mismatch.Value.ShouldBe("1,076.00 | 1,067.00");
        _harness.Store.ScanOf(words.Id)!.Cheque!.AmountInWords!.Value.ShouldBe(1067.00m);

        // Another run posts nothing of them.
        await _harness.RunAsync("US01");
        _oracle.Receipts.ShouldBeEmpty();

        // The operator looks at the words, sees the figures are right, and corrects that one field.
        var corrected = new ScanCorrector(_harness.Store, _harness.Clock).Correct(
            _harness.Entity("US01"), words.Id, [("AmountInWords", "1076.00")], await OpenItemsAsync(), "operator");

        corrected.StillFailing.ShouldBeEmpty();
        corrected.Payment.State.ShouldBe(RemittanceState.Applied, corrected.Payment.Reason);
        (await _harness.RunAsync("US01")).Receipts!.End.ShouldBe(ExportEnd.Done);
        AppliedTo().ShouldBe(["072215 1076.00: INV-104234"]);
        _harness.Store.RemittanceHistory(words.Id).Select(t => t.To).ShouldBe([RemittanceState.Unapplied, RemittanceState.Applied, RemittanceState.Posting, RemittanceState.Confirmed]);
        _harness.Store.ScanOf(words.Id)!.Corrections.Single().ShouldBe(new Mapping.Ocr.Scans.ScanFieldCorrection("AmountInWords", "1076.00", "operator"));
        _harness.Store.RemittancesOfRun(run.RunId).Single(p => p.Id == wrongTotal.Id).State.ShouldBe(RemittanceState.Unapplied);
    }

    [TesseractFact]
    public async Task CrashAfterTheFirstScansPaymentWasStored_NextRunStoresAndPostsEachPaymentOnce()
    {
        Drop("US01_scan_0001_cheque.png", "US01_scan_0002_stub.png", "US01_scan_0003.tif", "US01_scan_0004.pdf");
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddRemittances), after: true));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("US01"));

        _harness.Restart();
        _harness.Store.DocumentsToResume("US01").Count.ShouldBe(4, "the first cheque's payment is stored, none of the four files completed");
        var run = await _harness.RunAsync("US01");

        run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
        var payments = _harness.Store.RemittancesInStates("US01", Enum.GetValues<RemittanceState>());
        payments.Select(p => p.Remittance.PaymentNumber).Order(StringComparer.Ordinal).ShouldBe(["008342", "051827", "120556"]);
        payments.ShouldAllBe(p => p.State == RemittanceState.Confirmed);
        _oracle.Receipts.Count.ShouldBe(3);
        _harness.Store.DocumentsToResume("US01").ShouldBeEmpty();
    }

    [TesseractFact]
    public async Task CashLetter_EachChequeAReceiptOfTheBanksAmount()
    {
        Drop("US01_cashletter_20261120.x937");

        var run = await _harness.RunAsync("US01");

        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        payments.Select(p => (p.Remittance.PaymentNumber, p.Amount, p.Remittance.Payer.BankId, p.Remittance.Payer.BankAccount)).ShouldBe(
        [
            ("033719", 544.62m, "041208858", "5507731206"),
            ("047260", 599.43m, "031314778", "0092448173"),
        ]);
        foreach (var payment in payments.Where(p => p.State == RemittanceState.Confirmed))
        {
            _oracle.Receipts.Single(r => r.ReceiptNumber == payment.ErpReceiptNumber).Amount.ShouldBe(payment.Amount);
        }
    }

    public async Task DisposeAsync()
    {
        (_target as IDisposable)?.Dispose();
        await _oracle.DisposeAsync();
    }

    public void Dispose()
    {
        _harness?.Dispose();
        _mappings.Dispose();
    }

    private void Drop(params string[] names)
    {
        foreach (var name in names)
        {
            _harness.DropInInbox(Scanner, Path.GetFileName(name), File.ReadAllBytes(Path.Combine(Samples, name)));
        }
    }

    private async Task<IReadOnlyList<Mapping.Model.OpenItem>> OpenItemsAsync()
    {
        var fromOracle = await ((IOpenItemSource)_target).LoadOpenItemsAsync(_harness.Entity("US01").Definition, CancellationToken.None);
        return ConnectorOpenItems.ForCashApplication(_harness.Store, "US01", fromOracle);
    }

    /// <summary>Each receipt in Oracle with the invoices it was applied to, as "number amount: invoice, ...".</summary>
    private List<string> AppliedTo()
        => [.. _oracle.Receipts.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ReceiptNumber} {r.Amount:0.00}: ")
            + string.Join(", ", _oracle.Applications.Where(a => a.StandardReceiptId == r.StandardReceiptId).Select(a => a.TransactionNumber).Order(StringComparer.Ordinal)))];

    /// <summary>Each receipt in Oracle with what it was applied to, as "number amount: invoice amount, ...".</summary>
    private List<string> Applications()
        => [.. _oracle.Receipts.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ReceiptNumber} {r.Amount:0.00}: ")
            + string.Join(", ", _oracle.Applications.Where(a => a.StandardReceiptId == r.StandardReceiptId).OrderBy(a => a.TransactionNumber, StringComparer.Ordinal)
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.TransactionNumber} {a.AmountApplied:0.00}"))))];
}
