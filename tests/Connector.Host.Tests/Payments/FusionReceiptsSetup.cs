using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Host.Pipeline;
using Connector.Host.Tests.Pipeline;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Payments;

/// <summary>A sample entity copied with its target switched to Oracle Fusion REST at the emulator, receipts by the given method.</summary>
internal static class FusionReceiptsSetup
{
    public static (PipelineHarness Harness, IInvoiceTarget Target) Start(FusionEmulator oracle, string mappings, string folder, string entity, string receiptMethod, TimeSpan attemptTimeout)
    {
        MappingsCopy.Copy(
            mappings,
            yaml => Regex.Replace(yaml, "^  type: oracle-fbdi$", $"  type: oracle-fusion-rest\n  options:\n    url: {oracle.BaseAddress}\n    user: {EmulatorSetup.DefaultUser}\n    password: ${{env:ORACLE_PASSWORD}}\n    receipt_method: {receiptMethod}", RegexOptions.Multiline),
            folder);
        var harness = new PipelineHarness(mappings)
        {
            ExportOptions = new ExportOptions
            {
                Resilience = new() { RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 4, AttemptTimeout = attemptTimeout, Concurrency = 4 },
            },
        };
        var secrets = new SecretSource(null, name => name == "ORACLE_PASSWORD" ? EmulatorSetup.DefaultPassword : null);
        var target = TargetRegistry.WithBuiltIns().Create(harness.Entity(entity).Definition, new TargetContext(harness.Paths.DataDirectory, secrets, TimeProvider.System, NullLoggerFactory.Instance));
        harness.Target = target;
        return (harness, target);
    }
}
