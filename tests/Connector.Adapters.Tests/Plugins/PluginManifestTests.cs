using Connector.Adapters.Abstractions;
using Connector.Adapters.Plugins;

namespace Connector.Adapters.Tests.Plugins;

public sealed class PluginManifestTests
{
    private const string Valid = """
        {
          // comments are allowed
          "name": "tryton",
          "version": "0.3.1",
          "contract_version": "1.0",
          "assembly": "Connector.Plugins.Tryton.dll",
          "entry_type": "Connector.Plugins.Tryton.TrytonTargetFactory",
          "description": "Tryton 6.0 through JSON-RPC",
        }
        """;

    [Fact]
    public void Parse_ValidManifest_ReadsEveryKey()
    {
        var (manifest, error) = PluginManifest.Parse(Valid);

        error.ShouldBeNull();
        manifest.ShouldBe(new PluginManifest("tryton", "0.3.1", "1.0", "Connector.Plugins.Tryton.dll", "Connector.Plugins.Tryton.TrytonTargetFactory", "Tryton 6.0 through JSON-RPC"));
    }

    [Fact]
    public void Parse_NotAnObject_SaysWhatItMustHold()
    {
        PluginManifest.Parse("[1]").Error.ShouldStartWith("plugin.json must hold one JSON object with the keys name, version");
    }

    [Fact]
    public void Parse_KeyNotAString_NamesKeyAndKind()
    {
        PluginManifest.Parse(Valid.Replace("\"1.0\"", "1.0", StringComparison.Ordinal)).Error.ShouldBe("plugin.json: 'contract_version' must be a string, not number.");
    }

    [Fact]
    public void Parse_NameWithSpace_Refused()
    {
        PluginManifest.Parse(Valid.Replace("\"tryton\"", "\"try ton\"", StringComparison.Ordinal)).Error.ShouldBe("plugin.json: 'name' 'try ton' may hold only letters, digits, '-', '_' and '.'.");
    }

    [Fact]
    public void Parse_SeveralKeysMissing_NamesEach()
    {
        PluginManifest.Parse("{\"name\": \"x\", \"version\": \"1\"}").Error.ShouldBe("plugin.json: 'contract_version', 'assembly', 'entry_type' are missing or empty.");
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 0, false)]
    [InlineData(0, 9, false)]
    public void Supports_MajorMustMatchMinorNotAboveHost(int major, int minor, bool supported)
    {
        PluginContract.Supports(major, minor).ShouldBe(supported);
    }

    [Fact]
    public void ContractAssembly_StampedWithItsVersion()
    {
        var stamp = typeof(ITargetFactory).Assembly.GetCustomAttributes(typeof(ContractVersionAttribute), false).Cast<ContractVersionAttribute>().ShouldHaveSingleItem();

        stamp.ToString().ShouldBe(PluginContract.Version);
        typeof(ITargetFactory).Assembly.GetName().Name.ShouldBe("Connector.Contracts");
        typeof(ITargetFactory).Assembly.GetName().Version!.Major.ShouldBe(PluginContract.Major);
    }
}
