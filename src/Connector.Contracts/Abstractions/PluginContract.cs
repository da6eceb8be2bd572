using System.Globalization;

[assembly: Connector.Adapters.Abstractions.ContractVersion(
    Connector.Adapters.Abstractions.PluginContract.Major,
    Connector.Adapters.Abstractions.PluginContract.Minor)]

namespace Connector.Adapters.Abstractions;

/// <summary>
/// The version of the plugin contract (this assembly: targets, master-data providers, their options and failures).
/// A plugin states the version it was built against in its manifest (<c>contract_version</c>); the host loads it when
/// the majors are equal and the plugin's minor is not above the host's. A minor version only adds (a new optional
/// interface, a new record member with a default); anything that breaks a compiled plugin takes the next major.
/// </summary>
public static class PluginContract
{
    /// <summary>Changes that break compiled plugins.</summary>
    public const int Major = 1;

    /// <summary>Additions a plugin may rely on; a host of a lower minor refuses such a plugin.</summary>
    public const int Minor = 1;

    /// <summary>The version as written in a manifest: <c>major.minor</c>.</summary>
    public const string Version = "1.1";

    /// <summary>
    /// Whether a plugin built against <paramref name="major"/>.<paramref name="minor"/> runs on this host: same major,
    /// minor not above the host's.
    /// </summary>
    public static bool Supports(int major, int minor) => major == Major && minor >= 0 && minor <= Minor;

    /// <summary>Reads <c>major.minor</c> (e.g. <c>1.0</c>); false for anything else.</summary>
    public static bool TryParse(string? text, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        var parts = text?.Split('.') ?? [];
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}

/// <summary>
/// Stamps an assembly with a plugin contract version. The contract assembly carries its own; a plugin assembly may carry
/// the version it was built against (<c>[assembly: ContractVersion(PluginContract.Major, PluginContract.Minor)]</c>),
/// which the host then checks as it checks the manifest's <c>contract_version</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ContractVersionAttribute : Attribute
{
    public ContractVersionAttribute(int major, int minor)
    {
        Major = major;
        Minor = minor;
    }

    public int Major { get; }

    public int Minor { get; }

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}
