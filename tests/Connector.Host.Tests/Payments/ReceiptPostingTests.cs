using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// FR01's sample invoices and camt.054 against an ERP that takes receipts and misbehaves as the test says: open items
/// that cannot be read, a refused receipt, a target unavailable for receipts.
/// </summary>
public sealed class ReceiptPostingTests : IDisposable
{
    private readonly PipelineHarness _harness = new();
    private readonly FakeReceiptErp _erp;

    public ReceiptPostingTests()
    {
        _erp = new FakeReceiptErp(new OracleFbdiTarget(_harness.Paths.DataDirectory));
        _harness.Target = _erp;
    }

    [Fact]
    public async Task OpenItemsOfTheTargetUnreadable_WarningAndPaymentsAppliedToTheConnectorsInvoices()
    {
        _erp.OpenItemsFail = true;

        var run = await PostInvoicesThenBankAsync();

        var document = _harness.Store.DocumentsOfRun(run.RunId).Single();
        document.Status.ShouldBe(DocumentStatus.Processed);
        document.Problems.ShouldContain(p => p.Code == "BANK_OPEN_ITEMS_UNAVAILABLE" && p.Message.Contains("HTTP 503", StringComparison.Ordinal));
        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        payments.Count(p => p.State == RemittanceState.Confirmed).ShouldBe(6);
        payments.Sum(p => p.Applied).ShouldBe(11458.35m);
        _erp.Receipts["E2E-MOREAU-1120"].Applications.Single().InvoiceNumber.ShouldBe("FX26-00101");
    }

    [Fact]
    public async Task ReceiptRefused_RefusedWithTheReasonsAndItsInvoiceFreeForALaterPayment()
    {
        _erp.RefuseNumbers.Add("E2E-MOREAU-1120");

        var run = await PostInvoicesThenBankAsync();

        var refused = _harness.Store.RemittancesOfRun(run.RunId).Single(p => p.Remittance.PaymentNumber == "E2E-MOREAU-1120");
        refused.State.ShouldBe(RemittanceState.Refused);
        refused.Problems.Single().Code.ShouldBe("AR_RAPI_CUST_SITE_INVALID");
        refused.Reason!.ShouldContain("the customer's site is closed");
        _erp.Receipts.Count.ShouldBe(5);

        _harness.DropInInbox("FR01-banque", "second.xml", BankSamples.Overlapping([], "E2E-MOREAU-BIS", 1708.80m, "REGLEMENT FX26-00101"));
        var later = await _harness.RunAsync("FR01");

        var again = _harness.Store.RemittancesOfRun(later.RunId).Single();
        again.State.ShouldBe(RemittanceState.Confirmed);
        again.Applications.Single().InvoiceNumber.ShouldBe("FX26-00101");
    }

    [Fact]
    public async Task TargetUnavailableForReceipts_PaymentsStayAppliedAndTheNextRunLooksUpBeforePosting()
    {
        _erp.FailTransiently(1000);

        var run = await PostInvoicesThenBankAsync(expectReceipts: ExportEnd.TargetUnavailable);

        var payments = _harness.Store.RemittancesOfRun(run.RunId);
        payments.Count(p => p.State == RemittanceState.Applied).ShouldBe(6);
        payments.ShouldNotContain(p => p.State == RemittanceState.Posting);
        var tried = payments.Single(p => p.Attempts == 1);
        tried.Reason!.ShouldContain("looked up");
        _harness.Store.RemittancesInStates("FR01", [RemittanceState.Applied]).Count.ShouldBe(6);

        _erp.FailTransiently(0);
        var next = await _harness.RunAsync("FR01");

        next.Receipts!.End.ShouldBe(ExportEnd.Done);
        _harness.Store.RemittancesOfRun(run.RunId).Count(p => p.State == RemittanceState.Confirmed).ShouldBe(6);
        _erp.Receipts.Count.ShouldBe(6);
        var number = tried.Remittance.PaymentNumber!;
        _erp.Calls.Where(c => c.EndsWith(" " + number, StringComparison.Ordinal)).TakeLast(2).ShouldBe([$"find {number}", $"post {number}"]);
        _erp.Calls.ShouldNotContain("find E2E-BERNARD-4541", "a payment never attempted is posted without a look-up");
    }

    public void Dispose() => _harness.Dispose();

    private async Task<RunSummary> PostInvoicesThenBankAsync(ExportEnd expectReceipts = ExportEnd.Done)
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        (await _harness.RunAsync("FR01")).Export!.End.ShouldBe(ExportEnd.Done);
        _harness.DropInInbox("FR01-banque", BankSamples.Camt054Name, BankSamples.Camt054);
        var run = await _harness.RunAsync("FR01");
        run.Receipts!.End.ShouldBe(expectReceipts, run.Receipts.Detail);
        return run;
    }
}
