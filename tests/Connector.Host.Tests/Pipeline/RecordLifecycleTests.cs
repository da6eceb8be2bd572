using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;
using Connector.Mapping.Entities;

namespace Connector.Host.Tests.Pipeline;

/// <summary>How records meet earlier records, the operator and the target.</summary>
public sealed class RecordLifecycleTests : IDisposable
{
    private readonly TestEntity _entity = new();
    private readonly PipelineHarness _harness;

    public RecordLifecycleTests()
    {
        _harness = new PipelineHarness(_entity.Mappings);
    }

    [Fact]
    public async Task SameInvoiceInALaterFile_IsSkippedAsTrueDuplicate()
    {
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));
        await _harness.RunAsync("T01");
        _harness.DropInInbox("T01", "b.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme"), TestEntity.Row("INV-2", "B-2", "Globex")));

        var second = await _harness.RunAsync("T01");

        second.Report.Counts.ShouldBe(new RecordCounts(2, 1, 0, 1, 0));
        var skipped = _harness.Store.RecordsOfRun(second.RunId).Single(r => r.State == RecordState.Skipped);
        skipped.Number.ShouldBe("INV-1");
        skipped.StateReason!.ShouldContain("'a.csv'");
        _harness.ExportedLines("T01").Select(l => l[6]).ShouldBe(["INV-1", "INV-2"]);
    }

    [Fact]
    public async Task CorrectedResendOfAnException_SupersedesItAndIsExported()
    {
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "Z-9", "Nobody Known")));
        var first = await _harness.RunAsync("T01");
        var exception = _harness.Store.ListExceptions("T01", true, 10).Single();
        exception.Code.ShouldBe("CUSTOMER_UNKNOWN");

        _harness.DropInInbox("T01", "a-corrected.csv", TestEntity.File(TestEntity.Row("INV-1", "C-3", "Initech")));
        await _harness.RunAsync("T01");

        _harness.Store.GetException(exception.Id)!.Open.ShouldBeFalse();
        var old = _harness.Store.GetRecord(exception.RecordId)!;
        old.State.ShouldBe(RecordState.Skipped);
        old.StateReason!.ShouldContain("superseded");
        _harness.ExportedLines("T01").Single()[FbdiLinesLayout.BillCustomerAccountNumber - 1].ShouldBe("C-3");
        ReportBuilder.Build(_harness.Store, first.RunId, "T").Balanced.ShouldBeTrue();
    }

    [Fact]
    public async Task SameNumberWithOtherContentAfterExport_IsAConflictForAPerson()
    {
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));
        await _harness.RunAsync("T01");
        _harness.DropInInbox("T01", "b.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme", quantity: 2)));

        await _harness.RunAsync("T01");

        var conflict = _harness.Store.ListExceptions("T01", true, 10).Single();
        conflict.Code.ShouldBe("DUPLICATE_CONFLICT");
        conflict.Message.ShouldContain("'a.csv'");
        _harness.ExportedLines("T01").Count.ShouldBe(1);
    }

    [Fact]
    public async Task TransientTargetFailure_IsRetriedAfterLookingTheBatchUp()
    {
        var flaky = new FlakyTarget(new OracleFbdiTarget(_harness.Paths.DataDirectory), failures: 1, refuse: false);
        _harness.Target = flaky;
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));

        var summary = await _harness.RunAsync("T01");

        summary.Report.Counts.Exported.ShouldBe(1);
        flaky.Posts.ShouldBe(2);
        flaky.Lookups.ShouldBe(1);
        _harness.Packages("T01").Count.ShouldBe(1);
    }

    [Fact]
    public async Task TargetUnavailableBeyondRetries_BatchStaysPendingAndTheNextRunPostsItOnce()
    {
        _harness.Target = new FlakyTarget(new OracleFbdiTarget(_harness.Paths.DataDirectory), failures: 10, refuse: false);
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));

        var first = await _harness.RunAsync("T01");

        first.Report.Counts.ShouldBe(new RecordCounts(1, 0, 0, 0, 1));
        first.Report.Balanced.ShouldBeTrue();
        _harness.Store.GetRun(first.RunId)!.Status.ShouldBe("Completed");
        _harness.Store.PendingBatches("T01").Count.ShouldBe(1);
        _harness.Packages("T01").ShouldBeEmpty();

        _harness.Target = new OracleFbdiTarget(_harness.Paths.DataDirectory);
        await _harness.RunAsync("T01");

        _harness.Store.PendingBatches("T01").ShouldBeEmpty();
        _harness.ExportedLines("T01").Single()[6].ShouldBe("INV-1");
        ReportBuilder.Build(_harness.Store, first.RunId, "T").Counts.Exported.ShouldBe(1);
    }

    [Fact]
    public async Task TargetRefusal_RecordsBecomeExceptionsWithTheReasonAndCanBeExportedLater()
    {
        _harness.Target = new FlakyTarget(new OracleFbdiTarget(_harness.Paths.DataDirectory), failures: 1, refuse: true);
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));

        await _harness.RunAsync("T01");

        var exception = _harness.Store.ListExceptions("T01", true, 10).Single();
        exception.Code.ShouldBe("TARGET_REFUSED");
        exception.Problems.Single().Message.ShouldBe("BU closed for the period");
        _harness.Packages("T01").ShouldBeEmpty();

        new ExceptionResolver(_harness.Store, _harness.Clock).Resolve(_harness.Entity("T01"), exception.Id, new CorrectFields(new Dictionary<string, string> { ["comments"] = "period reopened" }), "alice")
            .State.ShouldBe(RecordState.Ready);
        await _harness.RunAsync("T01");
        _harness.ExportedLines("T01").Single()[6].ShouldBe("INV-1");
    }

    [Fact]
    public async Task AliasLearned_ReleasesOtherOpenExceptionsOfThatName()
    {
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(
            TestEntity.Row("INV-1", string.Empty, "Umbrela Pharma Europe"),
            TestEntity.Row("INV-2", string.Empty, "Umbrela Pharma Europe", quantity: 3)));
        await _harness.RunAsync("T01");
        var open = _harness.Store.ListExceptions("T01", true, 10);
        open.Count.ShouldBe(2);

        var result = new ExceptionResolver(_harness.Store, _harness.Clock).Resolve(_harness.Entity("T01"), open[0].Id, new ChooseCustomer("D-4", Remember: true), "alice");

        result.State.ShouldBe(RecordState.Ready);
        result.OthersReleased.ShouldBe(1);
        _harness.Store.ListExceptions("T01", true, 10).ShouldBeEmpty();
        await _harness.RunAsync("T01");
        _harness.ExportedLines("T01").Select(l => l[FbdiLinesLayout.BillCustomerAccountNumber - 1]).ShouldBe(["D-4", "D-4"]);
    }

    [Fact]
    public async Task SameFileTwiceUnderAnotherName_IsADuplicateDocumentAndNothingIsRead()
    {
        var bytes = TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme"));
        _harness.DropInInbox("T01", "a.csv", bytes);
        await _harness.RunAsync("T01");
        _harness.DropInInbox("T01", "a-copy.csv", bytes);

        var second = await _harness.RunAsync("T01");

        second.Report.Documents.Single().Status.ShouldStartWith("Duplicate");
        second.Report.Counts.Read.ShouldBe(0);
        _harness.Store.AuditTrail("T01", 10).ShouldContain(a => a.Action == "document.duplicate" && a.Details!.Contains("a-copy.csv"));
    }

    [Fact]
    public async Task RunThatFails_IsMarkedFailedAndTheNextRunFinishesTheWork()
    {
        _harness.Target = new BrokenTarget();
        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));

        await Should.ThrowAsync<InvalidOperationException>(() => _harness.RunAsync("T01"));

        var failed = _harness.Store.ListRuns("T01", 10).Single();
        failed.Status.ShouldBe("Failed");
        failed.FinishedAt.ShouldNotBeNull();
        _harness.Target = new OracleFbdiTarget(_harness.Paths.DataDirectory);
        await _harness.RunAsync("T01");
        _harness.ExportedLines("T01").Single()[6].ShouldBe("INV-1");
    }

    [Fact]
    public async Task HasWork_OnlyWhenSomethingWaits()
    {
        var entity = _harness.Entity("T01");
        var request = new RunRequest("schedule");
        _harness.Runner().HasWork(entity, request).ShouldBeFalse();

        _harness.DropInInbox("T01", "a.csv", TestEntity.File(TestEntity.Row("INV-1", "A-1", "Acme")));
        _harness.Runner().HasWork(entity, request).ShouldBeTrue();
        await _harness.RunAsync("T01");
        _harness.Runner().HasWork(entity, request).ShouldBeFalse();
    }

    public void Dispose()
    {
        _harness.Dispose();
        _entity.Dispose();
    }

    /// <summary>A target with a defect: it throws what no target may throw.</summary>
    private sealed class BrokenTarget : IBatchInvoiceTarget
    {
        public string Type => OracleFbdiTarget.TypeName;

        public Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken) => throw new InvalidOperationException("defect in the target");

        public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken) => Task.FromResult<BatchSubmission?>(null);

        public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken) => Task.FromResult(BatchConfirmation.NotAvailable(null));

        public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TargetCheck>>([]);
    }

    /// <summary>A target that fails its first posts (transiently, or by refusing), then behaves.</summary>
    private sealed class FlakyTarget(IBatchInvoiceTarget inner, int failures, bool refuse) : IBatchInvoiceTarget
    {
        private int _failuresLeft = failures;

        public int Posts { get; private set; }

        public int Lookups { get; private set; }

        public string Type => inner.Type;

        public Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
        {
            Posts++;
            if (_failuresLeft-- > 0)
            {
                return refuse
                    ? throw new RefusedByTargetException("refused", [new TargetError("BU closed for the period")])
                    : throw new TransientTargetException("connection reset", TimeSpan.FromMilliseconds(1));
            }

            return inner.SubmitAsync(batch, cancellationToken);
        }

        public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken)
        {
            Lookups++;
            return inner.FindSubmissionAsync(batch, cancellationToken);
        }

        public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken) => inner.ConfirmAsync(batch, submission, cancellationToken);

        public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken) => inner.CheckAsync(entity, cancellationToken);
    }
}
