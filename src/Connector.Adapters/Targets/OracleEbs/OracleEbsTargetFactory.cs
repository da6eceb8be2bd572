using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary><c>oracle-ebs</c>: AutoInvoice through the E-Business Suite interface tables (see docs/adapters/oracle-ebs.md).</summary>
internal sealed class OracleEbsTargetFactory : ITargetFactory
{
    public string Type => OracleEbsTarget.TypeName;

    public IReadOnlyCollection<string> OptionNames => OracleEbsOptions.Names;

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        var options = OracleEbsOptions.Parse(entity, context);
        var factory = DbProviderLoader.Load(entity.Code, options.Provider, options.ProviderAssembly);
        return new OracleEbsTarget(new EbsDatabase(factory, options, entity.Code), context.Clock);
    }
}
