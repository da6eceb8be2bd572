using System.Security.Cryptography;
using Connector.Host.Store;

namespace Connector.Host.Pipeline;

/// <summary>
/// Takes a received file into the store: copies it unchanged into the archive (named by its SHA-256, never by the
/// received name), records its provenance, and recognises a file received before.
/// </summary>
internal sealed class DocumentIntake(IConnectorStore store, ConnectorPaths paths, TimeProvider clock)
{
    /// <summary>Files larger than this are archived but not read (2 GiB).</summary>
    public const long MaxDocumentBytes = 2L * 1024 * 1024 * 1024;

    public IntakeResult Take(string entity, string source, string filePath, long runId, string actor, string? profile)
    {
        var originalName = Path.GetFileName(filePath);
        var (sha, size, archivePath) = Archive(entity, filePath);
        var existing = store.FindDocumentByHash(entity, sha);
        if (existing is not null && existing.Status == DocumentStatus.Received && existing.OriginalName == originalName)
        {
            // Stored before a crash, but the source had not yet been told: the same pickup, not a second sending.
            return new IntakeResult(existing, IsNew: false, IsDuplicate: false);
        }

        var status = existing is null ? DocumentStatus.Received : DocumentStatus.Duplicate;
        var document = new NewDocument(entity, source, originalName, sha, size, archivePath, clock.GetUtcNow(), runId, status, existing?.Id) { Profile = profile };
        var id = store.AddDocument(document);
        if (existing is not null)
        {
            store.Audit(actor, "document.duplicate", entity, $"document {id}", $"'{originalName}' has the same bytes as document {existing.Id} ('{existing.OriginalName}'); nothing taken from it", clock.GetUtcNow());
        }

        return new IntakeResult(store.GetDocument(id)!, IsNew: existing is null, IsDuplicate: existing is not null);
    }

    private (string Sha, long Size, string ArchivePath) Archive(string entity, string filePath)
    {
        var folder = Path.Combine(paths.ArchiveDirectory, Sanitise(entity));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".incoming-{Guid.NewGuid():N}");
        string sha;
        long size;
        try
        {
            using (var input = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    output.Write(buffer, 0, read);
                }

                output.Flush(flushToDisk: true);
                size = output.Length;
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var final = Path.Combine(folder, sha[..2], sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, final);
            }

            return (sha, size, Path.GetRelativePath(paths.DataDirectory, final));
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string Sanitise(string code) => new([.. code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')]);
}

internal sealed record IntakeResult(DocumentInfo Document, bool IsNew, bool IsDuplicate);
