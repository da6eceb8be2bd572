using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Posting;

/// <summary>The pipeline posting one invoice per call: concurrency, refusals, lost answers, outages, crashes, the breaker.</summary>
public sealed class PerInvoicePostingTests : IDisposable
{
    private static readonly ResilienceDefinition Fast = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetries = 2,
        Concurrency = 4,
        CircuitMinimumThroughput = 1000,
    };

    private readonly TestEntity _entity = new();
    private readonly FakePerInvoiceErp _erp = new();
    private PipelineHarness _harness;

    public PerInvoicePostingTests()
    {
        _harness = Harness(Fast);
    }

    [Fact]
    public async Task Run_EveryInvoice_ConfirmedWithTheErpReference()
    {
        Drop(20);

        var run = await _harness.RunAsync("T01");

        run.Export!.End.ShouldBe(ExportEnd.Done);
        var records = _harness.Store.RecordsOfRun(run.RunId);
        records.Count.ShouldBe(20);
        records.ShouldAllBe(r => r.State == RecordState.Confirmed);
        var first = records.Single(r => r.Number == "INV-001");
        first.Erp.ShouldNotBeNull();
        first.Erp.Id.ShouldBe(_erp.Invoices["INV-001"].ErpId);
        first.Erp.Amount.ShouldBe(100m);
        _erp.Invoices.Count.ShouldBe(20);
        _erp.Posts.ShouldBe(20);
        _erp.Finds.ShouldBe(0);
        _harness.Store.BatchesOfRun(run.RunId).ShouldAllBe(b => b.State == BatchState.Confirmed);
        run.Report.Counts.Exported.ShouldBe(20);
        run.Report.Counts.Confirmed.ShouldBe(20);
        run.Report.Packages.ShouldAllBe(p => p.EndsWith("posted invoice by invoice, confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Concurrency_NeverMoreCallsAtOnceThanConfigured()
    {
        _harness = Harness(Fast with { Concurrency = 3 });
        _erp.Latency = TimeSpan.FromMilliseconds(15);
        Drop(24);

        await _harness.RunAsync("T01");

        _erp.MaxInFlight.ShouldBeLessThanOrEqualTo(3);
        _erp.MaxInFlight.ShouldBeGreaterThan(1);
        _erp.Invoices.Count.ShouldBe(24);
    }

    [Fact]
    public async Task Run_RefusedInvoice_ExceptionWithTheErpMessageAtItsLine_OthersPosted_CorrectionPostsIt()
    {
        _erp.RefuseNumbers.Add("INV-002");
        Drop(3);

        var run = await _harness.RunAsync("T01");

        var exception = _harness.Store.ListExceptions("T01", true, 10).ShouldHaveSingleItem();
        exception.Code.ShouldBe("TARGET_REFUSED");
        exception.Message.ShouldContain("INV-002");
        exception.Message.ShouldContain("You must enter a valid bill-to customer account number.");
        var problem = exception.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("AR_BILL_TO_CUST_NOT_FOUND");
        problem.Value.ShouldBe("X-9");
        problem.Location.Document.ShouldBe("batch.csv");
        problem.Location.Line.ShouldBe(3);
        _harness.Store.RecordsOfRun(run.RunId).Count(r => r.State == RecordState.Confirmed).ShouldBe(2);

        // Its key was freed: the corrected invoice goes out under the same number.
        _erp.RefuseNumbers.Clear();
        _harness.DropInInbox("T01", "fix.csv", TestEntity.File(TestEntity.Row("INV-002", "D-4", "Umbrella")));
        var fix = await _harness.RunAsync("T01");

        _harness.Store.RecordsOfRun(fix.RunId).ShouldHaveSingleItem().State.ShouldBe(RecordState.Confirmed);

        _erp.Invoices.Keys.Order().ShouldBe(["INV-001", "INV-002", "INV-003"]);
    }

    [Fact]
    public async Task Run_AnswersLostAfterTheErpCommitted_LookedUpNeverPostedTwice()
    {
        _erp.LoseAnswers(3);
        Drop(10);

        var run = await _harness.RunAsync("T01");

        _harness.Store.RecordsOfRun(run.RunId).ShouldAllBe(r => r.State == RecordState.Confirmed);
        _erp.Invoices.Count.ShouldBe(10);
        _erp.Posts.ShouldBe(10);
        _erp.Finds.ShouldBe(3);
    }

    [Fact]
    public async Task Run_TransientFailures_RetriedUntilPosted()
    {
        _erp.FailTransiently(2);
        Drop(5);

        var run = await _harness.RunAsync("T01");

        run.Export!.End.ShouldBe(ExportEnd.Done);
        _erp.Invoices.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Run_TargetStaysDown_RecordsWait_NextRunLooksUpFirstAndPostsEachOnce()
    {
        _erp.FailTransiently(10_000);
        Drop(8);

        var down = await _harness.RunAsync("T01");

        down.Export!.End.ShouldBe(ExportEnd.TargetUnavailable);
        var waiting = _harness.Store.RecordsOfRun(down.RunId);
        waiting.Count(r => r.State == RecordState.Posting).ShouldBe(5);
        waiting.Count(r => r.State == RecordState.Ready).ShouldBe(3);
        _harness.Store.PendingBatches("T01").ShouldHaveSingleItem();
        down.Report.Counts.Pending.ShouldBe(8);
        _harness.Runner().HasWork(_harness.Entity("T01"), new RunRequest("schedule")).ShouldBeTrue();

        _erp.FailTransiently(0);
        var findsBefore = _erp.Finds;
        var up = await _harness.RunAsync("T01");

        up.Export!.End.ShouldBe(ExportEnd.Done);
        _harness.Store.RecordsOfRun(down.RunId).ShouldAllBe(r => r.State == RecordState.Confirmed);
        _erp.Invoices.Count.ShouldBe(8);
        (_erp.Finds - findsBefore).ShouldBe(5, "each of the 5 records left Posting is looked up before it is posted again; the 3 still Ready are not");
        _erp.Posts.ShouldBe(8, "nothing reached the ERP while it was down, then each invoice once");
        _harness.Store.PendingBatches("T01").ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_CrashAfterTheErpCommittedBeforeTheStoreKnew_RestartConfirmsWithoutPostingAgain()
    {
        _harness = Harness(Fast with { Concurrency = 1 });
        _erp.Latency = TimeSpan.FromMilliseconds(20);
        Drop(6);
        _harness.Wrap(store => new CrashingStore(store, nameof(IConnectorStore.ConfirmRecords), occurrence: 2));

        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("T01"));
        _erp.Invoices.Count.ShouldBeLessThan(6, "the store's failure stops the posting");
        var known = _harness.Store.RecordsOfRun(1).Count(r => r.State == RecordState.Confirmed);
        _erp.Invoices.Count.ShouldBeGreaterThan(known, "the ERP holds invoices the store does not know of: the case to test");

        _harness.Restart();
        await _harness.RunAsync("T01");

        _erp.Invoices.Count.ShouldBe(6);
        _erp.Posts.ShouldBe(6);
        _harness.Store.ListExceptions("T01", true, 10).ShouldBeEmpty();
        _harness.Store.RecordsOfRun(1).ShouldAllBe(r => r.State == RecordState.Confirmed);
    }

    [Fact]
    public async Task Run_ManyFailuresAtOnce_CircuitOpensParksTheTargetAndRecovers()
    {
        _harness = Harness(Fast with
        {
            Concurrency = 1,
            MaxRetries = 8,
            CircuitMinimumThroughput = 2,
            CircuitFailureRatio = 0.5,
            CircuitBreakDuration = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        });
        _erp.FailTransiently(3);
        Drop(4);

        var run = await _harness.RunAsync("T01");

        run.Export!.End.ShouldBe(ExportEnd.Done);
        _erp.Invoices.Count.ShouldBe(4);
        TargetResilience.For(_erp, "T01", Fast, TimeProvider.System, NullLogger.Instance).CircuitOpenings.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Run_TargetMisconfigured_StopsPostingAndKeepsTheRecords()
    {
        _erp.SetupFailure = "401 Unauthorized: check target.options.user and password";
        Drop(3);

        var run = await _harness.RunAsync("T01");

        run.Export!.End.ShouldBe(ExportEnd.TargetUnusable);
        run.Export.Detail!.ShouldContain("401");
        _harness.Store.RecordsOfRun(run.RunId).ShouldAllBe(r => r.State == RecordState.Posting);
        _erp.Invoices.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _harness.Dispose();
        _entity.Dispose();
    }

    private PipelineHarness Harness(ResilienceDefinition resilience)
    {
        _harness?.Dispose();
        return new PipelineHarness(_entity.Mappings) { ExportOptions = new ExportOptions { Resilience = resilience, PerInvoiceBatchSize = 5 }, Target = _erp };
    }

    private void Drop(int count)
    {
        var accounts = new[] { ("A-1", "Acme"), ("B-2", "Globex"), ("C-3", "Initech"), ("D-4", "Umbrella") };
        var rows = Enumerable.Range(1, count).Select(i => TestEntity.Row($"INV-{i:D3}", accounts[i % 4].Item1, accounts[i % 4].Item2)).ToArray();
        _harness.DropInInbox("T01", "batch.csv", TestEntity.File(rows));
    }
}
