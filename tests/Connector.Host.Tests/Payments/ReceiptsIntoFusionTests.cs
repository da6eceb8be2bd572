using System.Globalization;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.OracleEmulator;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// FR01 with its target switched to Oracle Fusion REST at the emulator: the sample invoices posted, then the camt.054
/// sample in the bank inbox. Each fully applied payment becomes one receipt in Oracle applied to the invoices the
/// Connector decided, with the amounts it decided; the same file again changes nothing in Oracle, and faults on
/// standardReceipts and applyReceipt (503, an answer lost after Oracle committed) still leave each receipt once.
/// </summary>
public sealed class ReceiptsIntoFusionTests : IAsyncLifetime, IDisposable
{
    private const string ReceiptsPath = FusionEmulator.ResourcesPath + "/standardReceipts";
    private const string Iban = "FR7630004000031234567890143";

    private readonly TempDirectory _mappings = new();
    private FusionEmulator _oracle = null!;
    private PipelineHarness _harness = null!;
    private IInvoiceTarget _target = null!;

    public async Task InitializeAsync()
    {
        var bu = "FR01 Dupont Distribution BU";
        _oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default with { ReceiptMethods = [new EmulatedReceiptMethod("FR01 Virement", bu, [Iban])] });
        (_harness, _target) = FusionReceiptsSetup.Start(_oracle, _mappings.Path, "fr-dupont", "FR01", "FR01 Virement", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Camt054AfterInvoicesPosted_ReceiptsInOracleAppliedAsDecidedAndOnceWhenDroppedAgain()
    {
        var run = await PostInvoicesThenBankAsync();

        var confirmed = AssertEachConfirmedReceiptInOracleOnce(run);
        // Applied against Oracle's own open items (its balances, which for some invoices are not the gross amounts of
        // EXPECTED.md: the overpayment goes on account, and the combination of E2E-LEFEVRE-11 no longer sums up).
        confirmed.Select(p => $"{p.Remittance.PaymentNumber}: {string.Join(", ", p.Applications.Select(a => $"{a.InvoiceNumber} {a.Amount.ToString("0.00", CultureInfo.InvariantCulture)}"))}").ShouldBe(
        [
            "E2E-MOREAU-1120: FX26-00101 1424.00",
            "E2E-EB-4510: F26-004510 690.40, F26-004533 781.55",
            "E2E-CDP-105: FX26-00105 2250.00",
            "E2E-DUBOIS-4524: F26-004524 2448.00",
            "E2E-BERNARD-4541: F26-004541 967.00",
        ]);
        confirmed.ShouldAllBe(p => p.Applications.All(a => a.Origin == "erp" && a.ErpId != null));
        _oracle.Receipts.Single(r => r.ReceiptNumber == "E2E-MOREAU-1120").CustomerAccountNumber.ShouldBe("C10001");
        var inOracle = Snapshot();

        _harness.DropInInbox("FR01-banque", "FR01_camt054_20261120-copie.xml", BankSamples.Camt054);
        var again = await _harness.RunAsync("FR01");

        again.Receipts!.End.ShouldBe(ExportEnd.Done);
        Snapshot().ShouldBe(inOracle);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.CommittedResponseLost)]
    public async Task Camt054WithFaultsOnReceiptsAndApplications_EachReceiptOnce(FaultKind kind)
    {
        // Once the invoices are in, one call in three to standardReceipts or below it (creating a receipt, applying it) fails.
        var run = await PostInvoicesThenBankAsync(faultsAfterInvoices: () =>
        {
            for (var i = 0; i < 4; i++)
            {
                _oracle.Faults.Add(new FaultRule(kind, "POST", ReceiptsPath, 1) { RetryAfter = TimeSpan.FromMilliseconds(20) });
                _oracle.Faults.Latency("POST", ReceiptsPath, TimeSpan.Zero, 2);
            }
        });

        _oracle.Faults.Pending.Where(r => r.Kind == kind).ShouldBeEmpty("every fault was met");
        AssertEachConfirmedReceiptInOracleOnce(run).Count.ShouldBeGreaterThan(0);
        _harness.Store.RemittancesInStates("FR01", [RemittanceState.Posting, RemittanceState.Applied]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2, false)] // Oracle created and applied the first receipt; the process dies before the store knows.
    [InlineData(4, false)] // the same for the second receipt, the first one confirmed.
    [InlineData(1, true)] // the first payment is Posting in the store; the process dies before calling Oracle.
    public async Task CrashBetweenOracleAndTheStore_NextRunFindsTheReceiptAndDoesNotPostItTwice(int occurrence, bool after)
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        (await _harness.RunAsync("FR01")).Export!.End.ShouldBe(ExportEnd.Done);
        _harness.DropInInbox("FR01-banque", BankSamples.Camt054Name, BankSamples.Camt054);
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.MoveRemittance), occurrence, after));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01"));
        var receiptsAtCrash = _oracle.Receipts.Count;
        _harness.Store.RemittancesInStates("FR01", [RemittanceState.Posting]).Count.ShouldBe(1);

        _harness.Restart();
        var next = await _harness.RunAsync("FR01");

        next.Receipts!.End.ShouldBe(ExportEnd.Done);
        var bank = _harness.Store.ListDocuments("FR01", null, 100).Single(d => d.OriginalName == BankSamples.Camt054Name);
        var payments = _harness.Store.RemittancesOfRun(bank.RunId);
        payments.Count.ShouldBe(8);
        var confirmed = payments.Where(p => p.State == RemittanceState.Confirmed).ToList();
        _oracle.Receipts.Count.ShouldBe(confirmed.Count);
        _oracle.Receipts.Count.ShouldBeGreaterThanOrEqualTo(receiptsAtCrash);
        _oracle.Receipts.Select(r => r.ReceiptNumber).ShouldBeUnique();
        var first = confirmed.OrderBy(p => p.Id).First();
        _harness.Store.RemittanceHistory(first.Id).Select(t => t.To).ShouldBe(
            [RemittanceState.Applied, RemittanceState.Posting, RemittanceState.Confirmed]);
    }

    [Fact]
    public async Task CrashAfterThePaymentsWereStored_DocumentResumedNothingStoredTwice()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        (await _harness.RunAsync("FR01")).Export!.End.ShouldBe(ExportEnd.Done);
        _harness.DropInInbox("FR01-banque", BankSamples.Camt054Name, BankSamples.Camt054);
        _harness.Wrap(s => new CrashingStore(s, nameof(IConnectorStore.AddRemittances), after: true));
        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("FR01"));

        _harness.Restart();
        _harness.Store.DocumentsToResume("FR01").Single().OriginalName.ShouldBe(BankSamples.Camt054Name);
        await _harness.RunAsync("FR01");

        var all = _harness.Store.RemittancesInStates("FR01", Enum.GetValues<RemittanceState>());
        all.Count.ShouldBe(8);
        all.Count(p => p.State == RemittanceState.Confirmed).ShouldBe(_oracle.Receipts.Count);
        _harness.Store.DocumentsToResume("FR01").ShouldBeEmpty();
    }

    public async Task DisposeAsync()
    {
        (_target as IDisposable)?.Dispose();
        await _oracle.DisposeAsync();
    }

    [Fact]
    public async Task AdviceAndCreditWithoutReference_ReceiptInOracleAppliedToTheAdvisedInvoiceOnce()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        (await _harness.RunAsync("FR01")).Export!.End.ShouldBe(ExportEnd.Done);
        var open = await ((IOpenItemSource)_target).LoadOpenItemsAsync(_harness.Entity("FR01").Definition, CancellationToken.None);
        var nexa = open.Single(i => i.Number == "F26-004532");
        var amount = nexa.OpenAmount.ToString("0.00", CultureInfo.InvariantCulture);

        // The customer's advice names the invoice; its transfer, a day later, says nothing of what it pays.
        _harness.DropInInbox("FR01-avis", "avis.csv", Encoding.Latin1.GetBytes(
            "Avis de paiement\r\nN° règlement;Date règlement;Mode;Montant règlement;Code client;Client;IBAN;N° facture;Type;Montant payé;Escompte;Déduction;Motif\r\n"
            + $"VIR-NEXA-77;20/11/2026;VIR;{amount.Replace('.', ',')};C10025;Nexa Immobilier SAS;FR16 3000 3012 3400 0501 2345 678;F26-004532;FA;{amount.Replace('.', ',')};;;\r\n"));
        var advised = await _harness.RunAsync("FR01");
        _harness.Store.RemittancesOfRun(advised.RunId).Single().State.ShouldBe(RemittanceState.Advice);
        var credit = BankSamples.Overlapping([], "E2E-NEXA-20", nexa.OpenAmount, "VIREMENT NEXA IMMOBILIER");
        var withPayer = Encoding.UTF8.GetString(credit).Replace("SOCIETE NOUVELLE DU RHONE", "NEXA IMMOBILIER SAS", StringComparison.Ordinal);
        _harness.DropInInbox("FR01-banque", "camt-nexa.xml", Encoding.UTF8.GetBytes(withPayer));

        var run = await _harness.RunAsync("FR01");

        run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
        var payment = _harness.Store.RemittancesOfRun(run.RunId).Single();
        payment.State.ShouldBe(RemittanceState.Confirmed, payment.Reason);
        payment.Remittance.FreeText!.ShouldContain("remittance advice VIR-NEXA-77");
        _harness.Store.RemittanceHistory(payment.Id).First().Reason!.ShouldContain("with remittance advice VIR-NEXA-77");
        var receipt = _oracle.Receipts.Single(r => r.ReceiptNumber == payment.ErpReceiptNumber);
        _oracle.Applications.Where(a => a.StandardReceiptId == receipt.StandardReceiptId).Select(a => $"{a.TransactionNumber} {a.AmountApplied.ToString("0.00", CultureInfo.InvariantCulture)}")
            .ShouldBe([$"F26-004532 {amount}"]);
        _harness.DropInInbox("FR01-banque", "camt-nexa-again.xml", Encoding.UTF8.GetBytes(withPayer.Replace("BNPP-FR01-20261121-01", "BNPP-FR01-20261122-01", StringComparison.Ordinal)));

        await _harness.RunAsync("FR01");

        _oracle.Receipts.Count(r => r.ReceiptNumber == payment.ErpReceiptNumber).ShouldBe(1);
        _oracle.Receipts.Count.ShouldBe(1);
    }

    public void Dispose()
    {
        _harness?.Dispose();
        _mappings.Dispose();
    }

    private async Task<RunSummary> PostInvoicesThenBankAsync(Action? faultsAfterInvoices = null)
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        var invoices = await _harness.RunAsync("FR01");
        invoices.Export!.End.ShouldBe(ExportEnd.Done);
        faultsAfterInvoices?.Invoke();

        _harness.DropInInbox("FR01-banque", BankSamples.Camt054Name, BankSamples.Camt054);
        var run = await _harness.RunAsync("FR01");
        run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
        return run;
    }

    /// <summary>Every Confirmed payment is one receipt in Oracle, with its id, and applied exactly as the store says.</summary>
    private List<RemittanceInfo> AssertEachConfirmedReceiptInOracleOnce(RunSummary run)
    {
        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        var confirmed = payments.Where(p => p.State == RemittanceState.Confirmed).ToList();
        payments.Where(p => p.State is RemittanceState.Applied or RemittanceState.Posting or RemittanceState.Refused).Select(p => $"{p.Remittance.PaymentNumber} {p.State} {p.Reason}").ShouldBeEmpty();
        _oracle.Receipts.Count.ShouldBe(confirmed.Count);
        _oracle.Receipts.Select(r => r.ReceiptNumber).ShouldBeUnique();
        foreach (var payment in confirmed)
        {
            var receipt = _oracle.Receipts.Single(r => r.ReceiptNumber == payment.ErpReceiptNumber);
            payment.ErpReceiptId.ShouldBe(receipt.StandardReceiptId.ToString(CultureInfo.InvariantCulture));
            receipt.Amount.ShouldBe(payment.Amount);
            receipt.ReceiptDate.ShouldBe(new DateOnly(2026, 11, 20));
            var applied = _oracle.Applications.Where(a => a.StandardReceiptId == receipt.StandardReceiptId)
                .Select(a => $"{a.TransactionNumber} {a.AmountApplied.ToString("0.00", CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal);
            applied.ShouldBe(payment.Applications.Select(a => $"{a.InvoiceNumber} {a.Amount.ToString("0.00", CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal), $"receipt {receipt.ReceiptNumber}");
        }

        return confirmed;
    }

    private string Snapshot()
        => string.Join("\n", _oracle.Receipts.Select(r => $"{r.StandardReceiptId} {r.ReceiptNumber} {r.Amount}")
            .Concat(_oracle.Applications.Select(a => $"{a.ApplicationId} {a.StandardReceiptId} {a.TransactionNumber} {a.AmountApplied}")));
}
