using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

[assembly: ContractVersion(PluginContract.Major, PluginContract.Minor)]

namespace Connector.TestPlugin;

/// <summary>
/// The plugin's entry type: builds <see cref="FolderTarget"/>s (option <c>folder</c>, relative to the data folder) and
/// provides customers from <c>customers.txt</c> in that folder (<c>account|name|tax id</c> per line).
/// </summary>
public sealed class FolderTargetFactory : ITargetFactory, IMasterDataProvider
{
    public const string TypeName = "test-folder";

    public string Type => TypeName;

    public IReadOnlyCollection<string> OptionNames { get; } = ["folder"];

    public IInvoiceTarget Create(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        return new FolderTarget(FolderOf(entity, context.DataDirectory));
    }

    public async Task<IReadOnlyList<Customer>> LoadAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var file = Path.Combine(FolderOf(entity, entity.Directory), "customers.txt");
        if (!File.Exists(file))
        {
            throw new TargetSetupException($"Entity {entity.Code}: {TypeName} has no customers file {file}.");
        }

        var lines = await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false);
        return lines
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Split('|'))
            .Where(p => p.Length == 3)
            .Select(p => new Customer { AccountNumber = p[0].Trim(), Name = p[1].Trim(), TaxIds = p[2].Trim().Length == 0 ? [] : [p[2].Trim()] })
            .ToList();
    }

    private static string FolderOf(EntityDefinition entity, string baseDirectory)
    {
        if (!entity.Target.Options.TryGetValue("folder", out var folder) || string.IsNullOrWhiteSpace(folder))
        {
            throw new TargetSetupException($"Entity {entity.Code}: {TypeName} needs target.options.folder.");
        }

        return Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(baseDirectory, folder));
    }
}
