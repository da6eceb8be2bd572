using System.Diagnostics;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using CsvHelper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Bench;

internal sealed record BenchOptions(long Lines, int Customers, int LinesPerInvoice, string? WorkDirectory, bool Keep, int Seed = 20_261_105);

/// <summary>One timed phase: what it measured, how many source lines went through, how long it took, memory after it.</summary>
internal sealed record PhaseFigure(string Name, string What, long Lines, TimeSpan Elapsed, MemoryFigures Memory)
{
    public double LinesPerSecond => Lines / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

internal sealed record BenchResult(
    string WorkDirectory,
    BenchFileFacts File,
    TimeSpan Generation,
    TimeSpan MasterLoad,
    PhaseFigure Raw,
    PhaseFigure Evaluate,
    PhaseFigure Store,
    PhaseFigure Export,
    IReadOnlyDictionary<RecordState, int> EvaluateOutcomes,
    IReadOnlyDictionary<RecordState, int> StoreOutcomes,
    TimeSpan Intake,
    int Packages,
    long ExportedLines,
    long StoreBytes);

/// <summary>
/// <c>connector bench ingest</c>: generates an entity, a customer master and a large invoice file, then times the
/// product's own code on it, phase by phase (see <see cref="BenchResult"/>).
/// </summary>
internal sealed class IngestBench(BenchOptions options, Action<string> say)
{
    /// <summary>The bench's "today": the generated invoices are dated in the two months before it.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The folders the bench creates in its work folder.</summary>
    public static readonly string[] Generated = ["mappings", "input", "data"];

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var work = Path.GetFullPath(options.WorkDirectory ?? throw new ArgumentException("The bench needs a work folder.", nameof(options)));
        var paths = new ConnectorPaths(Path.Combine(work, "data"), Path.Combine(work, "mappings"));
        if (Directory.Exists(paths.DataDirectory))
        {
            Directory.Delete(paths.DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(work);
        var clock = new FixedClock(Today);
        using var memory = new BenchMemory();

        say($"Generating in {work} ...");
        var generation = Stopwatch.StartNew();
        var entityFolder = BenchEntityFiles.Write(paths.MappingsDirectory);
        var random = new Random(options.Seed);
        var customers = BenchCustomers.Generate(options.Customers, random);
        BenchCustomers.Write(Path.Combine(entityFolder, "customers.csv"), customers, random);
        var invoicePath = Path.Combine(work, "input", "FACTURES_BENCH.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(invoicePath)!);
        var facts = new BenchInvoiceFile(customers, random, DateOnly.FromDateTime(Today.UtcDateTime)).Write(invoicePath, options.Lines, options.LinesPerInvoice);
        customers = null;
        generation.Stop();

        var catalog = MappingCatalogLoader.Load(paths.MappingsDirectory);
        var definition = catalog.Entities.Single(e => e.Code == BenchEntityFiles.EntityCode);
        var profile = catalog.Profile(definition.Code, BenchEntityFiles.ProfileName);
        var load = Stopwatch.StartNew();
        var detached = EntityRuntime.Load(catalog, definition, null, clock);
        load.Stop();

        say("(a) raw CsvHelper read ...");
        var raw = Phase(memory, "(a) raw CsvHelper read", "CsvHelper 34 with the product's reader options over the product's windows-1252 -> UTF-8 input stream; every row read, every field fetched as a string; nothing mapped", facts.Lines, () => RawRead(invoicePath, profile));

        say("(b) parse + map + validate + match ...");
        var evaluated = new Dictionary<RecordState, int>();
        var evaluate = Phase(memory, "(b) parse + map + validate + match", "InvoiceDocumentReader.Read, then per chunk of 2,000 invoices what DocumentProcessor does before storing (hashes and RecordEvaluator.Evaluate on every core, duplicate verdicts in order); nothing stored", facts.Lines, () => Evaluate(invoicePath, profile, detached, evaluated));
        detached = null;

        say("(c) including the store ...");
        using var store = SqliteStore.Open(paths.StoreFile);
        var runtime = EntityRuntime.Load(catalog, definition, store, clock);
        var runId = store.StartRun(definition.Code, "bench", clock.GetUtcNow());
        DocumentOutcome? outcome = null;
        var intake = TimeSpan.Zero;
        var stored = Phase(memory, "(c) including the SQLite store", "DocumentIntake.Take (archive + SHA-256) + DocumentProcessor.Process into a fresh data folder: what `connector import` does before export", facts.Lines, () =>
        {
            var watch = Stopwatch.StartNew();
            var taken = new DocumentIntake(store, paths, clock).Take(definition.Code, "bench", invoicePath, runId, "bench", profile.Name);
            intake = watch.Elapsed;
            outcome = new DocumentProcessor(store, paths, clock).Process(runtime, taken.Document, profile, null, cancellationToken);
        });

        say("(d) export ...");
        var exportWatch = Stopwatch.StartNew();
        memory.Reset();
        await new Exporter(store, clock, NullLogger.Instance, new ExportOptions()).ExportAsync(runtime, new OracleFbdiTarget(paths.DataDirectory), runId, cancellationToken).ConfigureAwait(false);
        exportWatch.Stop();
        var batches = store.BatchesOfRun(runId).Where(b => b.State == BatchState.Written).ToList();
        var exportedLines = batches.Sum(b => (long)b.LineCount);
        var export = new PhaseFigure("(d) export", "Exporter.ExportAsync with OracleFbdiTarget for every Ready record (batch, ledger, FBDI zip per package)", exportedLines, exportWatch.Elapsed, memory.Read());
        store.FinishRun(runId, "Completed", clock.GetUtcNow());
        var storeBytes = Directory.EnumerateFiles(paths.DataDirectory, "connector.db*").Sum(f => new FileInfo(f).Length);

        return new BenchResult(work, facts, generation.Elapsed, load.Elapsed, raw, evaluate, stored, export, evaluated, outcome!.Counts, intake, batches.Count, exportedLines, storeBytes);
    }

    private static PhaseFigure Phase(BenchMemory memory, string name, string what, long lines, Action body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        memory.Reset();
        var watch = Stopwatch.StartNew();
        body();
        watch.Stop();
        return new PhaseFigure(name, what, lines, watch.Elapsed, memory.Read());
    }

    private static void RawRead(string path, Mapping.Profiles.MappingProfile profile)
    {
        var context = new DocumentReadContext(Path.GetFileName(path));
        var malformed = new List<Problem>();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var input = CsvDocumentReader.Open(file, profile.Csv, context) ?? throw new InvalidOperationException("The generated file cannot be read.");
        using var reader = CsvReader.Create(input, CsvDocumentReader.ReaderOptions(profile.Csv, context, malformed), leaveOpen: true);
        long characters = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.GetString(i)?.Length ?? 0;
            }
        }

        if (characters == 0 || malformed.Count > 0)
        {
            throw new InvalidOperationException("The raw read found no data or malformed lines.");
        }
    }

    /// <summary>What the document processor does before it stores: chunks of invoices hashed, judged in order, evaluated on every core.</summary>
    private static void Evaluate(string path, Mapping.Profiles.MappingProfile profile, EntityRuntime entity, Dictionary<RecordState, int> counts)
    {
        var context = new DocumentReadContext(Path.GetFileName(path));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var chunk = new List<MappedInvoice>(DocumentProcessor.DefaultChunkSize);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var mapped in InvoiceDocumentReader.Read(file, profile, entity.Code, context))
        {
            chunk.Add(mapped);
            if (chunk.Count == DocumentProcessor.DefaultChunkSize)
            {
                EvaluateChunk(entity, chunk, seen, counts);
                chunk.Clear();
            }
        }

        EvaluateChunk(entity, chunk, seen, counts);
        if (context.Failed)
        {
            throw new InvalidOperationException($"The generated file failed to read: {string.Join("; ", context.Problems)}");
        }
    }

    private static void EvaluateChunk(EntityRuntime entity, List<MappedInvoice> chunk, Dictionary<string, string> seen, Dictionary<RecordState, int> counts)
    {
        var hashes = ChunkEvaluation.Hashes(chunk);
        var verdicts = new DuplicateVerdict?[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            var invoice = chunk[i].Invoice;
            var key = IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number);
            verdicts[i] = !seen.TryGetValue(key, out var earlier) ? DuplicateVerdict.None
                : earlier == hashes[i] ? new DuplicateVerdict(DuplicateKind.SameContent, $"the same invoice {invoice.Number} appears again", null)
                : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {invoice.Number} appears twice with different content", null);
            seen.TryAdd(key, hashes[i]);
        }

        foreach (var evaluation in ChunkEvaluation.Evaluate(entity, chunk, verdicts, hashes))
        {
            counts[evaluation!.State] = counts.GetValueOrDefault(evaluation.State) + 1;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
