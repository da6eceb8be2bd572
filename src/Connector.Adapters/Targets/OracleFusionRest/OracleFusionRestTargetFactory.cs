using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// <c>oracle-fusion-rest</c>: invoices posted one per call to Oracle Fusion's receivablesInvoices REST resource.
/// Options: <c>url</c>; <c>user</c> + <c>password</c> (Basic) or <c>token</c> (bearer), secrets as references;
/// <c>framework_version</c> (default 4); <c>timeout</c> (default 100 s); <c>send_item_number</c> (default false).
/// </summary>
internal sealed class OracleFusionRestTargetFactory : ITargetFactory
{
    public string Type => OracleFusionRestTarget.TypeName;

    public IReadOnlyCollection<string> OptionNames => FusionRestOptions.Names;

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        var options = FusionRestOptions.Parse(entity, context.Secrets);
        return new OracleFusionRestTarget(options, entity.Target.Resilience.Concurrency, context.Clock, context.LoggerFactory);
    }
}
