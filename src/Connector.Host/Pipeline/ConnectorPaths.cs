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

    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(DataDirectory, path));

    /// <summary>Reads CONNECTOR_DATA and CONNECTOR_MAPPINGS, defaulting to ./data and ./mappings.</summary>
    public static ConnectorPaths FromEnvironment(string? data = null, string? mappings = null)
        => new(
            Path.GetFullPath(data ?? Environment.GetEnvironmentVariable("CONNECTOR_DATA") ?? "data"),
            Path.GetFullPath(mappings ?? Environment.GetEnvironmentVariable("CONNECTOR_MAPPINGS") ?? "mappings"));
}
