using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Host.Cli;
using Connector.Host.Tests.Pipeline;
using Spectre.Console;

namespace Connector.Host.Tests.Cli;

/// <summary>
/// Plugins as an operator installs them: the test plugin (built with these tests) copied into &lt;data&gt;/plugins
/// beside a broken one; an entity posts through the plugin's target while another keeps its built-in one.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class PluginCliTests : IDisposable
{
    private static readonly string BuiltPlugin = Path.Combine(AppContext.BaseDirectory, "test-plugins", "Connector.TestPlugin");

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RunOnce_EntityTargetingAPlugin_PostsThroughItWhileABrokenPluginIsSkipped()
    {
        var mappings = Path.Combine(_data.Path, "mappings");
        MappingsCopy.Copy(mappings, yaml => yaml.Replace("type: oracle-fbdi", "type: test-folder\n  options:\n    folder: kept", StringComparison.Ordinal), "fr-dupont");
        MappingsCopy.Copy(mappings, yaml => yaml, "us-acme");
        InstallPlugin("good");
        InstallPlugin("broken", m => { m["name"] = "broken"; m["entry_type"] = "Connector.TestPlugin.ThrowingTargetFactory"; });
        Directory.CreateDirectory(Path.Combine(_data.Path, "kept"));
        Drop("fr-dupont", "FR01", "FACTURES_20261102.csv");
        Drop("us-acme", "US01", "acme_ar_export_20261102.csv");

        var (code, output) = await Run("--mappings", mappings, "run", "--once");

        code.ShouldBe(0, output);
        var kept = Path.Combine(_data.Path, "kept", "FR01_INV_F26-004510.json");
        File.Exists(kept).ShouldBeTrue(output);
        var held = JsonDocument.Parse(await File.ReadAllTextAsync(kept)).RootElement;
        held.GetProperty("Number").GetString().ShouldBe("F26-004510");
        held.GetProperty("Currency").GetString().ShouldBe("EUR");
        Directory.GetFiles(Path.Combine(_data.Path, "outbox", "US01"), "*.zip").Length.ShouldBe(1);
    }

    [Fact]
    public async Task PluginsList_GoodAndBrokenPlugin_ShowsEachAndTheErrorExitOne()
    {
        InstallPlugin("good");
        InstallPlugin("wrong-contract", m => { m["name"] = "future"; m["contract_version"] = "2.0"; });

        var (code, output) = await Run("--mappings", PipelineHarness.RepositoryMappings, "plugins", "list");

        // Spectre wraps long lines at the console's width.
        output = Regex.Replace(output, @"\s+", " ");
        code.ShouldBe(1, output);
        output.ShouldContain("test-folder");
        output.ShouldContain("1.2.0");
        output.ShouldContain("target test-folder, master data");
        output.ShouldContain("not loaded");
        output.ShouldContain("plugin.json says it was built for contract 2.0, but this Connector's plugin contract is 1.1");
        output.ShouldContain("Keeps each invoice as a JSON file in a folder");
    }

    [Fact]
    public async Task PluginsList_PluginsOptionNamesAnEmptyFolder_NoPluginsExitZero()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data.Path, "elsewhere")).FullName;

        var (code, output) = await Run("--mappings", PipelineHarness.RepositoryMappings, "--plugins", folder, "plugins", "list");

        code.ShouldBe(0, output);
        output.ShouldContain("No plugins: the folder has no subfolders.");
    }

    private void InstallPlugin(string folder, Action<JsonObject>? manifest = null)
    {
        var target = Directory.CreateDirectory(Path.Combine(_data.Path, "plugins", folder)).FullName;
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
    }

    private void Drop(string entityFolder, string code, string sample)
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_data.Path, "inbox", code)).FullName;
        File.Copy(Path.Combine(PipelineHarness.RepositoryMappings, entityFolder, "samples", sample), Path.Combine(inbox, sample));
    }

    private async Task<(int Code, string Output)> Run(params string[] args)
    {
        var original = Console.Out;
        var originalAnsi = AnsiConsole.Console;
        using var output = new StringWriter();
        Console.SetOut(output);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            var code = await ConnectorCli.Build().Parse(["--data", _data.Path, .. args]).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            AnsiConsole.Console = originalAnsi;
        }
    }
}
