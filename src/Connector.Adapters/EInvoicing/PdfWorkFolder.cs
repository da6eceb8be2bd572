namespace Connector.Adapters.EInvoicing;

/// <summary>
/// A private temporary folder (mode 0700 on Unix) for one extraction: the copied input and the saved attachments live
/// under names chosen here, never under a name taken from the PDF. Deleted with everything in it on dispose.
/// </summary>
internal sealed class PdfWorkFolder : IDisposable
{
    private PdfWorkFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>A new private folder under <paramref name="root"/>, or under the system's temporary folder.</summary>
    public static PdfWorkFolder Create(string? root = null)
    {
        if (root is null)
        {
            return new(Directory.CreateTempSubdirectory("connector-pdf-").FullName);
        }

        var path = System.IO.Path.Combine(root, "connector-pdf-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new(path);
    }

    /// <summary>A path for a file of ours inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies <paramref name="source"/> (from its current position) into a new file readable by this user only.</summary>
    public string CopyIn(Stream source, string name, CancellationToken cancellationToken)
    {
        var path = File(name);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var target = new FileStream(path, options);
        source.CopyToAsync(target, cancellationToken).GetAwaiter().GetResult();
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // A file still open elsewhere (Windows): one more try is all that is reasonable.
            Thread.Sleep(50);
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
