using System.Reflection;
using System.Runtime.Loader;

namespace Connector.Adapters.Plugins;

/// <summary>
/// The load context of one plugin: its own assemblies and their dependencies come from its folder (resolved through
/// its <c>.deps.json</c> when it has one), while the shared assemblies (the contract, the canonical model, logging
/// abstractions and the framework) always come from the host, so that <c>ITargetFactory</c> is the same type on both
/// sides. Not collectible: a plugin lives as long as the process.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    /// <summary>Assemblies a plugin always shares with the host, whatever its folder holds.</summary>
    public static readonly IReadOnlySet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Connector.Contracts",
        "Connector.Mapping",

        // Transitional: a plugin built against Connector.Adapters (before the contract assembly existed) gets the host's.
        "Connector.Adapters",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
    };

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public PluginLoadContext(string pluginName, string mainAssemblyPath)
        : base("plugin:" + pluginName, isCollectible: false)
    {
        _folder = Path.GetDirectoryName(mainAssemblyPath)!;
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <summary>Whether the host's copy is always used: the contract, the model, logging abstractions.</summary>
    public static bool IsShared(AssemblyName name) => name.Name is { } simple && SharedAssemblies.Contains(simple);

    /// <summary>Whether the assembly was loaded from this plugin's folder (not shared with the host).</summary>
    public bool Owns(Assembly assembly) => ReferenceEquals(GetLoadContext(assembly), this);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        // The framework's assemblies come from the host too; a System.* package the framework lacks comes from the folder.
        if (IsFrameworkName(assemblyName.Name))
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException)
            {
                // Not part of the framework (or a newer version than it has): resolved from the plugin's folder below.
            }
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { } simple)
        {
            var local = Path.Combine(_folder, simple + ".dll");
            path = File.Exists(local) ? local : null;
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    private static bool IsFrameworkName(string? simple)
        => simple is not null
           && (simple.Equals("System", StringComparison.OrdinalIgnoreCase)
               || simple.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
               || simple.StartsWith("Microsoft.Win32.", StringComparison.OrdinalIgnoreCase)
               || simple.StartsWith("Microsoft.VisualBasic", StringComparison.OrdinalIgnoreCase)
               || simple.Equals("Microsoft.CSharp", StringComparison.OrdinalIgnoreCase)
               || simple.Equals("mscorlib", StringComparison.OrdinalIgnoreCase)
               || simple.Equals("netstandard", StringComparison.OrdinalIgnoreCase));

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
