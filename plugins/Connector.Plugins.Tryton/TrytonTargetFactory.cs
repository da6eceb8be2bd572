using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

[assembly: ContractVersion(PluginContract.Major, PluginContract.Minor)]

namespace Connector.Plugins.Tryton;

/// <summary>
/// <c>tryton</c>: customer invoices and credit notes posted into a Tryton server (6.0 and later) over JSON-RPC, one per
/// call. Options (see <see cref="TrytonOptions"/>): <c>url</c>, <c>database</c>, <c>user</c>, <c>password</c> (a secret
/// reference), and optionally <c>company</c>, <c>journal</c>, <c>account</c>, <c>taxes</c>, <c>timeout</c>.
/// </summary>
public sealed class TrytonTargetFactory : ITargetFactory
{
    public string Type => TrytonTarget.TypeName;

    public IReadOnlyCollection<string> OptionNames => TrytonOptions.Names;

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        return new TrytonTarget(TrytonOptions.Parse(entity, context.Secrets), context.Clock, context.LoggerFactory);
    }
}
