using System.Text.Json.Nodes;

namespace Connector.Adapters.Tests.Plugins;

/// <summary>
/// A plugins folder of its own for one test, filled with copies of the test plugin (built by the test build into
/// test-plugins/Connector.TestPlugin), each of which a test may break on purpose.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    private readonly string _base;

    public static readonly string BuiltPlugin = Path.Combine(AppContext.BaseDirectory, "test-plugins", "Connector.TestPlugin");

    public PluginFolder()
    {
        _base = Path.Combine(Path.GetTempPath(), "connector-plugins-" + Guid.NewGuid().ToString("N"));
        Root = Directory.CreateDirectory(Path.Combine(_base, "plugins")).FullName;
        Work = Directory.CreateDirectory(Path.Combine(_base, "work")).FullName;
    }

    /// <summary>The plugins folder.</summary>
    public string Root { get; }

    /// <summary>A folder beside it for what the plugins write and read.</summary>
    public string Work { get; }

    /// <summary>Copies the test plugin into <c>{Root}/{folder}</c>; <paramref name="manifest"/> may change its plugin.json.</summary>
    public string Install(string folder, Action<JsonObject>? manifest = null)
    {
        var target = Path.Combine(Root, folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(BuiltPlugin))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        if (manifest is not null)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "plugin.json")))!.AsObject();
            manifest(json);
            File.WriteAllText(Path.Combine(target, "plugin.json"), json.ToJsonString());
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Loaded plugin assemblies stay mapped for the life of the process; the OS cleans the temp folder.
        }
    }
}
