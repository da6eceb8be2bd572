using System.Globalization;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// FR01's remittance advice (AVIS_PAIEMENT_20261121.csv, in its advice inbox) and the bank notification carrying the
/// money of the same payments (FR01_camt054_20261121.xml, no invoice references): each credit is applied with the
/// lines of the advice that describes it, whichever of the two files comes first; an advice never becomes a receipt.
/// </summary>
public sealed class AdvicePipelineTests : IDisposable
{
    private static readonly string Samples = Path.Combine(PipelineHarness.RepositoryMappings, "fr-dupont", "samples", "bank");
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AdviceThenMoney_EachCreditAppliedWithItsAdviceLines()
    {
        await PostInvoicesAsync();
        Drop("FR01-avis", "AVIS_PAIEMENT_20261121.csv");
        var advices = await _harness.RunAsync("FR01");
        _harness.Store.RemittancesOfRun(advices.RunId).ShouldAllBe(r => r.State == RemittanceState.Advice);
        Drop("FR01-banque", "FR01_camt054_20261121.xml");

        var money = await _harness.RunAsync("FR01");

        AssertAppliedWithAdvices(money.RunId);
        _harness.Store.RemittancesOfRun(advices.RunId).Select(r => _harness.Store.GetRemittance(r.Id)!.State).ShouldAllBe(s => s == RemittanceState.AdviceUsed);
    }

    [Fact]
    public async Task MoneyThenAdvice_WaitingCreditsAreAppliedWhenTheAdviceComes()
    {
        await PostInvoicesAsync();
        Drop("FR01-banque", "FR01_camt054_20261121.xml");
        var money = await _harness.RunAsync("FR01");
        var credits = _harness.Store.RemittancesOfRun(money.RunId).ToDictionary(r => r.Remittance.PaymentNumber!);
        credits["E2E-BRA-1121"].State.ShouldBe(RemittanceState.Unapplied);

        Drop("FR01-avis", "AVIS_PAIEMENT_20261121.csv");
        var advices = await _harness.RunAsync("FR01");

        var bra = _harness.Store.GetRemittance(credits["E2E-BRA-1121"].Id)!;
        Applied(bra).ShouldBe("FX26-00102 1930.24, AV26-000231 -212.52");
        bra.State.ShouldBe(RemittanceState.NoTarget);
        _harness.Store.RemittancesOfRun(advices.RunId).ShouldContain(r => r.State == RemittanceState.AdviceUsed);
    }

    [Fact]
    public async Task AdviceDroppedTwice_SecondIsADuplicateDocumentAndNothingChanges()
    {
        await PostInvoicesAsync();
        Drop("FR01-avis", "AVIS_PAIEMENT_20261121.csv");
        await _harness.RunAsync("FR01");
        Drop("FR01-avis", "AVIS_PAIEMENT_20261121.csv");

        var again = await _harness.RunAsync("FR01");

        _harness.Store.RemittancesOfRun(again.RunId).ShouldBeEmpty();
        _harness.Store.DocumentsOfRun(again.RunId).Single().Status.ShouldBe(DocumentStatus.Duplicate);
    }

    private void AssertAppliedWithAdvices(long runId)
    {
        var credits = _harness.Store.RemittancesOfRun(runId).ToDictionary(r => r.Remittance.PaymentNumber!);
        credits.Count.ShouldBe(3);

        // Nexa quotes the advice's number: F26-004532 in full; F26-004535 is 10.00 short, beyond the tolerance: an operator decides.
        Applied(credits["VIR-2611-0187"]).ShouldBe("F26-004532 714.48");
        credits["VIR-2611-0187"].State.ShouldBe(RemittanceState.PartlyApplied);
        credits["VIR-2611-0187"].Reason!.ShouldContain("remittance advice VIR-2611-0187");

        // Bâtiments Rhône-Alpes: no reference on the transfer; the advice of the same customer and amount says FX26-00102 less its credit note.
        Applied(credits["E2E-BRA-1121"]).ShouldBe("FX26-00102 1930.24, AV26-000231 -212.52");
        credits["E2E-BRA-1121"].State.ShouldBe(RemittanceState.NoTarget);

        // Auvergne Câblage took an escompte its terms do not grant: not applied automatically.
        credits["REMISE-CHQ-1121"].Applications.ShouldBeEmpty();
        credits["REMISE-CHQ-1121"].State.ShouldBe(RemittanceState.Unapplied);
    }

    private async Task PostInvoicesAsync()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        (await _harness.RunAsync("FR01")).Export!.End.ShouldBe(ExportEnd.Done);
    }

    private void Drop(string inbox, string sample) => _harness.DropInInbox(inbox, sample, File.ReadAllBytes(Path.Combine(Samples, sample)));

    private static string Applied(RemittanceInfo payment)
        => string.Join(", ", payment.Applications.Select(a => $"{a.InvoiceNumber} {a.Amount.ToString("0.00", CultureInfo.InvariantCulture)}"));
}
