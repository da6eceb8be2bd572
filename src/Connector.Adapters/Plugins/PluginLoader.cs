using System.Reflection;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;

namespace Connector.Adapters.Plugins;

/// <summary>
/// Loads the adapter plugins of a plugins folder: one subfolder per plugin holding its <c>plugin.json</c> and its
/// published assemblies. Each plugin gets its own <see cref="PluginLoadContext"/>. A plugin that cannot be loaded is
/// reported (<see cref="LoadedPlugin.Error"/>, naming it and what is wrong) and skipped; the others load regardless.
/// </summary>
public static class PluginLoader
{
    /// <summary>
    /// Loads every plugin under <paramref name="pluginsDirectory"/> (none when the folder does not exist) and registers
    /// each loaded plugin's factory in <paramref name="registry"/>. A plugin whose target type the registry already
    /// knows (a built-in adapter or an earlier plugin) is refused rather than allowed to replace it.
    /// </summary>
    public static IReadOnlyList<LoadedPlugin> LoadInto(TargetRegistry registry, string pluginsDirectory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var results = new List<LoadedPlugin>();
        foreach (var plugin in Load(pluginsDirectory))
        {
            if (plugin.Factory is { } factory && registry.Types.Contains(factory.Type, StringComparer.OrdinalIgnoreCase))
            {
                var owner = results.FirstOrDefault(r => r.Loaded && string.Equals(r.Factory!.Type, factory.Type, StringComparison.OrdinalIgnoreCase));
                results.Add(LoadedPlugin.Failed(plugin.Folder, plugin.Manifest, $"its target type '{factory.Type}' is already provided by {(owner is null ? "the Connector itself" : "plugin '" + owner.Name + "'")}; choose another type name."));
                continue;
            }

            if (plugin.Factory is not null)
            {
                registry.Register(plugin.Factory);
            }

            results.Add(plugin);
        }

        return results;
    }

    /// <summary>Loads every plugin under <paramref name="pluginsDirectory"/>, in folder-name order, without registering them.</summary>
    public static IReadOnlyList<LoadedPlugin> Load(string pluginsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        if (!Directory.Exists(pluginsDirectory))
        {
            return [];
        }

        var results = new List<LoadedPlugin>();
        foreach (var folder in Directory.GetDirectories(pluginsDirectory).Order(StringComparer.Ordinal))
        {
            var plugin = LoadOne(Path.GetFullPath(folder));
            if (plugin.Manifest is { } manifest && results.Any(r => r.Manifest is not null && string.Equals(r.Manifest.Name, manifest.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var first = results.First(r => r.Manifest is not null && string.Equals(r.Manifest.Name, manifest.Name, StringComparison.OrdinalIgnoreCase));
                plugin = LoadedPlugin.Failed(plugin.Folder, manifest, $"the plugin in {first.Folder} has the same name; remove one of them.");
            }

            results.Add(plugin);
        }

        return results;
    }

    /// <summary>Loads the plugin of one folder; never throws for what the folder holds.</summary>
    public static LoadedPlugin LoadOne(string folder)
    {
        var manifestFile = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestFile))
        {
            return LoadedPlugin.Failed(folder, null, $"no {PluginManifest.FileName} in the folder; every plugin folder needs one (docs/plugins.md).");
        }

        var (manifest, manifestError) = PluginManifest.Parse(File.ReadAllText(manifestFile));
        if (manifest is null)
        {
            return LoadedPlugin.Failed(folder, null, manifestError!);
        }

        PluginContract.TryParse(manifest.ContractVersion, out var major, out var minor);
        if (!PluginContract.Supports(major, minor))
        {
            return LoadedPlugin.Failed(folder, manifest, ContractMismatch($"{PluginManifest.FileName} says it was built for contract {manifest.ContractVersion}", major));
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            return LoadedPlugin.Failed(folder, manifest, $"its assembly '{manifest.Assembly}' (named in {PluginManifest.FileName}) is not in the folder.");
        }

        PluginLoadContext context;
        try
        {
            context = new PluginLoadContext(manifest.Name, assemblyPath);
        }
        catch (InvalidOperationException e)
        {
            // AssemblyDependencyResolver refuses a .deps.json it cannot read.
            return LoadedPlugin.Failed(folder, manifest, $"its {Path.GetFileNameWithoutExtension(manifest.Assembly)}.deps.json cannot be used: {e.Message}");
        }

        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var problem = CheckBuiltContract(assembly, manifest) ?? PluginDependencies.FindMissing(context, assembly);
            if (problem is not null)
            {
                return LoadedPlugin.Failed(folder, manifest, problem);
            }

            var (factory, entryError) = CreateEntry(assembly, manifest);
            return factory is null ? LoadedPlugin.Failed(folder, manifest, entryError!) : new LoadedPlugin(folder, manifest, factory, null);
        }
        catch (BadImageFormatException e)
        {
            return LoadedPlugin.Failed(folder, manifest, $"'{manifest.Assembly}' is not a .NET assembly this Connector can load: {e.Message}");
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or ReflectionTypeLoadException)
        {
            return LoadedPlugin.Failed(folder, manifest, $"it could not be loaded: {e.Message}");
        }
    }

    /// <summary>The contract the assembly was compiled against must agree with the host, whatever the manifest says.</summary>
    private static string? CheckBuiltContract(Assembly assembly, PluginManifest manifest)
    {
        if (assembly.GetCustomAttribute<ContractVersionAttribute>() is { } stamp && !PluginContract.Supports(stamp.Major, stamp.Minor))
        {
            return ContractMismatch($"'{manifest.Assembly}' is stamped with contract {stamp}", stamp.Major);
        }

        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(r => string.Equals(r.Name, "Connector.Contracts", StringComparison.OrdinalIgnoreCase));
        return reference?.Version is { } built && built.Major != PluginContract.Major
            ? ContractMismatch($"'{manifest.Assembly}' was compiled against Connector.Contracts {built}", built.Major)
            : null;
    }

    private static string ContractMismatch(string what, int major)
        => $"{what}, but this Connector's plugin contract is {PluginContract.Version} (a plugin needs major {PluginContract.Major} and minor {PluginContract.Minor} or lower). "
           + (major > PluginContract.Major ? "Upgrade the Connector or install a plugin version built for this contract." : "Rebuild the plugin against this contract or install its newer version.");

    private static (ITargetFactory? Factory, string? Error) CreateEntry(Assembly assembly, PluginManifest manifest)
    {
        var type = assembly.GetType(manifest.EntryType, throwOnError: false, ignoreCase: false);
        if (type is null)
        {
            var candidates = assembly.GetExportedTypes().Where(t => typeof(ITargetFactory).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
            return (null, $"entry_type '{manifest.EntryType}' is not a type of '{manifest.Assembly}'."
                          + (candidates.Count == 0 ? " It has no public ITargetFactory." : $" Its ITargetFactory types: {string.Join(", ", candidates)}."));
        }

        if (!typeof(ITargetFactory).IsAssignableFrom(type))
        {
            return (null, $"entry_type '{manifest.EntryType}' does not implement {typeof(ITargetFactory).FullName} (contract {PluginContract.Version}).");
        }

        if (type.IsAbstract || !type.IsPublic || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return (null, $"entry_type '{manifest.EntryType}' must be a public, non-abstract class with a public parameterless constructor.");
        }

        ITargetFactory factory;
        try
        {
            factory = (ITargetFactory)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return (null, $"the constructor of '{manifest.EntryType}' threw {inner.GetType().Name}: {inner.Message}");
        }

        string? typeName;
        try
        {
            typeName = factory.Type;
            _ = factory.OptionNames;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"'{manifest.EntryType}' threw {e.GetType().Name} when asked for its Type or OptionNames: {e.Message}");
        }

        return string.IsNullOrWhiteSpace(typeName)
            ? (null, $"'{manifest.EntryType}'.Type is empty; it must be the target type entities name in entity.yaml.")
            : (factory, null);
    }
}
