using System.Diagnostics;
using System.Globalization;
using Connector.Adapters.EInvoicing;
using Connector.Adapters.Ocr;

namespace Connector.Host.Bench;

/// <summary>
/// The reference of <c>connector bench ocr</c>: <c>tesseract IMAGE stdout -l LANG --psm P tsv</c> per image, as N
/// processes at a time, each given the whole time limit. The processes inherit <c>OMP_THREAD_LIMIT=1</c>, set when the
/// engine loaded libtesseract (as the command line must be run: with OpenMP on it is 5-10x slower on a small box).
/// An image whose process fails or writes no TSV counts as a failure; a program that cannot be started is unavailable.
/// </summary>
internal static class OcrCliRunner
{
    private const int MaxTsvChars = 16 * 1024 * 1024;
    private const string TsvHeader = "level\tpage_num\t";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static OcrSpeed? Measure(OcrBenchOptions options, int pageSegmentationMode, CancellationToken cancellationToken, out string? unavailable)
    {
        var first = options.Images[0];
        var probe = Run(options.TesseractCommand, first, pageSegmentationMode, cancellationToken);
        if (probe.Outcome == ToolRunOutcome.Missing)
        {
            unavailable = $"{options.TesseractCommand} could not be started ({probe.FirstErrorLine}): install tesseract-ocr to compare with the command line.";
            return null;
        }

        unavailable = null;
        var total = options.Images.Count * options.Rounds;
        var latencies = new double[total];
        var failures = 0;
        var next = -1;
        var cpu = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, options.Threads, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, _ =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < total)
            {
                var begun = Stopwatch.GetTimestamp();
                var run = Run(options.TesseractCommand, options.Images[item % options.Images.Count], pageSegmentationMode, cancellationToken);
                latencies[item] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                if (run.Outcome != ToolRunOutcome.Exited || run.ExitCode != 0 || !run.StdOut.StartsWith(TsvHeader, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        var elapsed = clock.Elapsed;
        var cpuMs = cpu is { } before && ChildrenCpu() is { } after ? (after - before).TotalMilliseconds / total : (double?)null;
        return new OcrSpeed($"tesseract CLI, {options.Threads} processes", options.Threads, total, elapsed, latencies, failures) { CpuMsPerImage = cpuMs };
    }

    /// <summary>CPU time of this process's ended children (the tesseract processes, once waited for); null off Linux.</summary>
    private static TimeSpan? ChildrenCpu()
        => OperatingSystem.IsLinux() && LibcNative.getrusage(LibcNative.ResourceUsageChildren, out var usage) == 0 ? usage.Cpu : null;

    private static ToolRun Run(string command, OcrBenchImage image, int pageSegmentationMode, CancellationToken cancellationToken)
        => PdfToolRunner.Run(
            command,
            [image.Path, "stdout", "-l", image.Language, "--psm", pageSegmentationMode.ToString(CultureInfo.InvariantCulture), "tsv"],
            Limit,
            MaxTsvChars,
            cancellationToken);
}
