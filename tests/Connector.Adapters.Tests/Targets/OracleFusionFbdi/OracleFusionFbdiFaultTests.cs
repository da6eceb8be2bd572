using Connector.Adapters.Abstractions;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionFbdi.FusionFbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionFbdi;

/// <summary>Each test starts its own emulator, so that its faults and its invoices are its own.</summary>
public sealed class OracleFusionFbdiFaultTests : IAsyncLifetime
{
    private const string Erp = FusionEmulator.ErpIntegrationsPath;
    private FusionEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Submit_429WithRetryAfter_TransientWithThatDelay()
    {
        _emulator.Faults.TooManyRequests("POST", Erp, TimeSpan.FromSeconds(7));

        var e = await SubmitFailsAsync<TransientTargetException>();

        e.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        e.Message.ShouldContain("HTTP 429");
    }

    [Fact]
    public async Task Submit_503_Transient()
    {
        _emulator.Faults.ServiceUnavailable("POST", Erp, TimeSpan.FromSeconds(2));

        var e = await SubmitFailsAsync<TransientTargetException>();

        e.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Submit_DroppedConnection_Transient()
    {
        _emulator.Faults.DropConnection("POST", Erp);

        await SubmitFailsAsync<TransientTargetException>();

        _emulator.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public async Task Submit_NoAnswerWithinTheTimeout_Transient()
    {
        _emulator.Faults.Timeout("POST", Erp);
        var options = new Dictionary<string, string>(Entity(_emulator).Target.Options, StringComparer.OrdinalIgnoreCase) { ["timeout"] = "1" };

        var e = await SubmitFailsAsync<TransientTargetException>(Entity(_emulator, options: options));

        e.Message.ShouldContain("within 1 s");
    }

    [Fact]
    public async Task Submit_WrongPassword_SetupFailureWithoutThePassword()
    {
        var e = await SubmitFailsAsync<TargetSetupException>(password: "Wr0ng-Secret");

        e.Message.ShouldContain("HTTP 401");
        e.Message.ShouldContain("user 'connector'");
        e.ToString().ShouldNotContain("Wr0ng-Secret");
    }

    [Fact]
    public async Task Confirm_StatusPoll503_Transient()
    {
        var entity = Entity(_emulator);
        var target = Target(entity);
        var batch = Batch(entity, Invoice(NewNumber()));
        var submission = await target.SubmitAsync(batch, CancellationToken.None);
        _emulator.Faults.ServiceUnavailable("GET", Erp, TimeSpan.FromSeconds(1));

        await Should.ThrowAsync<TransientTargetException>(() => target.ConfirmAsync(batch, submission, CancellationToken.None));

        (await target.ConfirmAsync(batch, submission)).Outcomes.Single().Accepted.ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_CommittedButResponseLost_ResubmittingConfirmsEveryInvoiceOnce()
    {
        var entity = Entity(_emulator);
        var target = Target(entity);
        var batch = Batch(entity, Invoice(NewNumber()), Invoice(NewNumber()), Invoice(NewNumber()));
        _emulator.Faults.CommittedResponseLost("POST", Erp);

        var lost = await Should.ThrowAsync<TransientTargetException>(() => target.SubmitAsync(batch, CancellationToken.None));
        var found = await target.FindSubmissionAsync(batch, CancellationToken.None);
        var done = await target.ConfirmAsync(batch, await target.SubmitAsync(batch, CancellationToken.None));

        lost.ShouldNotBeNull();
        found.ShouldBeNull();
        done.Outcomes.Count.ShouldBe(3);
        done.Outcomes.ShouldAllBe(o => o.Accepted);
        _emulator.Invoices.Count.ShouldBe(3);
        _emulator.Invoices.Select(i => i.TransactionNumber).ShouldBe(batch.Invoices.Select(p => p.Invoice.Number), ignoreOrder: true);
        done.Outcomes.Select(o => o.Created!.ErpId).ShouldBe(
            batch.Invoices.Select(p => _emulator.Invoices.Single(i => i.TransactionNumber == p.Invoice.Number).CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<T> SubmitFailsAsync<T>(Mapping.Entities.EntityDefinition? entity = null, string password = EmulatorSetup.DefaultPassword)
        where T : TargetException
    {
        entity ??= Entity(_emulator);
        var e = await Should.ThrowAsync<T>(() => Target(entity, password).SubmitAsync(Batch(entity, Invoice(NewNumber())), CancellationToken.None));
        e.ToString().ShouldNotContain(EmulatorSetup.DefaultPassword);
        return e;
    }
}
