using System.Data.Common;
using System.Reflection;
using System.Runtime.Loader;
using Connector.Adapters.Abstractions;
using Npgsql;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Finds the ADO.NET provider of an <c>oracle-ebs</c> target: Npgsql ships with the Connector; Oracle's managed driver
/// (Oracle.ManagedDataAccess.dll, which Oracle's licence keeps out of the product) is loaded at run time from the path
/// the administrator gives in <c>provider_assembly</c>. Any other provider must be registered with
/// <see cref="DbProviderFactories"/> by the host.
/// </summary>
internal static class DbProviderLoader
{
    private const string OracleFactoryType = "Oracle.ManagedDataAccess.Client.OracleClientFactory";

    public static DbProviderFactory Load(string entityCode, string provider, string? assemblyPath)
    {
        if (string.Equals(provider, OracleEbsOptions.NpgsqlProvider, StringComparison.Ordinal))
        {
            return NpgsqlFactory.Instance;
        }

        if (assemblyPath is null)
        {
            if (DbProviderFactories.TryGetFactory(provider, out var registered))
            {
                return registered;
            }

            throw new TargetSetupException(string.Equals(provider, OracleEbsOptions.OracleProvider, StringComparison.Ordinal)
                ? $"Entity {entityCode}: target.options.provider_assembly is required for {provider}: give the path of "
                  + "Oracle.ManagedDataAccess.dll (from the NuGet package Oracle.ManagedDataAccess.Core, lib/net8.0) placed "
                  + "beside the Connector or in its data folder; see docs/adapters/oracle-ebs.md."
                : $"Entity {entityCode}: target.options.provider '{provider}' is not known: use {OracleEbsOptions.OracleProvider} or {OracleEbsOptions.NpgsqlProvider}.");
        }

        return LoadFromFile(entityCode, provider, assemblyPath);
    }

    private static DbProviderFactory LoadFromFile(string entityCode, string provider, string path)
    {
        if (!File.Exists(path))
        {
            throw new TargetSetupException(
                $"Entity {entityCode}: target.options.provider_assembly {path} does not exist. Download the NuGet package "
                + "Oracle.ManagedDataAccess.Core, copy lib/net8.0/Oracle.ManagedDataAccess.dll to that path (or change the "
                + "option to where it is), and make it readable by the service account.");
        }

        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => !a.IsDynamic && string.Equals(a.Location, path, StringComparison.Ordinal))
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new TargetSetupException($"Entity {entityCode}: target.options.provider_assembly {path} cannot be loaded as a .NET assembly ({e.Message}). "
                + "Use Oracle.ManagedDataAccess.dll from the package Oracle.ManagedDataAccess.Core (lib/net8.0), not the .NET Framework one.", e);
        }

        var typeName = string.Equals(provider, OracleEbsOptions.OracleProvider, StringComparison.Ordinal) ? OracleFactoryType : provider + "Factory";
        Type? type;
        try
        {
            type = assembly.GetType(typeName, throwOnError: false);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new TargetSetupException($"Entity {entityCode}: {path} needs an assembly that is missing beside it ({e.Message}).", e);
        }

        var instance = type?.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as DbProviderFactory;
        return instance ?? throw new TargetSetupException(
            $"Entity {entityCode}: {path} has no provider factory {typeName}.Instance: is it Oracle.ManagedDataAccess.dll from the package Oracle.ManagedDataAccess.Core?");
    }
}
