using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Host.Tests.Posting;

/// <summary>
/// The repository's sample entities, their target switched to Oracle Fusion (REST, or FBDI through erpintegrations)
/// at the emulator, run end to end on their sample files: every invoice that is Ready ends Confirmed and in Oracle
/// once, with its lines and amount, also when the emulator injects each kind of fault.
/// </summary>
public sealed class SampleEntitiesIntoFusionTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _mappings = new();
    private FusionEmulator _oracle = null!;
    private PipelineHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default);
    }

    private void UseTarget(string type)
    {
        MappingsCopy.Copy(_mappings.Path, yaml => Regex.Replace(yaml, "^  type: oracle-fbdi$", $"  type: {type}\n  options:\n    url: {_oracle.BaseAddress}\n    user: {EmulatorSetup.DefaultUser}\n    password: ${{env:ORACLE_PASSWORD}}", RegexOptions.Multiline));
        _harness = new PipelineHarness(_mappings.Path)
        {
            ExportOptions = new ExportOptions
            {
                Resilience = new() { RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 4, AttemptTimeout = TimeSpan.FromSeconds(2), Concurrency = 4, ConfirmPollInterval = TimeSpan.FromMilliseconds(20) },
            },
        };
    }

    [Theory]
    [InlineData("oracle-fusion-rest", "DE01")]
    [InlineData("oracle-fusion-rest", "FR01")]
    [InlineData("oracle-fusion-rest", "US01")]
    [InlineData("oracle-fusion-fbdi", "DE01")]
    [InlineData("oracle-fusion-fbdi", "FR01")]
    [InlineData("oracle-fusion-fbdi", "US01")]
    public async Task SampleFiles_EveryReadyInvoiceConfirmedAndInOracleOnce(string type, string code)
    {
        UseTarget(type);
        var records = await RunSamplesAsync(code);

        var confirmed = records.Where(r => r.State == RecordState.Confirmed).ToList();
        confirmed.ShouldNotBeEmpty();
        records.ShouldNotContain(r => r.State == RecordState.Posting || r.State == RecordState.Posted || r.State == RecordState.Ready);
        _harness.Store.ListExceptions(code, true, 1000).Where(e => e.Code.StartsWith("TARGET", StringComparison.Ordinal)).Select(e => e.Message).ShouldBeEmpty();
        AssertOracleHoldsExactly(code, confirmed);
    }

    [Theory]
    [InlineData("oracle-fusion-rest", FaultKind.TooManyRequests)]
    [InlineData("oracle-fusion-rest", FaultKind.ServiceUnavailable)]
    [InlineData("oracle-fusion-rest", FaultKind.InternalServerError)]
    [InlineData("oracle-fusion-rest", FaultKind.DropConnection)]
    [InlineData("oracle-fusion-rest", FaultKind.Timeout)]
    [InlineData("oracle-fusion-rest", FaultKind.CommittedResponseLost)]
    [InlineData("oracle-fusion-fbdi", FaultKind.TooManyRequests)]
    [InlineData("oracle-fusion-fbdi", FaultKind.ServiceUnavailable)]
    [InlineData("oracle-fusion-fbdi", FaultKind.DropConnection)]
    [InlineData("oracle-fusion-fbdi", FaultKind.Timeout)]
    [InlineData("oracle-fusion-fbdi", FaultKind.CommittedResponseLost)]
    public async Task SampleFiles_WithFaults_NothingMissingNothingTwice(string type, FaultKind kind)
    {
        UseTarget(type);
        var path = type == "oracle-fusion-rest" ? FusionEmulator.InvoicesPath : FusionEmulator.ErpIntegrationsPath;
        _oracle.Faults.Add(new FaultRule(kind, "POST", path, type == "oracle-fusion-rest" ? 3 : 1) { RetryAfter = TimeSpan.FromMilliseconds(20) });

        var records = await RunSamplesAsync("US01");

        var confirmed = records.Where(r => r.State == RecordState.Confirmed).ToList();
        confirmed.ShouldNotBeEmpty();
        records.ShouldNotContain(r => r.State == RecordState.Posting);
        AssertOracleHoldsExactly("US01", confirmed);
    }

    public async Task DisposeAsync() => await _oracle.DisposeAsync();

    public void Dispose()
    {
        _harness?.Dispose();
        _mappings.Dispose();
    }

    private async Task<IReadOnlyList<RecordInfo>> RunSamplesAsync(string code)
    {
        var entity = _harness.Entity(code);
        SampleSeeder.Seed([entity], _harness.Paths);
        var secrets = new SecretSource(null, name => name == "ORACLE_PASSWORD" ? EmulatorSetup.DefaultPassword : null);
        var target = TargetRegistry.WithBuiltIns().Create(entity.Definition, new TargetContext(_harness.Paths.DataDirectory, secrets, TimeProvider.System, NullLoggerFactory.Instance));
        try
        {
            var run = await _harness.Runner().RunAsync(entity, target, new RunRequest("test"), null, CancellationToken.None);
            run.Export!.End.ShouldBe(ExportEnd.Done);
            return _harness.Store.RecordsOfRun(run.RunId);
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    private void AssertOracleHoldsExactly(string code, IReadOnlyList<RecordInfo> confirmed)
    {
        var bu = _harness.Entity(code).Definition.Target.BusinessUnit;
        var inOracle = _oracle.Invoices.Where(i => i.BusinessUnit == bu).ToList();
        inOracle.Count.ShouldBe(confirmed.Count);
        inOracle.Select(i => i.TransactionNumber).ShouldBeUnique();
        foreach (var record in confirmed)
        {
            var invoice = inOracle.Single(i => i.TransactionNumber == record.Number);
            record.Erp!.Id.ShouldBe(invoice.CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            invoice.Lines.Count.ShouldBe(record.LineCount);
            invoice.TotalAmount.ShouldBe(record.NetAmount, $"invoice {record.Number}");
            invoice.Attribute("BillToCustomerNumber").ShouldBe(record.Invoice.ResolvedCustomer!.AccountNumber);
        }
    }
}
