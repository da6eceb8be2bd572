using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Plugins;
using Connector.Host.Tests.Pipeline;
using Connector.Mapping.Entities;
using Connector.Plugins.Tryton;
using Connector.Plugins.Tryton.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Posting.Tryton;

/// <summary>What the Tryton pipeline tests share: the installed plugin, the FR02 mappings pointed at the test server, and reading Tryton back.</summary>
internal static class TrytonPipeline
{
    public const string PasswordVariable = "FR02_TRYTON_PASSWORD";

    /// <summary>The Tryton plugin as installed: its build output, copied by TrytonPlugin.targets.</summary>
    public static string InstalledPlugins => Path.Combine(AppContext.BaseDirectory, "test-plugins");

    /// <summary>The built-in adapters and the plugins folder's plugins, as the host composes them.</summary>
    public static TargetRegistry Registry()
    {
        var registry = TargetRegistry.WithBuiltIns();
        var loaded = PluginLoader.LoadInto(registry, InstalledPlugins);
        loaded.Where(p => p.Name == "tryton").ShouldHaveSingleItem().Error.ShouldBeNull();
        return registry;
    }

    /// <summary>The FR02 sample entity (and shared maps), its target pointed at <paramref name="server"/>.</summary>
    public static void CopyMappings(TrytonServer server, string to, Func<string, string>? edit = null)
        => MappingsCopy.Copy(to, yaml =>
        {
            yaml = Regex.Replace(yaml, "(?m)^    url: .*$", "    url: " + server.Url);
            yaml = Regex.Replace(yaml, "(?m)^    database: .*$", "    database: " + server.Database);
            yaml = Regex.Replace(yaml, "(?m)^    user: .*$", "    user: " + server.User);
            return edit is null ? yaml : edit(yaml);
        }, "fr-tryton");

    public static TargetContext Context(string data, TrytonServer server)
        => new(data, new SecretSource(null, name => name == PasswordVariable ? server.Password : null), TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>A target of the test's own (in the test's load context) to read Tryton back with; one login for all reads.</summary>
    public static TrytonTarget Reader(EntityDefinition entity, TrytonServer server)
        => (TrytonTarget)new TrytonTargetFactory().Create(entity, Context(Path.GetTempPath(), server));

    /// <summary>The customer invoices of Tryton holding <paramref name="reference"/>.</summary>
    public static async Task<JsonArray> InvoicesAsync(TrytonTarget reader, string reference)
    {
        return await reader.Rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("reference", "=", reference)], null,
            ["id", "number", "state", "party.code", "untaxed_amount", "tax_amount", "total_amount", "lines"], CancellationToken.None);
    }

    /// <summary>How many invoices Tryton holds whose reference starts with <paramref name="prefix"/>.</summary>
    public static async Task<int> CountAsync(TrytonTarget reader, string prefix)
    {
        // search_count, not search_read: counting needs no read of the records, which a session whose company context
        // does not (yet) cover them is refused ("User in companies") while a killed run's invoices are being created.
        var count = await reader.Rpc.ModelAsync("account.invoice", "search_count", CancellationToken.None, new JsonArray(TrytonJson.Clause("reference", "like", prefix + "%")));
        return count!.GetValue<int>();
    }

    public static decimal Decimal(JsonNode? node)
        => node switch
        {
            JsonObject o when o["decimal"] is { } d => decimal.Parse(d.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture),
            JsonValue v => v.GetValue<decimal>(),
            _ => throw new InvalidOperationException($"not a decimal: {node?.ToJsonString()}"),
        };
}
