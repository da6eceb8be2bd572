using System.IO.Compression;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Pipeline;

/// <summary>
/// Everything a pipeline test needs: a data folder of its own, a mappings folder (the repository's sample entities
/// or one the test writes), a clock at 2026-11-05, the store and the FBDI target, each of which a test may wrap.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    public static readonly DateTimeOffset SampleDay = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private MappingCatalog? _catalog;

    public PipelineHarness(string? mappings = null)
    {
        Paths = new ConnectorPaths(_data.Path, mappings ?? RepositoryMappings);
        Store = SqliteStore.Open(Paths.StoreFile);
    }

    public static string RepositoryMappings => Path.Combine(SharedCorpus.Repository, "mappings");

    public ConnectorPaths Paths { get; }

    public FakeClock Clock { get; } = new(SampleDay);

    public IConnectorStore Store { get; private set; }

    public MappingCatalog Catalog => _catalog ??= MappingCatalogLoader.Load(Paths.MappingsDirectory);

    public ExportOptions ExportOptions { get; init; } = new() { Resilience = new() { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 2, ConfirmPollInterval = TimeSpan.FromMilliseconds(10) } };

    public EntityRuntime Entity(string code) => EntityRuntime.Load(Catalog, Catalog.Entities.Single(e => e.Code == code), Store, Clock);

    public IInvoiceTarget Target { get; set; } = null!;

    public EntityRunner Runner(int chunkSize = DocumentProcessor.DefaultChunkSize) => new(Store, Paths, Clock, NullLogger.Instance, ExportOptions, chunkSize);

    public Task<RunSummary> RunAsync(string entity, RunRequest? request = null, int chunkSize = DocumentProcessor.DefaultChunkSize, CancellationToken cancellationToken = default)
        => Runner(chunkSize).RunAsync(Entity(entity), Target ?? new OracleFbdiTarget(Paths.DataDirectory), request ?? new RunRequest("test"), null, cancellationToken);

    /// <summary>The store as a crash leaves it: the process is gone, the file stays; open it again.</summary>
    public void Restart()
    {
        Store.Dispose();
        Store = SqliteStore.Open(Paths.StoreFile);
    }

    public void Wrap(Func<IConnectorStore, IConnectorStore> wrap) => Store = wrap(Store);

    public string Inbox(string entity) => Path.Combine(Paths.DataDirectory, "inbox", entity);

    public string DropInInbox(string entity, string name, byte[] content)
    {
        Directory.CreateDirectory(Inbox(entity));
        var path = Path.Combine(Inbox(entity), name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public IReadOnlyList<string> Packages(string entity)
    {
        var outbox = Path.Combine(Paths.DataDirectory, "outbox", entity);
        return Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.zip").Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Every line of every import package of the entity, split into fields (the package format is simple: quoted text, no embedded newlines).</summary>
    public IReadOnlyList<string[]> ExportedLines(string entity)
    {
        var lines = new List<string[]>();
        foreach (var package in Packages(entity))
        {
            using var zip = ZipFile.OpenRead(package);
            using var reader = new StreamReader(zip.GetEntry("RaInterfaceLinesAll.csv")!.Open(), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(SplitCsv(line));
            }
        }

        return lines;
    }

    public void Dispose()
    {
        Store.Dispose();
        _data.Dispose();
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
