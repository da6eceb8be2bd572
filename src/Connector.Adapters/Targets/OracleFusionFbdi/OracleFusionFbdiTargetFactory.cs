using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary><c>oracle-fusion-fbdi</c>: AutoInvoice imports through the pod's erpintegrations REST resource.</summary>
internal sealed class OracleFusionFbdiTargetFactory : ITargetFactory
{
    public string Type => OracleFusionFbdiTarget.TypeName;

    public IReadOnlyCollection<string> OptionNames => FusionFbdiOptions.Names;

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        var options = FusionFbdiOptions.From(entity, context.Secrets);
        return new OracleFusionFbdiTarget(options, entity.Target.Resilience.Concurrency, context.Clock,
            context.LoggerFactory.CreateLogger<OracleFusionFbdiTarget>());
    }
}
