using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Configuration;

public sealed class TargetRegistryTests
{
    private static readonly TargetContext Context = new(Path.GetTempPath(), new SecretSource(null, _ => null), TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public void Create_BuiltInType_BuildsIt()
    {
        TargetRegistry.WithBuiltIns().Create(Entity("oracle-fbdi"), Context).ShouldBeOfType<OracleFbdiTarget>();
    }

    [Fact]
    public void Create_UnknownType_SetupErrorListingTheKnownOnes()
    {
        var e = Should.Throw<TargetSetupException>(() => TargetRegistry.WithBuiltIns().Create(Entity("sap-r3"), Context));

        e.Message.ShouldContain("'sap-r3'");
        e.Message.ShouldContain("oracle-fbdi");
    }

    [Fact]
    public void Create_OptionTheAdapterDoesNotRead_SetupErrorNamingIt()
    {
        var entity = Entity("oracle-fbdi", new Dictionary<string, string> { ["url"] = "https://x" });

        var e = Should.Throw<TargetSetupException>(() => TargetRegistry.WithBuiltIns().Create(entity, Context));

        e.Message.ShouldContain("target.options url");
    }

    private static EntityDefinition Entity(string type, Dictionary<string, string>? options = null) => new()
    {
        Code = "T01",
        Name = "Test",
        Currency = "USD",
        Country = "US",
        Directory = Path.GetTempPath(),
        MasterData = "customers.csv",
        Target = new TargetDefinition
        {
            Type = type,
            BusinessUnit = "BU",
            TransactionSource = "SRC",
            TransactionType = "Invoice",
            CreditMemoType = "Credit Memo",
            DefaultTerms = "30 NET",
            Options = options ?? new Dictionary<string, string>(),
        },
    };
}
