using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Plugins;

/// <summary>
/// What became of one plugin folder: loaded (its factory registered, <see cref="Error"/> null) or failed with a
/// message naming the plugin and what is wrong. <see cref="Manifest"/> is null when <c>plugin.json</c> could not be read.
/// </summary>
/// <param name="Folder">The plugin's folder.</param>
/// <param name="Manifest">Its manifest, when it could be read.</param>
/// <param name="Factory">Its target factory, when loaded.</param>
/// <param name="Error">Why it was skipped (already naming the plugin), or null when loaded.</param>
public sealed record LoadedPlugin(string Folder, PluginManifest? Manifest, ITargetFactory? Factory, string? Error)
{
    /// <summary>The manifest's name, or the folder's when the manifest could not be read.</summary>
    public string Name => Manifest?.Name ?? Path.GetFileName(Folder);

    public bool Loaded => Error is null && Factory is not null;

    /// <summary>The entry type's master-data provider, when it is one (see <see cref="IMasterDataProvider"/>).</summary>
    public IMasterDataProvider? MasterData => Factory as IMasterDataProvider;

    /// <summary>What the plugin provides: its target type, and master data when its entry type provides it.</summary>
    public IReadOnlyList<string> Provides
        => Factory is null ? [] : MasterData is null ? ["target " + Factory.Type] : ["target " + Factory.Type, "master data"];

    internal static LoadedPlugin Failed(string folder, PluginManifest? manifest, string problem)
        => new(folder, manifest, null, $"Plugin '{manifest?.Name ?? Path.GetFileName(folder)}' ({folder}): {problem}");
}
