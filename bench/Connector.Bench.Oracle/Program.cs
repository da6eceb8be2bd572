using System.Diagnostics;
using System.Globalization;
using Connector.Bench.Oracle;
using Connector.Host.Pipeline;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

// Posting throughput into the Oracle Fusion emulator, through the product's own pipeline (store, resilience, adapter).
//   dotnet run -c Release --project bench/Connector.Bench.Oracle [-- --latency-ms 50 --seconds 6 --concurrency 1,4,16]
var latency = TimeSpan.FromMilliseconds(Option("--latency-ms", 50));
var seconds = Option("--seconds", 6);
var levels = (Value("--concurrency") ?? "1,4,16").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Oracle Fusion REST posting[/]: {latency.TotalMilliseconds} ms added to every call by the emulator; about {seconds} s per level; {Environment.ProcessorCount} cores");
var table = new Table().AddColumns("Concurrency", "Invoices", "Elapsed", "Invoices/s", "Bound (c / latency)", "Ratio", "In Oracle");
var chart = new BarChart().Label("[bold]Share of the bound reached[/]").Width(70).WithMaxValue(100);
foreach (var concurrency in levels)
{
    var bound = concurrency / latency.TotalSeconds;
    var count = (int)Math.Ceiling(bound * seconds);
    await using var oracle = await FusionEmulator.StartAsync(BenchWorkspace.Setup());
    oracle.Faults.Add(new FaultRule(FaultKind.Latency, null, FusionEmulator.InvoicesPath, int.MaxValue) { Delay = latency });
    using var work = BenchWorkspace.Create("oracle-fusion-rest", oracle.BaseAddress, count, linesPerInvoice: 2, maxLinesPerFile: 100_000);
    var target = work.Target(concurrency);
    var options = new ExportOptions { Resilience = work.Entity.Definition.Target.Resilience with { Concurrency = concurrency } };
    var watch = Stopwatch.StartNew();
    var result = await new Exporter(work.Store, TimeProvider.System, NullLogger.Instance, options).ExportAsync(work.Entity, target, work.RunId, CancellationToken.None);
    watch.Stop();
    (target as IDisposable)?.Dispose();
    if (result.End != ExportEnd.Done || oracle.Invoices.Count != count)
    {
        throw new InvalidOperationException($"Posting ended {result.End} ({result.Detail}) with {oracle.Invoices.Count} of {count} invoices in Oracle.");
    }

    var rate = count / watch.Elapsed.TotalSeconds;
    table.AddRow(
        concurrency.ToString(CultureInfo.InvariantCulture),
        count.ToString("N0", CultureInfo.InvariantCulture),
        watch.Elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture),
        rate.ToString("0.0", CultureInfo.InvariantCulture),
        bound.ToString("0.0", CultureInfo.InvariantCulture),
        (rate / bound).ToString("0.00", CultureInfo.InvariantCulture),
        oracle.Invoices.Count.ToString("N0", CultureInfo.InvariantCulture));
    chart.AddItem($"c = {concurrency}", Math.Round(100 * rate / bound, 1), rate / bound >= 0.9 ? Color.Green : Color.Yellow);
}

AnsiConsole.Write(table);
AnsiConsole.Write(chart);

// FBDI: one import of 100,000 lines (10,000 invoices of 10 lines) through erpintegrations, phase by phase.
var fbdiInvoices = Option("--fbdi-invoices", 10_000);
AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Oracle Fusion FBDI[/]: {fbdiInvoices:N0} invoices x 10 lines in one import, {latency.TotalMilliseconds} ms per call");
await using (var oracle = await FusionEmulator.StartAsync(BenchWorkspace.Setup() with { EssPollsBeforeCompletion = 0 }))
{
    oracle.Faults.Add(new FaultRule(FaultKind.Latency, null, FusionEmulator.ErpIntegrationsPath, int.MaxValue) { Delay = latency });
    using var work = BenchWorkspace.Create("oracle-fusion-fbdi", oracle.BaseAddress, fbdiInvoices, linesPerInvoice: 10, maxLinesPerFile: fbdiInvoices * 10);
    var timed = new TimedBatchTarget((Connector.Adapters.Abstractions.IBatchInvoiceTarget)work.Target(4));
    var options = new ExportOptions { Resilience = work.Entity.Definition.Target.Resilience with { ConfirmPollInterval = TimeSpan.FromMilliseconds(200) } };
    var watch = Stopwatch.StartNew();
    var result = await new Exporter(work.Store, TimeProvider.System, NullLogger.Instance, options).ExportAsync(work.Entity, timed, work.RunId, CancellationToken.None);
    watch.Stop();
    var confirmed = work.Store.RecordsOfRun(work.RunId).Count(r => r.State == Connector.Host.Store.RecordState.Confirmed);
    if (result.End != ExportEnd.Done || confirmed != fbdiInvoices || oracle.Invoices.Count != fbdiInvoices)
    {
        throw new InvalidOperationException($"FBDI posting ended {result.End} ({result.Detail}): {confirmed} confirmed, {oracle.Invoices.Count} in Oracle, of {fbdiInvoices}.");
    }

    var fbdi = new Table().AddColumns("Phase", "Time", "What");
    fbdi.AddRow("build + upload", Seconds(timed.Submit), "the AutoInvoice zip (RaInterfaceLinesAll.csv) streamed as base64 into importBulkData");
    fbdi.AddRow("process the result", Seconds(timed.Confirm), $"{timed.Looks} status look(s), the execution report downloaded and mapped to {fbdiInvoices:N0} invoices");
    fbdi.AddRow("whole export", Seconds(watch.Elapsed), $"batch recorded, submitted, confirmed; {confirmed:N0} records Confirmed in the store");
    AnsiConsole.Write(fbdi);
}

return 0;

static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Option(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
