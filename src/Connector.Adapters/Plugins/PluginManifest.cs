using System.Text.Json;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Plugins;

/// <summary>
/// A plugin's <c>plugin.json</c>: who it is, the contract version it was built against, and where its entry type is.
/// </summary>
/// <param name="Name">The plugin's name (letters, digits, '-', '_', '.'), unique among the installed plugins.</param>
/// <param name="Version">The plugin's own version, as its authors number it.</param>
/// <param name="ContractVersion">The <see cref="PluginContract"/> version it was built against, <c>major.minor</c>.</param>
/// <param name="Assembly">The file name of its main assembly, in the plugin's folder.</param>
/// <param name="EntryType">The full name of a public type with a parameterless constructor implementing <see cref="ITargetFactory"/>.</param>
/// <param name="Description">What it connects to, for <c>connector plugins list</c>.</param>
public sealed record PluginManifest(string Name, string Version, string ContractVersion, string Assembly, string EntryType, string? Description)
{
    public const string FileName = "plugin.json";

    private static readonly string[] Keys = ["name", "version", "contract_version", "assembly", "entry_type", "description"];

    /// <summary>Reads a manifest; the error names the key that is missing or wrong, or where the JSON is broken.</summary>
    public static (PluginManifest? Manifest, string? Error) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, $"{FileName} is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"{FileName} must hold one JSON object with the keys {string.Join(", ", Keys)}.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    return (null, $"{FileName}: key '{property.Name}' is not known. Keys: {string.Join(", ", Keys)}.");
                }
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var key in Keys)
            {
                if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    values[key] = null;
                }
                else if (value.ValueKind != JsonValueKind.String)
                {
                    return (null, $"{FileName}: '{key}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
                }
                else
                {
                    values[key] = value.GetString()?.Trim();
                }
            }

            var missing = Keys.Where(k => k != "description" && string.IsNullOrEmpty(values[k])).ToList();
            if (missing.Count > 0)
            {
                return (null, $"{FileName}: {string.Join(", ", missing.Select(k => "'" + k + "'"))} {(missing.Count == 1 ? "is" : "are")} missing or empty.");
            }

            var name = values["name"]!;
            if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return (null, $"{FileName}: 'name' '{name}' may hold only letters, digits, '-', '_' and '.'.");
            }

            var contract = values["contract_version"]!;
            if (!PluginContract.TryParse(contract, out _, out _))
            {
                return (null, $"{FileName}: 'contract_version' '{contract}' is not major.minor (this Connector's is {PluginContract.Version}).");
            }

            var assembly = values["assembly"]!;
            if (assembly.IndexOfAny(['/', '\\']) >= 0 || assembly is "." or ".." || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"{FileName}: 'assembly' '{assembly}' must be the file name of a .dll in the plugin's folder (e.g. Connector.Plugins.Tryton.dll).");
            }

            return (new PluginManifest(name, values["version"]!, contract, assembly, values["entry_type"]!, values["description"]), null);
        }
    }
}
