using System.IO.Enumeration;

namespace Connector.Adapters.Sources.Folder;

/// <summary>
/// An inbox folder. Lists the files ready to take (matching the pattern, not hidden, not still being written), and
/// removes a file only once the store holds its bytes (<see cref="MarkTaken"/>). The pattern may list several
/// alternatives separated by <c>|</c> (<c>*.pdf|*.xml</c>).
/// </summary>
internal sealed class FolderSource(string inbox, string pattern, TimeSpan settle, TimeProvider clock)
{
    public string Inbox { get; } = inbox;

    /// <summary>Files of the inbox in name order; a file written to less than <c>settle</c> ago is left for the next pass.</summary>
    public IReadOnlyList<string> ListReady()
    {
        if (!Directory.Exists(Inbox))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        return Directory.EnumerateFiles(Inbox)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Where(path => Accepts(Path.GetFileName(path)))
            .Where(path => settle <= TimeSpan.Zero || now - File.GetLastWriteTimeUtc(path) >= settle)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether a file name is one this source picks up.</summary>
    public bool Accepts(string fileName)
        => pattern.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => FileSystemName.MatchesSimpleExpression(p, fileName, ignoreCase: true));

    /// <summary>The store has the file: take it out of the inbox.</summary>
    public static void MarkTaken(string path) => File.Delete(path);
}
