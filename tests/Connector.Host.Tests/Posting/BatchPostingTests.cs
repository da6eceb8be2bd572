using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Entities;

namespace Connector.Host.Tests.Posting;

/// <summary>The pipeline posting whole batches and confirming the imports: per-invoice outcomes, patience, job errors.</summary>
public sealed class BatchPostingTests : IDisposable
{
    private static readonly ResilienceDefinition Fast = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetries = 2,
        ConfirmPollInterval = TimeSpan.FromMilliseconds(5),
        ConfirmTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly TestEntity _entity = new();
    private readonly FakeBatchErp _erp = new();
    private PipelineHarness _harness;

    public BatchPostingTests()
    {
        _harness = Harness(Fast);
    }

    [Fact]
    public async Task Run_ImportRunsThenSucceeds_EveryInvoiceConfirmedWithItsErpId()
    {
        _erp.PollsUntilDone = 4;
        Drop("INV-1", "INV-2", "INV-3");

        var run = await _harness.RunAsync("T01");

        run.Report.Counts.Confirmed.ShouldBe(3);
        run.Report.Packages.ShouldHaveSingleItem().ShouldEndWith("import REQ-1 confirmed");
        var records = _harness.Store.RecordsOfRun(run.RunId);
        records.ShouldAllBe(r => r.State == RecordState.Confirmed);
        records.Single(r => r.Number == "INV-2").Erp!.Id.ShouldBe("TRX-INV-2");
        var batch = _harness.Store.BatchesOfRun(run.RunId).ShouldHaveSingleItem();
        batch.State.ShouldBe(BatchState.Confirmed);
        batch.Location.ShouldBe("REQ-1");
        _harness.Store.History(records[0].Id).Select(t => t.To).ShouldBe([RecordState.Ready, RecordState.Posting, RecordState.Posted, RecordState.Confirmed]);
    }

    [Fact]
    public async Task Run_ImportRefusesALine_ExceptionAtTheSourceLine_KeyFreed_OthersConfirmed()
    {
        _erp.RefuseNumbers.Add("INV-2");
        Drop("INV-1", "INV-2", "INV-3");

        var run = await _harness.RunAsync("T01");

        var exception = _harness.Store.ListExceptions("T01", true, 10).ShouldHaveSingleItem();
        exception.Code.ShouldBe("TARGET_REFUSED");
        exception.Message.ShouldContain("You must provide a valid payment term.");
        var problem = exception.Problems.ShouldHaveSingleItem();
        problem.Location.ToString().ShouldContain("batch.csv");
        problem.Location.Line.ShouldBe(3);
        problem.Value.ShouldBe("60 NET");
        _harness.Store.RecordsOfRun(run.RunId).Count(r => r.State == RecordState.Confirmed).ShouldBe(2);
        _harness.Store.BatchesOfRun(run.RunId).ShouldHaveSingleItem().State.ShouldBe(BatchState.Confirmed);

        _erp.RefuseNumbers.Clear();
        _harness.DropInInbox("T01", "fix.csv", TestEntity.File(TestEntity.Row("INV-2", "D-4", "Umbrella")));
        var fix = await _harness.RunAsync("T01");

        _harness.Store.RecordsOfRun(fix.RunId).ShouldHaveSingleItem().State.ShouldBe(RecordState.Confirmed);
    }

    [Fact]
    public async Task Run_ImportStillRunningWhenPatienceEnds_BatchWaits_NextRunConfirmsWithoutSendingAgain()
    {
        _harness = Harness(Fast with { ConfirmTimeout = TimeSpan.FromMilliseconds(40) });
        _erp.PollsUntilDone = int.MaxValue;
        Drop("INV-1", "INV-2");

        var first = await _harness.RunAsync("T01");

        _harness.Store.BatchesOfRun(first.RunId).ShouldHaveSingleItem().State.ShouldBe(BatchState.Submitted);
        _harness.Store.RecordsOfRun(first.RunId).ShouldAllBe(r => r.State == RecordState.Posted);
        _harness.Runner().HasWork(_harness.Entity("T01"), new RunRequest("schedule")).ShouldBeTrue();

        _erp.PollsUntilDone = 0;
        await _harness.RunAsync("T01");

        _harness.Store.RecordsOfRun(first.RunId).ShouldAllBe(r => r.State == RecordState.Confirmed);
        _erp.Submits.ShouldBe(1);
    }

    [Fact]
    public async Task Run_ImportJobFails_EveryRecordOfTheBatchAnExceptionWithTheJobMessage()
    {
        _erp.JobError = "You must enter a valid context for the Line Transaction flexfield.";
        Drop("INV-1", "INV-2");

        var run = await _harness.RunAsync("T01");

        _harness.Store.RecordsOfRun(run.RunId).ShouldAllBe(r => r.State == RecordState.Exception);
        var exceptions = _harness.Store.ListExceptions("T01", true, 10);
        exceptions.Count.ShouldBe(2);
        exceptions.ShouldAllBe(e => e.Message.Contains("valid context"));
        _harness.Store.BatchesOfRun(run.RunId).ShouldHaveSingleItem().State.ShouldBe(BatchState.Failed);
    }

    [Fact]
    public async Task Run_ImportSaysNothingOfAnInvoice_ExceptionForAPersonAndTheKeyStaysTaken()
    {
        _erp.SilentNumbers.Add("INV-2");
        Drop("INV-1", "INV-2");

        await _harness.RunAsync("T01");

        var exception = _harness.Store.ListExceptions("T01", true, 10).ShouldHaveSingleItem();
        exception.Code.ShouldBe("TARGET_UNCONFIRMED");
        exception.Message.ShouldContain("check in the ERP");

        // The key was not freed: the same number with other content cannot go out until a person decided.
        _harness.DropInInbox("T01", "again.csv", TestEntity.File(TestEntity.Row("INV-2", "D-4", "Umbrella")));
        var again = await _harness.RunAsync("T01");
        _harness.Store.RecordsOfRun(again.RunId).ShouldHaveSingleItem().State.ShouldBe(RecordState.Exception);
        _erp.Created.ContainsKey("INV-2").ShouldBeFalse();
    }

    [Fact]
    public async Task Resolve_UnconfirmedDeclaredNotInTheErp_KeyReleasedAndPostedByTheNextRun()
    {
        _erp.SilentNumbers.Add("INV-2");
        Drop("INV-1", "INV-2");
        await _harness.RunAsync("T01");
        var exception = _harness.Store.ListExceptions("T01", true, 10).ShouldHaveSingleItem();
        var resolver = new ExceptionResolver(_harness.Store, _harness.Clock);

        var result = resolver.Resolve(_harness.Entity("T01"), exception.Id, new NotInTarget("checked in Oracle: no INV-2"), "ops");
        result.State.ShouldBe(RecordState.Ready);

        _erp.SilentNumbers.Clear();
        await _harness.RunAsync("T01");

        _harness.Store.GetRecord(exception.RecordId)!.State.ShouldBe(RecordState.Confirmed);
        _erp.Created.ContainsKey("INV-2").ShouldBeTrue();
        _harness.Store.AuditTrail("T01", 50).ShouldContain(a => a.Action == "exception.not-in-target");
    }

    [Fact]
    public async Task Resolve_NotInErpOnARefusal_RefusedBecauseItsKeyWasNeverTaken()
    {
        _erp.RefuseNumbers.Add("INV-1");
        Drop("INV-1");
        await _harness.RunAsync("T01");
        var exception = _harness.Store.ListExceptions("T01", true, 10).ShouldHaveSingleItem();

        Should.Throw<InvalidOperationException>(() => new ExceptionResolver(_harness.Store, _harness.Clock).Resolve(_harness.Entity("T01"), exception.Id, new NotInTarget("x"), "ops"))
            .Message.ShouldContain("TARGET_UNCONFIRMED");
    }

    [Fact]
    public async Task Run_CrashAfterSubmitBeforeTheStoreKnew_RestartFindsTheImportAndDoesNotSubmitAgain()
    {
        Drop("INV-1", "INV-2");
        _harness.Wrap(store => new CrashingStore(store, nameof(IConnectorStore.CompleteBatch)));

        await Should.ThrowAsync<SimulatedCrashException>(() => _harness.RunAsync("T01"));
        _harness.Restart();
        await _harness.RunAsync("T01");

        _erp.Submits.ShouldBe(1);
        _harness.Store.RecordsOfRun(1).ShouldAllBe(r => r.State == RecordState.Confirmed);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _entity.Dispose();
    }

    private PipelineHarness Harness(ResilienceDefinition resilience)
    {
        _harness?.Dispose();
        return new PipelineHarness(_entity.Mappings) { ExportOptions = new ExportOptions { Resilience = resilience }, Target = _erp };
    }

    private void Drop(params string[] numbers)
    {
        var accounts = new[] { ("A-1", "Acme"), ("B-2", "Globex"), ("C-3", "Initech") };
        var rows = numbers.Select((n, i) => TestEntity.Row(n, accounts[i % 3].Item1, accounts[i % 3].Item2)).ToArray();
        _harness.DropInInbox("T01", "batch.csv", TestEntity.File(rows));
    }
}
