using System.Globalization;
using System.Runtime.InteropServices;
using Connector.Host.Bench;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>Prints the figures of <c>connector bench ocr</c>: a table and a chart of images per second, then memory and accuracy.</summary>
internal static class OcrBenchView
{
    public static void Write(OcrBenchResult r, string folder)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        }

        var o = r.Options;
        var table = new Table().Title("[bold]connector bench ocr: speed[/]").AddColumns("Reader", "Images", "Elapsed", "Images/s", "p50 ms", "p95 ms", "CPU ms/image", "Failed");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned().NoWrap();
        }

        foreach (var speed in Speeds(r))
        {
            table.AddRow(Markup.Escape(speed.Name), speed.Images.ToString(CultureInfo.InvariantCulture), S(speed.Elapsed.TotalSeconds) + " s", S(speed.PerSecond), Ms(speed.P50Ms), Ms(speed.P95Ms), speed.CpuMsPerImage is { } cpu ? Ms(cpu) : "-", speed.Failures.ToString(CultureInfo.InvariantCulture));
        }

        if (r.Cli is null)
        {
            table.AddRow("tesseract CLI", "-", "-", "-", "-", "-", "-", "-");
        }

        AnsiConsole.Write(table);
        var chart = new BarChart().Label("[bold]Images per second[/]").Width(70);
        if (r.Cli is { } cli)
        {
            chart.AddItem($"CLI, {cli.Threads} processes", Math.Round(cli.PerSecond, 2), Color.Yellow);
        }

        chart.AddItem(Markup.Escape(r.EngineOne.Name), Math.Round(r.EngineOne.PerSecond, 2), Color.Blue);
        chart.AddItem(Markup.Escape(r.EngineMany.Name), Math.Round(r.EngineMany.PerSecond, 2), Color.Green);
        chart.AddItem("aim", OcrBenchResult.AimPerSecond, Color.Grey);
        AnsiConsole.Write(chart);

        var met = r.EngineMany.PerSecond >= OcrBenchResult.AimPerSecond;
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("Speed-up", Markup.Escape(
            (r.Cli is null ? "over the CLI: not measured" : $"engine on {o.Threads} threads over the CLI on {o.Threads} processes: {X(r.SpeedUpOverCli)}")
            + $"; engine on {o.Threads} threads over 1 thread: {X(r.SpeedUpOverOneThread)}"));
        facts.AddRow("Aim", $"{S(OcrBenchResult.AimPerSecond)} images/s on {Environment.ProcessorCount} cores: {S(r.EngineMany.PerSecond)} " + (met ? "[green]met[/]" : "[red]not met[/]")
            + (r.EngineMany.CpuMsPerImage is { } cpuMs and > 0
                ? Markup.Escape($"; CPU-bound ceiling with {Math.Min(o.Threads, Environment.ProcessorCount)} cores all to itself: {S(Math.Min(o.Threads, Environment.ProcessorCount) * 1000 / cpuMs)} images/s ({Ms(cpuMs)} ms CPU per image)")
                : string.Empty));
        facts.AddRow("Resident memory", Markup.Escape($"{Mb(r.Memory.Resident)} now, {Mb(r.Memory.PeakResident)} at peak; {Kb(r.Memory.AllocatedPerImage)} managed allocated per image read in process"));
        facts.AddRow("Same output", Markup.Escape(r.OutputDifferences == 0
            ? $"the {o.Threads}-thread pages equal the 1-thread pages word for word"
            : $"{r.OutputDifferences} of {o.Images.Count} images read differently on {o.Threads} threads than on 1"));
        facts.AddRow("Engine", Markup.Escape($"{r.Engine}, psm {o.Engine.PageSegmentationMode.ToString(CultureInfo.InvariantCulture)}, {o.Threads} engines per language made once in {S(r.EngineStart.TotalMilliseconds)} ms and reused; OMP_THREAD_LIMIT={Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT")}"));
        facts.AddRow("Images", Markup.Escape($"{o.Images.Count} in {folder} ({Languages(o)}), {o.Rounds} rounds (each image read once per round) per measurement; {o.Images.Count(i => i.GroundTruth is not null)} with a ground truth"));
        facts.AddRow("Machine", Markup.Escape($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"
            + (r.Load is { } load ? $"; load average {S(load.Start)} at the start, {S(load.End)} at the end (other work slows the images/s; CPU ms per image much less)" : string.Empty)));
        if (r.CliUnavailable is { } why)
        {
            facts.AddRow("CLI", $"[yellow]{Markup.Escape(why)}[/]");
        }

        AnsiConsole.Write(facts);
        WriteAccuracy(r.Accuracy);
    }

    private static void WriteAccuracy(OcrAccuracy a)
    {
        var share = a.Total == 0 ? string.Empty : " (" + (100.0 * a.Right / a.Total).ToString("0.0", CultureInfo.InvariantCulture) + "%)";
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Field accuracy:[/] {a.Right} of {a.Total} fields right{share} over {a.Images} images with a ground truth");
        if (a.Wrong.Count == 0)
        {
            return;
        }

        var wrong = new Table().Title("[bold]Wrong fields[/]").AddColumns("Image", "Field", "Expected", "Read");
        foreach (var field in a.Wrong)
        {
            wrong.AddRow(Markup.Escape(field.Image), Markup.Escape(field.Field), Markup.Escape(field.Expected), Markup.Escape(field.Actual ?? "(nothing)"));
        }

        AnsiConsole.Write(wrong);
    }

    internal static IEnumerable<OcrSpeed> Speeds(OcrBenchResult r)
        => r.Cli is null ? [r.EngineOne, r.EngineMany] : [r.Cli, r.EngineOne, r.EngineMany];

    private static string Languages(OcrBenchOptions o)
        => string.Join(", ", o.Images.GroupBy(i => i.Language, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string X(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB";
}
