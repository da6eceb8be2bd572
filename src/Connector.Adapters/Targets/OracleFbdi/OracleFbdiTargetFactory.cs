using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary><c>oracle-fbdi</c>: AutoInvoice import packages written to the entity's outbox; no options.</summary>
internal sealed class OracleFbdiTargetFactory : ITargetFactory
{
    public string Type => OracleFbdiTarget.TypeName;

    public IReadOnlyCollection<string> OptionNames => [];

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new OracleFbdiTarget(context.DataDirectory);
    }
}
