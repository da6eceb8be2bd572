using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Connector.Adapters.Ocr;
using Connector.Mapping.Ocr;

namespace Connector.Host.Bench;

/// <summary>One image of the bench: its file, Tesseract's language for it and the ground-truth JSON beside it, if any.</summary>
internal sealed record OcrBenchImage(string Path, string Language, string? GroundTruth)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>How <c>connector bench ocr</c> runs: the images, the parallel workers (N) and how often each image is read per measurement.</summary>
internal sealed record OcrBenchOptions(IReadOnlyList<OcrBenchImage> Images, int Threads, int Rounds)
{
    /// <summary>The <c>tesseract</c> command line program (on the PATH by default).</summary>
    public string TesseractCommand { get; init; } = "tesseract";

    /// <summary>The engine's set-up; the command line is given the same page segmentation mode.</summary>
    public TesseractOptions Engine { get; init; } = new();
}

/// <summary>One way of reading the images: how many were read in how long, with the latency of each one.</summary>
internal sealed record OcrSpeed(string Name, int Threads, int Images, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, int Failures)
{
    /// <summary>CPU time (user + kernel) per image, of the process's threads or of the tesseract processes: what a busy machine changes little.</summary>
    public double? CpuMsPerImage { get; init; }

    public double PerSecond => Images / Elapsed.TotalSeconds;

    public double P50Ms => Percentile(0.50);

    public double P95Ms => Percentile(0.95);

    /// <summary>The nearest-rank percentile of the per-image latencies.</summary>
    public double Percentile(double fraction)
    {
        if (LatenciesMs.Count == 0)
        {
            return 0;
        }

        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>What the process held: resident memory now and at its peak, and managed bytes allocated per image read in process.</summary>
internal sealed record OcrMemory(long Resident, long PeakResident, long AllocatedPerImage);

/// <summary>Everything <c>connector bench ocr</c> measured in one run.</summary>
internal sealed record OcrBenchResult(
    OcrBenchOptions Options,
    string Engine,
    TimeSpan EngineStart,
    OcrSpeed? Cli,
    string? CliUnavailable,
    OcrSpeed EngineOne,
    OcrSpeed EngineMany,
    int OutputDifferences,
    OcrMemory Memory,
    OcrAccuracy Accuracy)
{
    /// <summary>The aim of issue 7: images per second with the engine on all cores.</summary>
    public const double AimPerSecond = 6.0;

    /// <summary>The machine's 1-minute load average at the start and at the end (Linux), null elsewhere.</summary>
    public (double Start, double End)? Load { get; init; }

    public double SpeedUpOverCli => Cli is null ? double.NaN : EngineMany.PerSecond / Cli.PerSecond;

    public double SpeedUpOverOneThread => EngineMany.PerSecond / EngineOne.PerSecond;
}

/// <summary>
/// <c>connector bench ocr</c>: in one run, (a) the <c>tesseract</c> command line over every image as N parallel
/// processes (same language and page segmentation as the engine, TSV out, <c>OMP_THREAD_LIMIT=1</c>); (b) the
/// in-process engine with its engines created once beforehand and reused, on 1 thread and on N threads, with per-image
/// latency; (c) field accuracy of the cheque and stub readers over the pages of (b) for every image with a ground
/// truth beside it. Images are read from disk once, before anything is timed.
/// </summary>
internal sealed class OcrBench(OcrBenchOptions options, Action<string> say)
{
    public OcrBenchResult Run(CancellationToken cancellationToken = default)
    {
        var loadAtStart = LoadAverage();
        var images = options.Images.Select(i => File.ReadAllBytes(i.Path)).ToList();
        var engineOptions = options.Engine with { MaxEngines = options.Threads };
        using var engine = new TesseractEngine(engineOptions);
        var started = Stopwatch.StartNew();
        foreach (var language in options.Images.Select(i => i.Language).Distinct(StringComparer.Ordinal))
        {
            engine.Prepare(language, options.Threads, cancellationToken);
        }

        var engineStart = started.Elapsed;
        say(string.Create(CultureInfo.InvariantCulture, $"{options.Images.Count} images x {options.Rounds} rounds; {options.Threads} threads; {engine.Name}, engines ready in {engineStart.TotalMilliseconds:0} ms"));

        say(string.Create(CultureInfo.InvariantCulture, $"(a) the tesseract command line, {options.Threads} processes at a time..."));
        var cli = OcrCliRunner.Measure(options, engineOptions.PageSegmentationMode, cancellationToken, out var cliUnavailable);

        say("(b) the engine on 1 thread...");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (one, pages) = MeasureEngine(engine, images, threads: 1, "engine, 1 thread", cancellationToken);
        say(string.Create(CultureInfo.InvariantCulture, $"(b) the engine on {options.Threads} threads..."));
        var (many, pagesMany) = MeasureEngine(engine, images, options.Threads, options.Threads == 1 ? "engine, 1 thread (again)" : $"engine, {options.Threads} threads", cancellationToken);
        var perImage = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Math.Max(1, one.Images + many.Images);
        var differences = pages.Zip(pagesMany).Count(p => !SameWords(p.First, p.Second));

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var memory = new OcrMemory(process.WorkingSet64, process.PeakWorkingSet64, perImage);
        say("(c) field accuracy of the cheque and stub readers over the 1-thread pages...");
        var accuracy = OcrAccuracy.Measure(options.Images, pages);
        return new OcrBenchResult(options, engine.Name, engineStart, cli, cliUnavailable, one, many, differences, memory, accuracy)
        {
            Load = loadAtStart is { } start && LoadAverage() is { } end ? (start, end) : null,
        };
    }

    /// <summary>Every image <see cref="OcrBenchOptions.Rounds"/> times over <paramref name="threads"/> workers; the pages of the first round are kept.</summary>
    private (OcrSpeed Speed, OcrPage[] Pages) MeasureEngine(TesseractEngine engine, List<byte[]> images, int threads, string name, CancellationToken cancellationToken)
    {
        var total = images.Count * options.Rounds;
        var latencies = new double[total];
        var pages = new OcrPage[images.Count];
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, _ =>
            {
                int item;
                while ((item = Interlocked.Increment(ref next)) < total)
                {
                    var index = item % images.Count;
                    var begun = Stopwatch.GetTimestamp();
                    OcrPage page;
                    try
                    {
                        page = engine.Read(images[index], options.Images[index].Language, cancellationToken);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new InvalidDataException($"{options.Images[index].Path}: {e.Message}", e);
                    }

                    latencies[item] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                    if (item < images.Count)
                    {
                        pages[index] = page;
                    }
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is InvalidDataException))
        {
            // An image that is no image stops the run: say which, not "one or more errors occurred".
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / total;
        return (new OcrSpeed(name, threads, total, elapsed, latencies, Failures: 0) { CpuMsPerImage = cpuMs }, pages);
    }

    /// <summary>The first field of /proc/loadavg: runnable processes averaged over a minute, this run's and others'.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.TryParse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool SameWords(OcrPage a, OcrPage b)
        => a.Words.Count == b.Words.Count && a.Words.Zip(b.Words).All(w => w.First == w.Second);
}
