using System.Reflection;

namespace Connector.Adapters.Plugins;

/// <summary>
/// Loads every assembly a plugin's own assemblies reference, at start-up, so that a dependency missing from the
/// plugin's folder is reported then, naming the file, rather than when a first invoice is posted.
/// </summary>
internal static class PluginDependencies
{
    /// <summary>The first missing or unloadable dependency, described, or null when everything loads.</summary>
    public static string? FindMissing(PluginLoadContext context, Assembly main)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name ?? string.Empty };
        var pending = new Queue<Assembly>([main]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                Assembly loaded;
                try
                {
                    loaded = context.LoadFromAssemblyName(reference);
                }
                catch (FileNotFoundException)
                {
                    return $"its dependency {reference.FullName} ({reference.Name}.dll), needed by {assembly.GetName().Name}.dll, is neither in the plugin's folder nor shared by the Connector. Install the plugin from its 'dotnet publish' output, which holds every dependency.";
                }
                catch (Exception e) when (e is FileLoadException or BadImageFormatException)
                {
                    return $"its dependency {reference.FullName} ({reference.Name}.dll), needed by {assembly.GetName().Name}.dll, cannot be loaded: {e.Message}";
                }

                if (context.Owns(loaded))
                {
                    pending.Enqueue(loaded);
                }
            }
        }

        return null;
    }
}
