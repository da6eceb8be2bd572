using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

public sealed class OracleFusionRestFaultTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>, IDisposable
{
    private readonly EmulatorFaults _faults = fixture.Emulator.Faults;

    public void Dispose() => _faults.Clear();

    [Fact]
    public async Task PostAsync_TooManyRequests_IsTransientWithRetryAfterAndStoresNothing()
    {
        var (entity, handle) = Target();
        using var _ = handle;
        var postable = Invoice(entity, "10001");
        _faults.TooManyRequests("POST", FusionEmulator.InvoicesPath, TimeSpan.FromSeconds(7));

        var error = await Should.ThrowAsync<TransientTargetException>(() => handle.Target.PostAsync(entity, postable, CancellationToken.None));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        error.Message.ShouldContain("429");
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == postable.Invoice.Number);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable, 2)]
    [InlineData(FaultKind.InternalServerError, null)]
    public async Task PostAsync_ServerError_IsTransient(FaultKind kind, int? retryAfterSeconds)
    {
        var (entity, handle) = Target();
        using var _ = handle;
        _faults.Add(new FaultRule(kind, "POST", FusionEmulator.InvoicesPath, 1) { RetryAfter = TimeSpan.FromSeconds(2) });

        var error = await Should.ThrowAsync<TransientTargetException>(
            () => handle.Target.PostAsync(entity, Invoice(entity, "10001"), CancellationToken.None));

        error.RetryAfter.ShouldBe(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    [Fact]
    public async Task PostAsync_DroppedConnection_IsTransientAndStoresNothing()
    {
        var (entity, handle) = Target();
        using var _ = handle;
        var postable = Invoice(entity, "10001");
        _faults.DropConnection("POST", FusionEmulator.InvoicesPath);

        await Should.ThrowAsync<TransientTargetException>(() => handle.Target.PostAsync(entity, postable, CancellationToken.None));

        (await handle.Target.FindAsync(entity, postable, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task PostAsync_NoAnswerWithinTheTimeout_IsTransient()
    {
        var (entity, handle) = Target(("timeout", "1"));
        using var _ = handle;
        _faults.Timeout("POST", FusionEmulator.InvoicesPath);

        var error = await Should.ThrowAsync<TransientTargetException>(
            () => handle.Target.PostAsync(entity, Invoice(entity, "10001"), CancellationToken.None));

        error.Message.ShouldContain("did not answer within 1 s");
    }

    [Fact]
    public async Task PostAsync_Cancelled_ThrowsOperationCanceled()
    {
        var (entity, handle) = Target();
        using var _ = handle;
        _faults.Latency("POST", FusionEmulator.InvoicesPath, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => handle.Target.PostAsync(entity, Invoice(entity, "10001"), cancel.Token));
    }

    [Fact]
    public async Task PostAsync_CommittedButResponseLost_IsTransientThenFoundAndRepostReturnsTheSameInvoice()
    {
        var (entity, handle) = Target();
        using var _ = handle;
        var postable = Invoice(entity, "10006");
        (await handle.Target.FindAsync(entity, postable, CancellationToken.None)).ShouldBeNull(); // the POST reuses this connection
        _faults.CommittedResponseLost("POST", FusionEmulator.InvoicesPath);

        await Should.ThrowAsync<TransientTargetException>(() => handle.Target.PostAsync(entity, postable, CancellationToken.None));
        var found = await handle.Target.FindAsync(entity, postable, CancellationToken.None);
        var reposted = await handle.Target.PostAsync(entity, postable, CancellationToken.None);

        var stored = fixture.Emulator.Invoices.Single(i => i.TransactionNumber == postable.Invoice.Number);
        found.ShouldNotBeNull().ErpId.ShouldBe(stored.CustomerTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        found.Amount.ShouldBe(postable.Invoice.NetTotal);
        reposted.ShouldBe(found);
    }

    [Fact]
    public async Task FindAsync_ServiceUnavailable_IsTransient()
    {
        var (entity, handle) = Target();
        using var _ = handle;
        _faults.ServiceUnavailable("GET", FusionEmulator.InvoicesPath, TimeSpan.FromSeconds(3));

        var error = await Should.ThrowAsync<TransientTargetException>(
            () => handle.Target.FindAsync(entity, Invoice(entity, "10001"), CancellationToken.None));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }

    private (EntityDefinition Entity, OracleFusionRestTargetHandle Handle) Target(params (string Name, string Value)[] options)
    {
        var entity = De(fixture.Options(options));
        return (entity, FusionRestFixture.Create(entity));
    }
}
