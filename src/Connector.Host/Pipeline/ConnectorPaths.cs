namespace Connector.Host.Pipeline;

/// <summary>
/// The data folder: the store, the archive of received documents, the default inboxes and outboxes, reports and logs.
/// Paths in entity.yaml (inbox, outbox) resolve against it when they are relative.
/// </summary>
internal sealed record ConnectorPaths(string DataDirectory, string MappingsDirectory)
{
    public string StoreFile => Path.Combine(DataDirectory, "connector.db");

    public string ArchiveDirectory => Path.Combine(DataDirectory, "archive");

    public string ReportsDirectory => Path.Combine(DataDirectory, "reports");

    public string LogsDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>The adapter plugins, one subfolder each (docs/plugins.md); <c>&lt;data&gt;/plugins</c> unless set.</summary>
    public string PluginsDirectory { get; init; } = Path.Combine(DataDirectory, "plugins");

    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(DataDirectory, path));

    /// <summary>
    /// Reads CONNECTOR_DATA, CONNECTOR_MAPPINGS and CONNECTOR_PLUGINS, defaulting to ./data, ./mappings and
    /// &lt;data&gt;/plugins; a value given (from the command line) wins over the environment.
    /// </summary>
    public static ConnectorPaths FromEnvironment(string? data = null, string? mappings = null, string? plugins = null)
    {
        var paths = new ConnectorPaths(
            Path.GetFullPath(data ?? Environment.GetEnvironmentVariable("CONNECTOR_DATA") ?? "data"),
            Path.GetFullPath(mappings ?? Environment.GetEnvironmentVariable("CONNECTOR_MAPPINGS") ?? "mappings"));
        var pluginsDirectory = plugins ?? Environment.GetEnvironmentVariable("CONNECTOR_PLUGINS");
        return string.IsNullOrWhiteSpace(pluginsDirectory) ? paths : paths with { PluginsDirectory = Path.GetFullPath(pluginsDirectory) };
    }
}
