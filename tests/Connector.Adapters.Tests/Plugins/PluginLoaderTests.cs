using System.Runtime.Loader;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Plugins;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly PluginFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task LoadInto_PublishedPlugin_AnEntityNamingItsTypePostsThroughIt()
    {
        var installed = _plugins.Install("test-folder");
        var registry = TargetRegistry.WithBuiltIns();
        var outbox = _plugins.Work;

        var plugin = PluginLoader.LoadInto(registry, _plugins.Root).ShouldHaveSingleItem();

        plugin.Error.ShouldBeNull();
        plugin.Loaded.ShouldBeTrue();
        plugin.Name.ShouldBe("test-folder");
        plugin.Manifest!.Version.ShouldBe("1.2.0");
        plugin.Folder.ShouldBe(installed);
        plugin.Provides.ShouldBe(["target test-folder", "master data"]);
        registry.Types.ShouldContain("test-folder");
        registry.Types.ShouldContain("oracle-fbdi");

        var entity = Entity("test-folder", outbox);
        var target = registry.Create(entity, Context()).ShouldBeAssignableTo<IPerInvoiceTarget>()!;
        var invoice = new PostableInvoice(7, "T01|INV-1", Invoice("INV-1", 120.50m));
        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);
        var found = await target.FindAsync(entity, invoice, CancellationToken.None);

        posted.ShouldBe(new ErpInvoice("T01|INV-1", "INV-1", 120.50m, "EUR", "kept"));
        found.ShouldBe(posted);
        File.Exists(Path.Combine(outbox, "T01_INV-1.json")).ShouldBeTrue();
        (await target.CheckAsync(entity, CancellationToken.None)).ShouldAllBe(c => c.Ok);
    }

    [Fact]
    public void LoadInto_PublishedPlugin_OwnAssembliesInItsContextContractSharedWithTheHost()
    {
        var installed = _plugins.Install("test-folder");

        var plugin = PluginLoader.LoadInto(TargetRegistry.WithBuiltIns(), _plugins.Root).ShouldHaveSingleItem();

        var context = AssemblyLoadContext.GetLoadContext(plugin.Factory!.GetType().Assembly)!;
        context.ShouldNotBe(AssemblyLoadContext.Default);
        context.Name.ShouldBe("plugin:test-folder");
        context.IsCollectible.ShouldBeFalse();
        context.Assemblies.Select(a => a.GetName().Name).ShouldBe(["Connector.TestPlugin", "Connector.TestPlugin.Helper"], ignoreOrder: true);
        context.Assemblies.ShouldAllBe(a => a.Location.StartsWith(installed, StringComparison.Ordinal));
        context.Assemblies.ShouldNotContain(a => a.GetName().Name == "Connector.Mapping" || a.GetName().Name == "Connector.Contracts");
    }

    [Fact]
    public async Task LoadInto_EntryTypeProvidesMasterData_CustomersComeFromThePlugin()
    {
        _plugins.Install("test-folder");
        var folder = _plugins.Work;
        await File.WriteAllLinesAsync(Path.Combine(folder, "customers.txt"), ["C-100|Acme SARL|FR12345678901", "C-200|Globex Inc|"]);

        var plugin = PluginLoader.LoadInto(TargetRegistry.WithBuiltIns(), _plugins.Root).ShouldHaveSingleItem();
        var customers = await plugin.MasterData!.LoadAsync(Entity("test-folder", folder), CancellationToken.None);

        customers.Select(c => (c.AccountNumber, c.Name)).ShouldBe([("C-100", "Acme SARL"), ("C-200", "Globex Inc")]);
        customers[0].TaxIds.ShouldBe(["FR12345678901"]);
        customers[1].TaxIds.ShouldBeEmpty();
    }

    [Fact]
    public void LoadInto_OneBrokenPlugin_TheOthersLoadAndItsTypeIsUnknownToEntities()
    {
        _plugins.Install("a-broken", m => { m["name"] = "broken"; m["entry_type"] = "Connector.TestPlugin.ThrowingTargetFactory"; });
        _plugins.Install("b-good");
        var registry = TargetRegistry.WithBuiltIns();
        var folder = _plugins.Work;

        var plugins = PluginLoader.LoadInto(registry, _plugins.Root);

        plugins.Select(p => (p.Name, p.Loaded)).ShouldBe([("broken", false), ("test-folder", true)]);
        registry.Create(Entity("test-folder", folder), Context()).Type.ShouldBe("test-folder");
        registry.Create(Entity("oracle-fbdi", null), Context()).Type.ShouldBe("oracle-fbdi");
        var e = Should.Throw<TargetSetupException>(() => registry.Create(Entity("test-throwing", folder), Context()));
        e.Message.ShouldContain("target.type 'test-throwing' is not known");
    }

    [Fact]
    public void LoadInto_SecondPluginWithTheSameTargetType_RefusedNamingTheFirst()
    {
        _plugins.Install("a", m => m["name"] = "first");
        _plugins.Install("b", m => m["name"] = "second");

        var plugins = PluginLoader.LoadInto(TargetRegistry.WithBuiltIns(), _plugins.Root);

        plugins[0].Loaded.ShouldBeTrue();
        plugins[1].Loaded.ShouldBeFalse();
        plugins[1].Error!.ShouldContain("Plugin 'second'");
        plugins[1].Error!.ShouldContain("target type 'test-folder' is already provided by plugin 'first'");
    }

    [Fact]
    public void Load_TwoFoldersWithTheSameName_SecondRefused()
    {
        _plugins.Install("a");
        var second = _plugins.Install("b");

        var plugins = PluginLoader.Load(_plugins.Root);

        plugins[1].Error.ShouldBe($"Plugin 'test-folder' ({second}): the plugin in {plugins[0].Folder} has the same name; remove one of them.");
    }

    [Fact]
    public void Load_NoPluginsFolder_NothingLoadedNoError()
    {
        PluginLoader.Load(Path.Combine(_plugins.Root, "absent")).ShouldBeEmpty();
    }

    internal static TargetContext Context() => new(Path.GetTempPath(), new SecretSource(null, _ => null), TimeProvider.System, NullLoggerFactory.Instance);

    internal static EntityDefinition Entity(string type, string? folder) => new()
    {
        Code = "T01",
        Name = "Test",
        Currency = "EUR",
        Country = "FR",
        Directory = Path.GetTempPath(),
        MasterData = "customers.csv",
        Target = new TargetDefinition
        {
            Type = type,
            BusinessUnit = "BU",
            TransactionSource = "SRC",
            TransactionType = "Invoice",
            CreditMemoType = "Credit Memo",
            DefaultTerms = "30 NET",
            Options = folder is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["folder"] = folder },
        },
    };

    internal static Invoice Invoice(string number, decimal amount) => new()
    {
        EntityCode = "T01",
        Number = number,
        Currency = "EUR",
        Lines = [new InvoiceLine { LineNumber = 1, Description = "Service", Quantity = 1, UnitPrice = amount, Amount = amount }],
        Source = new SourceLocation("test.csv", 2),
    };
}
