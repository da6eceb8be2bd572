using Connector.Adapters.Plugins;

namespace Connector.Adapters.Tests.Plugins;

/// <summary>Each way a plugin folder can be wrong gives a start-up error naming the plugin and what is wrong.</summary>
public sealed class PluginLoadErrorTests : IDisposable
{
    private readonly PluginFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void LoadOne_NoManifest_ErrorNamesTheFolderAndTheFile()
    {
        var folder = _plugins.Install("acme-erp");
        File.Delete(Path.Combine(folder, "plugin.json"));

        PluginLoader.LoadOne(folder).Error.ShouldBe($"Plugin 'acme-erp' ({folder}): no plugin.json in the folder; every plugin folder needs one (docs/plugins.md).");
    }

    [Fact]
    public void LoadOne_ManifestNotJson_ErrorSaysWhereItBreaks()
    {
        var folder = _plugins.Install("acme-erp");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{ \"name\": \"acme\",\n  \"version\": 1.0.0 }");

        var error = PluginLoader.LoadOne(folder).Error!;

        error.ShouldStartWith($"Plugin 'acme-erp' ({folder}): plugin.json is not valid JSON:");
        error.ShouldContain("LineNumber: 1");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    [InlineData("contract_version")]
    [InlineData("assembly")]
    [InlineData("entry_type")]
    public void LoadOne_ManifestKeyMissing_ErrorNamesTheKey(string key)
    {
        var folder = _plugins.Install("acme-erp", m => m.Remove(key));

        PluginLoader.LoadOne(folder).Error.ShouldEndWith($"): plugin.json: '{key}' is missing or empty.");
    }

    [Fact]
    public void LoadOne_ManifestUnknownKey_ErrorNamesIt()
    {
        var folder = _plugins.Install("acme-erp", m => m["entrytype"] = "X");

        PluginLoader.LoadOne(folder).Error!.ShouldContain("plugin.json: key 'entrytype' is not known. Keys: name, version, contract_version, assembly, entry_type, description.");
    }

    [Fact]
    public void LoadOne_ContractVersionNotANumber_ErrorShowsValueAndHostVersion()
    {
        var folder = _plugins.Install("acme-erp", m => m["contract_version"] = "v1");

        PluginLoader.LoadOne(folder).Error!.ShouldContain("plugin.json: 'contract_version' 'v1' is not major.minor (this Connector's is 1.1).");
    }

    [Theory]
    [InlineData("2.0", "Upgrade the Connector")]
    [InlineData("1.2", "Rebuild the plugin")]
    [InlineData("0.9", "Rebuild the plugin")]
    public void LoadOne_OtherContractVersion_ErrorGivesBothVersions(string version, string advice)
    {
        var folder = _plugins.Install("acme-erp", m => m["contract_version"] = version);

        var plugin = PluginLoader.LoadOne(folder);

        plugin.Loaded.ShouldBeFalse();
        plugin.Error.ShouldStartWith($"Plugin 'test-folder' ({folder}): plugin.json says it was built for contract {version}, but this Connector's plugin contract is 1.1 (a plugin needs major 1 and minor 1 or lower).");
        plugin.Error!.ShouldContain(advice);
    }

    [Fact]
    public void LoadOne_AssemblyNotInFolder_ErrorNamesTheFile()
    {
        var folder = _plugins.Install("acme-erp");
        File.Delete(Path.Combine(folder, "Connector.TestPlugin.dll"));

        PluginLoader.LoadOne(folder).Error.ShouldEndWith("): its assembly 'Connector.TestPlugin.dll' (named in plugin.json) is not in the folder.");
    }

    [Fact]
    public void LoadOne_AssemblyWithAPath_Refused()
    {
        var folder = _plugins.Install("acme-erp", m => m["assembly"] = "../other/Connector.TestPlugin.dll");

        PluginLoader.LoadOne(folder).Error!.ShouldContain("'assembly' '../other/Connector.TestPlugin.dll' must be the file name of a .dll in the plugin's folder");
    }

    [Fact]
    public void LoadOne_AssemblyNotDotNet_ErrorSaysSo()
    {
        var folder = _plugins.Install("acme-erp");
        File.WriteAllText(Path.Combine(folder, "Connector.TestPlugin.dll"), "not an assembly");

        PluginLoader.LoadOne(folder).Error!.ShouldContain("'Connector.TestPlugin.dll' is not a .NET assembly this Connector can load");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LoadOne_DependencyDllMissing_ErrorNamesTheAssemblyAndWhoNeedsIt(bool withDepsJson)
    {
        var folder = _plugins.Install("acme-erp");
        File.Delete(Path.Combine(folder, "Connector.TestPlugin.Helper.dll"));
        if (!withDepsJson)
        {
            File.Delete(Path.Combine(folder, "Connector.TestPlugin.deps.json"));
        }

        var error = PluginLoader.LoadOne(folder).Error!;

        error.ShouldStartWith($"Plugin 'test-folder' ({folder}): its dependency Connector.TestPlugin.Helper, Version=");
        error.ShouldContain("(Connector.TestPlugin.Helper.dll), needed by Connector.TestPlugin.dll, is neither in the plugin's folder nor shared by the Connector.");
    }

    [Fact]
    public void LoadOne_DepsJsonBroken_ErrorNamesIt()
    {
        var folder = _plugins.Install("acme-erp");
        File.WriteAllText(Path.Combine(folder, "Connector.TestPlugin.deps.json"), "{ not json");

        PluginLoader.LoadOne(folder).Error!.ShouldContain("): its Connector.TestPlugin.deps.json cannot be used:");
    }

    [Fact]
    public void LoadOne_EntryTypeAbsent_ErrorListsTheFactoriesTheAssemblyHas()
    {
        var folder = _plugins.Install("acme-erp", m => m["entry_type"] = "Connector.TestPlugin.TrytonFactory");

        PluginLoader.LoadOne(folder).Error.ShouldEndWith(
            "): entry_type 'Connector.TestPlugin.TrytonFactory' is not a type of 'Connector.TestPlugin.dll'. Its ITargetFactory types: Connector.TestPlugin.FolderTargetFactory, Connector.TestPlugin.ThrowingTargetFactory.");
    }

    [Fact]
    public void LoadOne_EntryTypeNotAFactory_ErrorSaysWhatItMustImplement()
    {
        var folder = _plugins.Install("acme-erp", m => m["entry_type"] = "Connector.TestPlugin.NotAFactory");

        PluginLoader.LoadOne(folder).Error.ShouldEndWith("): entry_type 'Connector.TestPlugin.NotAFactory' does not implement Connector.Adapters.Abstractions.ITargetFactory (contract 1.1).");
    }

    [Fact]
    public void LoadOne_ConstructorThrows_ErrorCarriesItsMessage()
    {
        var folder = _plugins.Install("acme-erp", m => m["entry_type"] = "Connector.TestPlugin.ThrowingTargetFactory");

        PluginLoader.LoadOne(folder).Error.ShouldBe(
            $"Plugin 'test-folder' ({folder}): the constructor of 'Connector.TestPlugin.ThrowingTargetFactory' threw InvalidOperationException: the test plugin's licence file is missing");
    }
}
