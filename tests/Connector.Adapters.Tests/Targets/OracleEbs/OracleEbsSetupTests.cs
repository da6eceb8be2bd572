using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.MasterData;
using static Connector.Adapters.Tests.Targets.OracleEbs.EbsTestData;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

[Collection(PostgresCollection.Name)]
public sealed class OracleEbsSetupTests(PostgresServer server)
{
    [PostgresFact]
    public async Task CheckAsync_SampleEntitiesSeeded_EveryCheckPasses()
    {
        var db = await server.CreateDatabaseAsync();
        var catalog = MappingCatalogLoader.Load(Path.Combine(RepositoryRoot(), "mappings"));
        catalog.Entities.Count.ShouldBeGreaterThanOrEqualTo(3);
        var source = 2001L;
        foreach (var sample in catalog.Entities)
        {
            using var customers = File.OpenRead(Path.Combine(sample.Directory, sample.MasterData));
            var master = CsvCustomerMasterReader.Read(customers, sample.MasterData);
            var entity = sample with { Target = Entity(db).Target with { BusinessUnit = sample.Target.BusinessUnit, BusinessUnitId = sample.Target.BusinessUnitId,
                TransactionSource = sample.Target.TransactionSource, TransactionType = sample.Target.TransactionType,
                CreditMemoType = sample.Target.CreditMemoType, DefaultTerms = sample.Target.DefaultTerms, FlexfieldContext = sample.Target.FlexfieldContext } };
            await EbsSeed.SeedAsync(db, entity, master.Customers, source++);

            var checks = await Target(entity, db).CheckAsync(entity, CancellationToken.None);

            checks.Select(c => c.Item).ShouldBe(["connection", "operating unit", "batch source", "transaction type INV", "transaction type CM", "payment terms", "transaction flexfield"]);
            checks.ShouldAllBe(c => c.Ok, string.Join("; ", checks.Where(c => !c.Ok).Select(c => c.Detail)));
        }

        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(DISTINCT ORG_ID) FROM RA_BATCH_SOURCES_ALL")).ShouldBe(catalog.Entities.Count);
    }

    [PostgresFact]
    public async Task CheckAsync_NothingSetUp_SaysExactlyWhatIsMissing()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db);

        var checks = await Target(entity, db).CheckAsync(entity, CancellationToken.None);

        checks[0].Ok.ShouldBeTrue();
        checks.Skip(1).ShouldAllBe(c => !c.Ok);
        checks.Single(c => c.Item == "operating unit").Detail.ShouldContain("ORG_ID 204");
        checks.Single(c => c.Item == "batch source").Detail.ShouldContain("'CONNECTOR FR01' is not in RA_BATCH_SOURCES_ALL for ORG_ID 204");
        checks.Single(c => c.Item == "transaction type CM").Detail.ShouldContain("'FR01 Avoir'");
        checks.Single(c => c.Item == "payment terms").Detail.ShouldContain("'30 NET'");
        checks.Single(c => c.Item == "transaction flexfield").Detail.ShouldContain("no context 'CONNECTOR'");
    }

    [PostgresFact]
    public async Task CheckAsync_AutomaticNumberingSource_IsReported()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db);
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);
        await EbsSeed.ExecuteAsync(db, "UPDATE RA_BATCH_SOURCES_ALL SET AUTO_TRX_NUMBERING_FLAG = 'Y'");

        var checks = await Target(entity, db).CheckAsync(entity, CancellationToken.None);

        var source = checks.Single(c => c.Item == "batch source");
        source.Ok.ShouldBeFalse();
        source.Detail.ShouldContain("manual numbering");
    }

    [PostgresFact]
    public async Task CheckAsync_ServerNotListening_ReportsTheConnectionOnly()
    {
        var entity = Entity("unused");
        var closed = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=none;Timeout=3");

        var checks = await Target(entity, closed).CheckAsync(entity, CancellationToken.None);

        checks.ShouldHaveSingleItem().Ok.ShouldBeFalse();
        checks[0].Item.ShouldBe("connection");
    }

    [PostgresFact]
    public async Task SubmitAsync_ServerNotListening_IsTransient()
    {
        var entity = Entity("unused");
        var closed = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=none;Timeout=3");

        await Should.ThrowAsync<TransientTargetException>(() => Target(entity, closed).SubmitAsync(Batch(entity, "B", Invoice("F-1")), CancellationToken.None));
    }

    [PostgresFact]
    public async Task SubmitAsync_WrongSubmitStatement_IsASetupProblemAndTheLinesStayForConfirmation()
    {
        var db = await server.CreateDatabaseAsync();
        var entity = Entity(db, new() { ["submit"] = "SELECT NO_SUCH_FUNCTION(:org_id)" });
        await EbsSeed.SeedAsync(db, entity, Customers, BatchSourceId);

        var failure = await Should.ThrowAsync<TargetSetupException>(() => Target(entity, db).SubmitAsync(Batch(entity, "B", Invoice("F-1")), CancellationToken.None));

        failure.Message.ShouldContain("RAXMTR");
        (await EbsSeed.ScalarAsync<long>(db, "SELECT COUNT(*) FROM RA_INTERFACE_LINES_ALL")).ShouldBe(2);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot() => SharedCorpus.Repository;
}
