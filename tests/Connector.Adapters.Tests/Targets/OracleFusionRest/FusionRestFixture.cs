using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Mapping.Entities;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>One Fusion emulator (default setup: the sample entities DE01, FR01, US01) per test class.</summary>
public sealed class FusionRestFixture : IAsyncLifetime
{
    /// <summary>The environment the targets' secret references read.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUSION_PASSWORD"] = EmulatorSetup.DefaultPassword,
        ["FUSION_TOKEN"] = EmulatorSetup.DefaultBearerToken,
        ["WRONG_PASSWORD"] = "Sup3r-Secret-Wrong",
    };

    public FusionEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>A target built by the registry from the entity's options, as the host builds it.</summary>
    public static OracleFusionRestTargetHandle Create(EntityDefinition entity)
    {
        var context = new TargetContext(Path.GetTempPath(), new SecretSource(null, name => Environment.GetValueOrDefault(name)),
            TimeProvider.System, NullLoggerFactory.Instance);
        var target = TargetRegistry.WithBuiltIns().Create(entity, context);
        return new OracleFusionRestTargetHandle((IPerInvoiceTarget)target);
    }

    /// <summary>Options for Basic authentication against this emulator, overridden by <paramref name="extra"/>.</summary>
    public Dictionary<string, string> Options(params (string Name, string Value)[] extra)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = Emulator.BaseAddress.ToString(),
            ["user"] = EmulatorSetup.DefaultUser,
            ["password"] = "${env:FUSION_PASSWORD}",
        };
        foreach (var (name, value) in extra)
        {
            options[name] = value;
        }

        return options;
    }
}

/// <summary>A target and its disposal (the target owns an HttpClient).</summary>
public sealed class OracleFusionRestTargetHandle(IPerInvoiceTarget target) : IDisposable
{
    public IPerInvoiceTarget Target { get; } = target;

    public void Dispose() => (Target as IDisposable)?.Dispose();
}
