using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.TestPlugin;

/// <summary>An entry type whose constructor fails, as a plugin missing its own setup would (loading tests).</summary>
public sealed class ThrowingTargetFactory : ITargetFactory
{
    public ThrowingTargetFactory() => throw new InvalidOperationException("the test plugin's licence file is missing");

    public string Type => "test-throwing";

    public IReadOnlyCollection<string> OptionNames => [];

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context) => throw new NotSupportedException();
}

/// <summary>A public type that is not a target factory, named as entry type by the loading tests.</summary>
public sealed class NotAFactory
{
    public string Type => "not-a-factory";
}
