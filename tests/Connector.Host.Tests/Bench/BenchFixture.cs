using Connector.Adapters.Configuration;
using Connector.Host.Bench;
using Connector.Host.Pipeline;
using Connector.Mapping.Profiles;

namespace Connector.Host.Tests.Bench;

/// <summary>A small generated bench entity (French format, windows-1252) with its master and one invoice file.</summary>
internal sealed class BenchFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BenchFixture(long lines = 3_000, int customers = 300)
    {
        Paths = new ConnectorPaths(_dir.File("data"), _dir.File("mappings"));
        var folder = BenchEntityFiles.Write(Paths.MappingsDirectory);
        var random = new Random(7);
        var list = BenchCustomers.Generate(customers, random);
        BenchCustomers.Write(Path.Combine(folder, "customers.csv"), list, random);
        InvoiceFile = _dir.File("FACTURES.csv");
        Facts = new BenchInvoiceFile(list, random, DateOnly.FromDateTime(IngestBench.Today.UtcDateTime)).Write(InvoiceFile, lines, 5);
        Catalog = MappingCatalogLoader.Load(Paths.MappingsDirectory);
        Profile = Catalog.Profile(BenchEntityFiles.EntityCode, BenchEntityFiles.ProfileName);
    }

    public ConnectorPaths Paths { get; }

    public string InvoiceFile { get; }

    public BenchFileFacts Facts { get; }

    public MappingCatalog Catalog { get; }

    public MappingProfile Profile { get; }

    public string Folder(string name) => _dir.File(name);

    public void Dispose() => _dir.Dispose();
}
