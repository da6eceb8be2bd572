using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Connector.Host.Bench;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>Prints the figures of <c>connector bench ingest</c> with the aims beside them.</summary>
internal static class BenchView
{
    public const double EvaluateShareAim = 0.25;
    public const double StoreRateAim = 200_000;
    public const long PeakMemoryAim = 500L * 1024 * 1024;

    public static void Write(BenchResult r, BenchOptions options)
    {
        if (Console.IsOutputRedirected)
        {
            // Figures kept in a file or a CI log: lay the tables out for 120 columns, not the 80 assumed without a terminal.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        }

        var peak = new[] { r.Raw, r.Evaluate, r.Store, r.Export }.Max(p => p.Memory.PeakWorkingSet);
        var share = r.Evaluate.LinesPerSecond / r.Raw.LinesPerSecond;
        var table = new Table().Title("[bold]connector bench ingest: speed[/]").AddColumns("Phase", "Lines/s", "Elapsed", "Aim", "");
        table.Columns[0].NoWrap();
        table.Columns[1].RightAligned().NoWrap();
        table.Columns[2].RightAligned().NoWrap();
        table.Columns[3].NoWrap();
        table.Columns[4].NoWrap();
        Row(table, "(a) raw CsvHelper read", r.Raw, "reference", null);
        Row(table, "(b) parse+map+validate+match", r.Evaluate, $">= 25% of (a): {share.ToString("P0", CultureInfo.InvariantCulture)}", share >= EvaluateShareAim);
        Row(table, "(c) incl. SQLite store", r.Store, ">= 200,000/s", r.Store.LinesPerSecond >= StoreRateAim);
        Row(table, "(d) export", r.Export, $"{r.Packages} packages", null);
        AnsiConsole.Write(table);

        var memory = new Table().Title("[bold]connector bench ingest: memory[/]").AddColumns("Phase", "Peak working set", "Managed heap peak", "Allocated", "GC pauses (gen0/1/2)", "Aim", "");
        memory.Columns[1].RightAligned();
        memory.Columns[2].RightAligned();
        memory.Columns[3].RightAligned();
        foreach (var phase in new[] { r.Raw, r.Evaluate, r.Store, r.Export })
        {
            var last = phase == r.Export;
            memory.AddRow(Escape(phase.Name[..3]), Mb(phase.Memory.PeakWorkingSet), Mb(phase.Memory.ManagedPeak), Mb(phase.Memory.Allocated), Escape($"{Seconds(phase.Memory.GcPause)} ({phase.Memory.Gen0}/{phase.Memory.Gen1}/{phase.Memory.Gen2})"), last ? "< 500 MB" : string.Empty, last ? Verdict(peak < PeakMemoryAim) : string.Empty);
        }

        AnsiConsole.Write(memory);

        foreach (var phase in new[] { r.Raw, r.Evaluate, r.Store, r.Export })
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{phase.Name} ({N(phase.Lines)} lines): {phase.What}.[/]");
        }

        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("File", Escape($"{N(r.File.Lines)} lines, {N(r.File.Invoices)} invoices of {options.LinesPerInvoice} lines, {Mb(r.File.Bytes)} (windows-1252), generated in {Seconds(r.Generation)}"));
        facts.AddRow("Customer references", Escape(Counts(r.File.References)));
        facts.AddRow("Trouble generated", Escape(Counts(r.File.Trouble)));
        facts.AddRow("Master data", Escape($"{N(options.Customers)} customers read and indexed in {Seconds(r.MasterLoad)}"));
        facts.AddRow("Outcomes (b)", Escape(Counts(r.EvaluateOutcomes)));
        facts.AddRow("Outcomes (c)", Escape($"{Counts(r.StoreOutcomes)}; of (c), the intake (archive copy + SHA-256 + fsync) took {Seconds(r.Intake)}"));
        facts.AddRow("Export", Escape($"{N(r.ExportedLines)} lines (of Ready invoices) in {r.Packages} FBDI packages; store {Mb(r.StoreBytes)} (connector.db + WAL)"));
        facts.AddRow("Machine", Escape($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}"));
        facts.AddRow("Runtime", Escape($"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Batch ? string.Empty : ", concurrent")}, {(IsOptimized() ? "Release (optimized)" : "[not optimized: run with -c Release]")}"));
        facts.AddRow("Work folder", Escape(options.Keep ? r.WorkDirectory : $"{r.WorkDirectory} (deleted)"));
        AnsiConsole.Write(facts);
    }

    private static void Row(Table table, string label, PhaseFigure p, string aim, bool? met)
        => table.AddRow(
            Escape(label),
            N((long)p.LinesPerSecond),
            Seconds(p.Elapsed),
            Escape(aim),
            met is { } m ? Verdict(m) : string.Empty);

    private static string Verdict(bool met) => met ? "[green]met[/]" : "[red]not met[/]";

    private static string Escape(string text) => Markup.Escape(text);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture) + " s";

    private static string Counts<T>(IReadOnlyDictionary<T, int> counts)
        where T : notnull
        => counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {N(c.Value)}"));

    private static bool IsOptimized()
        => typeof(BenchView).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
}
