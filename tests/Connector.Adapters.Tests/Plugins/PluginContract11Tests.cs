using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Plugins;

namespace Connector.Adapters.Tests.Plugins;

/// <summary>Contract 1.1 adds receipts and open items; a plugin written for 1.0 still loads and posts invoices.</summary>
public sealed class PluginContract11Tests : IDisposable
{
    private readonly PluginFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task LoadInto_PluginDeclaringContract10_LoadsAndPostsInvoicesWithoutReceipts()
    {
        _plugins.Install("test-folder", m => m["contract_version"] = "1.0");
        var registry = TargetRegistry.WithBuiltIns();

        var plugin = PluginLoader.LoadInto(registry, _plugins.Root).ShouldHaveSingleItem();
        var entity = PluginLoaderTests.Entity("test-folder", _plugins.Work);
        var target = registry.Create(entity, PluginLoaderTests.Context());

        plugin.Error.ShouldBeNull();
        plugin.Manifest!.ContractVersion.ShouldBe("1.0");
        target.ShouldNotBeAssignableTo<IReceiptTarget>();
        target.ShouldNotBeAssignableTo<IOpenItemSource>();
        var posted = await target.ShouldBeAssignableTo<IPerInvoiceTarget>()!.PostAsync(entity,
            new PostableInvoice(1, "T01|INV-9", PluginLoaderTests.Invoice("INV-9", 10m)), CancellationToken.None);
        posted.Number.ShouldBe("INV-9");
    }

    [Fact]
    public void LoadInto_PluginDeclaringContract11_Loads()
    {
        _plugins.Install("test-folder", m => m["contract_version"] = "1.1");

        PluginLoader.LoadInto(TargetRegistry.WithBuiltIns(), _plugins.Root).ShouldHaveSingleItem().Loaded.ShouldBeTrue();
    }

    [Fact]
    public void ContractAssembly_Version11_AssemblyVersionKeepsMajorOnlySoA10BuildBinds()
    {
        PluginContract.Version.ShouldBe("1.1");
        PluginContract.Supports(1, 0).ShouldBeTrue();
        typeof(IReceiptTarget).Assembly.GetName().Version.ShouldBe(new Version(1, 0, 0, 0));
    }
}
