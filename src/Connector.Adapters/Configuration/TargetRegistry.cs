using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleEbs;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Adapters.Targets.OracleFusionFbdi;
using Connector.Adapters.Targets.OracleFusionRest;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Configuration;

/// <summary>The target factories known to the host, by type name; builds each entity's target from its options.</summary>
public sealed class TargetRegistry
{
    private readonly Dictionary<string, ITargetFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry with every adapter shipped with the Connector.</summary>
    public static TargetRegistry WithBuiltIns()
    {
        var registry = new TargetRegistry();
        registry.Register(new OracleFbdiTargetFactory());
        registry.Register(new OracleFusionRestTargetFactory());
        registry.Register(new OracleFusionFbdiTargetFactory());
        registry.Register(new OracleEbsTargetFactory());
        return registry;
    }

    public IReadOnlyCollection<string> Types => _factories.Keys;

    public void Register(ITargetFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories[factory.Type] = factory;
    }

    /// <summary>Builds the entity's target; a <see cref="TargetSetupException"/> names the unknown type or option.</summary>
    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var type = entity.Target.Type;
        if (!_factories.TryGetValue(type, out var factory))
        {
            throw new TargetSetupException($"Entity {entity.Code}: target.type '{type}' is not known. Known targets: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}.");
        }

        var unknown = entity.Target.Options.Keys.Where(k => !factory.OptionNames.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new TargetSetupException($"Entity {entity.Code}: target.options {string.Join(", ", unknown)} not known to {type}. It reads: {(factory.OptionNames.Count == 0 ? "no options" : string.Join(", ", factory.OptionNames))}.");
        }

        return factory.Create(entity, context);
    }
}
