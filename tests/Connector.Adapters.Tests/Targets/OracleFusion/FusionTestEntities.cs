using Connector.Mapping.Entities;

namespace Connector.Adapters.Tests.Targets.OracleFusion;

/// <summary>A DE01 entity with a Fusion target and the given options, for the tests of the shared Fusion layer.</summary>
internal static class FusionTestEntities
{
    public static EntityDefinition Entity(string source, params (string Name, string Value)[] options) => new()
    {
        Code = "DE01",
        Name = "x",
        Currency = "EUR",
        Country = "DE",
        Directory = "/nonexistent",
        MasterData = "customers.csv",
        Target = new TargetDefinition
        {
            Type = "oracle-fusion-rest",
            BusinessUnit = "DE BU",
            TransactionSource = source,
            TransactionType = "DE01 Rechnung",
            CreditMemoType = "DE01 Gutschrift",
            DefaultTerms = "30 NET",
            Options = options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase),
        },
    };
}
