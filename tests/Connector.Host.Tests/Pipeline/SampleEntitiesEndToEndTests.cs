using System.Globalization;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Reports;
using Connector.Host.Store;

namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// The three sample entities of mappings/, end to end, with the clock on 2026-11-05: every sample file through every
/// stage into AutoInvoice packages, with the exact counts, control totals and exception codes of the samples'
/// EXPECTED.md files.
/// </summary>
public sealed class SampleEntitiesEndToEndTests : IDisposable
{
    private static readonly Dictionary<string, string> ExpectedExceptions = new(StringComparer.Ordinal)
    {
        ["DE01|RE-2026-10432"] = "CUSTOMER_CREDIT_HOLD",
        ["DE01|RE-2026-10433"] = "TOTAL_MISMATCH",
        ["DE01|RE-2026-10437"] = "CURRENCY_UNKNOWN",
        ["DE01|RE-2026-10438"] = "DATE_DUE_BEFORE_ISSUE",
        ["DE01|RE-2026-10440"] = "FIELD_VALUE_UNMAPPED",
        ["DE01|RE-2026-10442"] = "CUSTOMER_UNKNOWN",
        ["DE01|RE-2026-10430"] = "DUPLICATE_CONFLICT",
        ["DE01|RE-2026-10445"] = "FIELD_DATE",
        ["DE01|RE-2026-10446"] = "CUSTOMER_INACTIVE",
        ["FR01|F26-004518"] = "CUSTOMER_CREDIT_HOLD",
        ["FR01|F26-004520"] = "TOTAL_MISMATCH",
        ["FR01|F26-004525"] = "FIELD_DATE",
        ["FR01|F26-004526"] = "FIELD_VALUE_UNMAPPED",
        ["FR01|F26-004528"] = "CUSTOMER_INACTIVE",
        ["FR01|F26-004512"] = "DUPLICATE_CONFLICT",
        ["FR01|F26-004534"] = "CUSTOMER_UNKNOWN",
        ["FR01|F26-004536"] = "DATE_DUE_BEFORE_ISSUE",
        ["FR01|F26-004538"] = "LINE_ARITHMETIC",
        ["FR01|FX26-00106"] = "EN16931_BR_CO_15",
        ["US01|INV-104235"] = "CUSTOMER_CREDIT_HOLD",
        ["US01|INV-104237"] = "CUSTOMER_UNKNOWN",
        ["US01|INV-104240"] = "LINE_ARITHMETIC",
        ["US01|INV-104242"] = "FIELD_DATE",
        ["US01|INV-104244"] = "CUSTOMER_INACTIVE",
        ["US01|INV-104247"] = "FIELD_VALUE_UNMAPPED",
        ["US01|INV-104236"] = "DUPLICATE_CONFLICT",
        ["US01|INV-104253"] = "CUSTOMER_CREDIT_HOLD",
        ["US01|WEB-58832"] = "CUSTOMER_INACTIVE",
    };

    private readonly PipelineHarness _harness = new();

    [Theory]
    [InlineData("DE01", 3, 21, 12, 9, "CHF:1:6555.00;EUO:1:7799.00;EUR:19:43221.30")]
    [InlineData("FR01", 9, 41, 31, 10, "CHF:1:837.00;EUR:38:30281.58;GBP:2:3787.60")]
    [InlineData("US01", 7, 48, 39, 9, "CAD:1:1309.80;USD:47:26372.45")]
    public async Task Samples_RunOnce_ExactCountsTotalsExceptionsAndPackages(string entity, int documents, int read, int exported, int excepted, string sourceTotals)
    {
        SampleSeeder.Seed([_harness.Entity(entity)], _harness.Paths);

        var summary = await _harness.RunAsync(entity);

        var report = summary.Report;
        report.Documents.Count.ShouldBe(documents);
        report.Counts.ShouldBe(new RecordCounts(read, exported, excepted, 0, 0));
        report.Balanced.ShouldBeTrue();
        string.Join(";", report.Totals.Select(t => $"{t.Currency}:{t.Source.Count}:{t.Source.Amount.ToString("0.00", CultureInfo.InvariantCulture)}")).ShouldBe(sourceTotals);

        var exceptions = _harness.Store.ListExceptions(entity, openOnly: true, 1000)
            .ToDictionary(e => $"{entity}|{_harness.Store.GetRecord(e.RecordId)!.Number}", e => e.Code);
        exceptions.ShouldBe(ExpectedExceptions.Where(e => e.Key.StartsWith(entity + "|", StringComparison.Ordinal)).ToDictionary(), ignoreOrder: true);

        // One package holding every line of every exported record, each key once, and nothing of the exceptions.
        _harness.Packages(entity).Count.ShouldBe(1);
        var lines = _harness.ExportedLines(entity);
        var posted = _harness.Store.RecordsOfRun(summary.RunId).Where(r => r.State == RecordState.Posted).ToList();
        lines.Count.ShouldBe(posted.Sum(r => r.LineCount));
        lines.Select(Key).Distinct().Count().ShouldBe(lines.Count);
        lines.Select(l => l[FbdiLinesLayout.TrxNumber - 1]).Distinct().Order().ShouldBe(posted.Select(r => r.Number).Order());
        lines.ShouldAllBe(l => l.Length == FbdiLinesLayout.FieldCount && l[FbdiLinesLayout.End - 1] == "END");
        report.SetAside.ToDictionary(r => $"{entity}|{r.Number}", r => r.Code).ShouldBe(exceptions, ignoreOrder: true);
        report.SetAside.ShouldAllBe(r => r.ExceptionId != null && r.Message.Length > 0);
        File.ReadAllText(summary.HtmlReport).ShouldContain("Records set aside");
        File.ReadAllText(summary.CsvReport).ShouldContain(entity);
    }

    [Fact]
    public async Task Samples_SecondRunAndSecondDrop_NothingIsExportedTwice()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        await _harness.RunAsync("FR01");

        // The next run finds nothing new; the same files dropped again are recognised as received before.
        var idle = await _harness.RunAsync("FR01");
        idle.Report.Counts.Read.ShouldBe(0);
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        var again = await _harness.RunAsync("FR01");

        again.Report.Documents.ShouldAllBe(d => d.Status.StartsWith("Duplicate", StringComparison.Ordinal));
        again.Report.Counts.Read.ShouldBe(0);
        _harness.Packages("FR01").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Samples_OperatorResolvesExceptions_RecordsGoIntoTheNextPackageOnce()
    {
        SampleSeeder.Seed([_harness.Entity("FR01")], _harness.Paths);
        await _harness.RunAsync("FR01");
        var resolver = new ExceptionResolver(_harness.Store, _harness.Clock);
        var entity = _harness.Entity("FR01");
        var open = _harness.Store.ListExceptions("FR01", true, 100).ToDictionary(e => _harness.Store.GetRecord(e.RecordId)!.Number);

        resolver.Resolve(entity, open["F26-004525"].Id, new CorrectFields(new Dictionary<string, string> { ["issue_date"] = "2026-11-03" }), "alice")
            .State.ShouldBe(RecordState.Ready);
        var unknown = resolver.Resolve(entity, open["F26-004534"].Id, new ChooseCustomer("C10001", Remember: true), "alice");
        unknown.State.ShouldBe(RecordState.Ready);
        resolver.Resolve(entity, open["F26-004512"].Id, new SkipRecord("sent twice by mistake, confirmed by phone"), "bob")
            .State.ShouldBe(RecordState.Skipped);
        var still = resolver.Resolve(entity, open["F26-004536"].Id, new CorrectFields(new Dictionary<string, string> { ["comments"] = "checked" }), "alice");
        still.State.ShouldBe(RecordState.Exception);
        still.Problems.ShouldContain(p => p.Code == "DATE_DUE_BEFORE_ISSUE");

        var next = await _harness.RunAsync("FR01");

        _harness.Packages("FR01").Count.ShouldBe(2);
        var lines = _harness.ExportedLines("FR01");
        lines.Select(Key).Distinct().Count().ShouldBe(lines.Count);
        lines.Select(l => l[FbdiLinesLayout.TrxNumber - 1]).ShouldContain("F26-004525");
        lines.Where(l => l[FbdiLinesLayout.TrxNumber - 1] == "F26-004534").ShouldAllBe(l => l[FbdiLinesLayout.BillCustomerAccountNumber - 1] == "C10001");
        _harness.Store.Aliases("FR01").ShouldContain(a => a.AccountNumber == "C10001");
        var audit = _harness.Store.AuditTrail("FR01", 100);
        audit.ShouldContain(a => a.Actor == "bob" && a.Action == "exception.skip");
        audit.ShouldContain(a => a.Actor == "alice" && a.Action == "exception.customer");
        audit.ShouldContain(a => a.Actor == "alice" && a.Action == "alias.learned");
        next.Report.Counts.Read.ShouldBe(0);
        var carried = next.Report.ExportedFromEarlierRuns.ShouldHaveSingleItem();
        carried.Currency.ShouldBe("EUR");
        carried.Exported.Count.ShouldBe(2);
        File.ReadAllText(next.HtmlReport).ShouldContain("records read in earlier runs");

        // Each record's history says what happened to it, in order, and who did it.
        var fixedRecord = _harness.Store.GetRecord(open["F26-004525"].RecordId)!;
        _harness.Store.History(fixedRecord.Id).Select(t => (t.From, t.To, t.Actor)).ShouldBe(
        [
            (null, RecordState.Exception, "pipeline"),
            (RecordState.Exception, RecordState.Ready, "alice"),
            (RecordState.Ready, RecordState.Posting, "pipeline"),
            (RecordState.Posting, RecordState.Posted, "pipeline"),
        ]);
        _harness.Store.History(open["F26-004512"].RecordId).Last().ShouldSatisfyAllConditions(
            t => t.To.ShouldBe(RecordState.Skipped),
            t => t.Actor.ShouldBe("bob"),
            t => t.Reason!.ShouldContain("sent twice by mistake"));
    }

    public void Dispose() => _harness.Dispose();

    private static string Key(string[] line)
        => string.Join('|', line.Skip(FbdiLinesLayout.InterfaceLineContext - 1).Take(5));
}
