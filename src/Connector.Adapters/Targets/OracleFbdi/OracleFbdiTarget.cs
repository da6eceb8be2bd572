using System.Globalization;
using System.IO.Compression;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// The Oracle Fusion AutoInvoice FBDI target: writes each batch as <c>&lt;outbox&gt;/&lt;BatchId&gt;.zip</c> (an
/// import package with <c>RaInterfaceLinesAll.csv</c>) plus <c>&lt;BatchId&gt;.keys.csv</c> (the keys it carries). A
/// package once in place is never overwritten: it may already have been loaded into Oracle.
/// </summary>
internal sealed class OracleFbdiTarget : IBatchInvoiceTarget
{
    public const string TypeName = "oracle-fbdi";

    private const string PackageExtension = ".zip";
    private const string ManifestExtension = ".keys.csv";
    private const string TempExtension = ".tmp";
    private const int MaxBatchIdLength = 128;

    private readonly string _dataDirectory;

    /// <param name="dataDirectory">The data folder; a relative <c>target.outbox</c> resolves against it.</param>
    public OracleFbdiTarget(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _dataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string Type => TypeName;

    /// <summary>The folder the packages of an entity go to.</summary>
    public string OutboxOf(EntityDefinition entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Path.GetFullPath(Path.Combine(_dataDirectory, entity.Target.Outbox));
    }

    public async Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatchId(batch.BatchId);
        if (batch.Invoices.Count == 0)
        {
            throw new ArgumentException($"Batch {batch.BatchId} is empty.", nameof(batch));
        }

        var lineCount = batch.Invoices.Sum(i => i.Invoice.Lines.Count);
        if (lineCount > batch.Entity.Target.MaxLinesPerFile)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Batch {batch.BatchId} has {lineCount} lines; the entity allows {batch.Entity.Target.MaxLinesPerFile} per file."), nameof(batch));
        }

        var posted = new BatchSubmission(batch.BatchId, string.Empty, batch.Invoices.Count, lineCount);
        var outbox = OutboxOf(batch.Entity);
        var packagePath = Path.Combine(outbox, batch.BatchId + PackageExtension);
        var manifestPath = Path.Combine(outbox, batch.BatchId + ManifestExtension);
        var temp = packagePath + TempExtension;
        try
        {
            Directory.CreateDirectory(outbox);

            // The package is streamed into a temporary file beside its final place (never held whole in memory),
            // flushed to disk, and only then moved into place or compared with the package already there.
            WritePackage(batch, temp);
            if (!File.Exists(packagePath))
            {
                // The manifest goes first: a package in place always has its manifest beside it.
                await WriteAtomicallyAsync(manifestPath, FbdiManifest.Build(batch), overwrite: true, cancellationToken).ConfigureAwait(false);
                if (MoveIntoPlace(temp, packagePath))
                {
                    return posted with { Reference = packagePath };
                }
            }

            // The package exists (from an earlier attempt, or it appeared while we wrote ours).
            CheckSameContent(batch.BatchId, packagePath, temp);
            File.Delete(temp);
            if (!File.Exists(manifestPath))
            {
                await WriteAtomicallyAsync(manifestPath, FbdiManifest.Build(batch), overwrite: true, cancellationToken).ConfigureAwait(false);
            }

            return posted with { Reference = packagePath };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new TransientTargetException($"Writing package {batch.BatchId} to {outbox} failed: {e.Message}", inner: e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FindBatch(batch.Entity, batch.BatchId));
    }

    /// <summary>A package in an outbox is loaded by another tool: this target cannot see what Oracle made of it.</summary>
    public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
        => Task.FromResult(BatchConfirmation.NotAvailable($"package written to {submission?.Reference}; loading it into Oracle is outside the Connector"));

    /// <summary>The outbox exists or can be made, and a file can be written there.</summary>
    public Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var outbox = OutboxOf(entity);
        var probe = Path.Combine(outbox, ".connector-check" + TempExtension);
        TargetCheck check;
        try
        {
            Directory.CreateDirectory(outbox);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            check = new TargetCheck("outbox", true, $"{outbox} is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            check = new TargetCheck("outbox", false, $"{outbox} cannot be written: {e.Message}");
        }

        return Task.FromResult<IReadOnlyList<TargetCheck>>([check]);
    }

    private BatchSubmission? FindBatch(EntityDefinition entity, string batchId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckBatchId(batchId);
        var outbox = OutboxOf(entity);
        var packagePath = Path.Combine(outbox, batchId + PackageExtension);
        try
        {
            // A leftover temporary file is a write that never completed: not a batch.
            File.Delete(packagePath + TempExtension);
            File.Delete(Path.Combine(outbox, batchId + ManifestExtension + TempExtension));
            if (!File.Exists(packagePath))
            {
                return null;
            }

            var (invoices, lines) = CountPackage(batchId, packagePath);
            return new BatchSubmission(batchId, packagePath, invoices, lines);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TransientTargetException($"Reading package {batchId} in {outbox} failed: {e.Message}", inner: e);
        }
    }

    /// <summary>Batch ids become file names: only <c>[A-Za-z0-9_.-]</c>, no <c>..</c>, no leading dot.</summary>
    internal static bool IsSafeBatchId(string? batchId)
        => !string.IsNullOrEmpty(batchId)
            && batchId.Length <= MaxBatchIdLength
            && batchId[0] != '.'
            && !batchId.Contains("..", StringComparison.Ordinal)
            && batchId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static void CheckBatchId(string batchId)
    {
        if (!IsSafeBatchId(batchId))
        {
            throw new ArgumentException(
                $"Batch id '{batchId}' is not a safe file name ([A-Za-z0-9_.-], at most {MaxBatchIdLength} characters, no '..', no leading dot).",
                nameof(batchId));
        }
    }

    /// <summary>Identical bytes, or (after a runtime update changed the compressor) an identical CSV, is the same package.</summary>
    private static void CheckSameContent(string batchId, string packagePath, string candidatePath)
    {
        bool same;
        using (var existing = File.OpenRead(packagePath))
        using (var candidate = File.OpenRead(candidatePath))
        {
            same = existing.Length == candidate.Length && StreamsEqual(existing, candidate);
        }

        if (!same)
        {
            try
            {
                using var existingZip = ZipFile.OpenRead(packagePath);
                using var candidateZip = ZipFile.OpenRead(candidatePath);
                using var existingCsv = FbdiPackage.OpenLinesCsv(existingZip);
                using var candidateCsv = FbdiPackage.OpenLinesCsv(candidateZip);
                same = StreamsEqual(existingCsv, candidateCsv);
            }
            catch (InvalidDataException)
            {
                same = false;
            }
        }

        if (!same)
        {
            var reason = $"package {batchId} already exists at {packagePath} with different content; it may already have been "
                + "loaded into Oracle and is never overwritten";
            throw new RefusedByTargetException($"Refused: {reason}.", [new TargetError(reason)]);
        }
    }

    private static bool StreamsEqual(Stream a, Stream b)
    {
        var left = new byte[1 << 16];
        var right = new byte[1 << 16];
        while (true)
        {
            var read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            var other = b.ReadAtLeast(right, right.Length, throwOnEndOfStream: false);
            if (read != other || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, other)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }

    /// <summary>Counts rows and invoices (distinct INTERNAL_NOTES) line by line: rows never hold a line break.</summary>
    private static (int Invoices, int Lines) CountPackage(string batchId, string packagePath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(packagePath);
            using var reader = new StreamReader(FbdiPackage.OpenLinesCsv(zip), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var invoices = new HashSet<string>(StringComparer.Ordinal);
            var lines = 0;
            while (reader.ReadLine() is { } line)
            {
                var row = FbdiCsv.ReadRows(line).Single();
                if (row.Length != FbdiLinesLayout.FieldCount)
                {
                    throw new InvalidDataException($"row {lines + 1} does not have {FbdiLinesLayout.FieldCount} fields");
                }

                invoices.Add(row[FbdiLinesLayout.InternalNotes - 1]);
                lines++;
            }

            return (invoices.Count, lines);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            var reason = $"package {batchId} exists but cannot be read back: {e.Message}";
            throw new RefusedByTargetException($"Refused: {reason}.", [new TargetError(reason)]);
        }
    }

    private static void WritePackage(InvoiceBatch batch, string temp)
    {
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        FbdiPackage.WriteTo(batch, stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Renames the written file into place unless a package appeared there meanwhile (then false).</summary>
    private static bool MoveIntoPlace(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: FindBatchAsync removes leftover temporary files too.
        }
    }

    /// <summary>
    /// Writes <c>path.tmp</c>, flushes it to disk, then renames it into place. Without <paramref name="overwrite"/>,
    /// returns false (and removes the temporary file) when <paramref name="path"/> appeared meanwhile.
    /// </summary>
    private static async Task<bool> WriteAtomicallyAsync(string path, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        var temp = path + TempExtension;
        var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }
}
