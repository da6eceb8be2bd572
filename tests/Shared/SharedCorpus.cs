namespace Connector.Tests.Shared;

/// <summary>
/// Where the repository and the shared corpus of real third-party files are: <c>CONNECTOR_CORPUS</c>, else
/// <c>../shared/corpus</c> beside the folder holding Connector.slnx. The corpus is read in place, never copied; tests
/// that need it are skipped, saying so, when it is absent. Linked into each test project.
/// </summary>
internal static class SharedCorpus
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Connector.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName;
    });

    /// <summary>The repository's root (the folder holding Connector.slnx above the test binaries), or null.</summary>
    public static string? RepositoryRoot => Root.Value;

    /// <summary>The repository's root; throws when the test binaries are not inside a checkout.</summary>
    public static string Repository => Root.Value ?? throw new DirectoryNotFoundException("The repository root (Connector.slnx) was not found above " + AppContext.BaseDirectory);

    /// <summary>The corpus folder when it holds <paramref name="folder"/> (e.g. <c>bank</c>, <c>einvoice</c>, <c>cheques</c>); else null.</summary>
    public static string? Holding(string folder)
    {
        var configured = Environment.GetEnvironmentVariable("CONNECTOR_CORPUS");
        var corpus = !string.IsNullOrWhiteSpace(configured) ? configured
            : RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"))
            : null;
        return corpus is not null && Directory.Exists(Path.Combine(corpus, folder)) ? corpus : null;
    }
}
