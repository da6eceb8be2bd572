using Connector.Mapping.Entities;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

public sealed class OracleFusionRestConcurrencyTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>, IDisposable
{
    public void Dispose() => fixture.Emulator.Faults.Clear();

    [Fact]
    public async Task PostAsync_InParallel_UsesTheConcurrencyAndPostsEachInvoiceOnce()
    {
        var de = De(fixture.Options());
        var entity = de with { Target = de.Target with { Resilience = new ResilienceDefinition { Concurrency = 8 } } };
        using var handle = FusionRestFixture.Create(entity);
        var invoices = Enumerable.Range(0, 32).Select(_ => Invoice(entity, "10007")).ToList();
        fixture.Emulator.Faults.Latency("POST", FusionEmulator.InvoicesPath, TimeSpan.FromMilliseconds(100), count: invoices.Count);
        fixture.Emulator.Faults.ResetInFlight();

        var created = await Task.WhenAll(invoices.Select(i => handle.Target.PostAsync(entity, i, CancellationToken.None)));

        created.Select(c => c.ErpId).Distinct(StringComparer.Ordinal).Count().ShouldBe(32);
        foreach (var invoice in invoices)
        {
            fixture.Emulator.Invoices.Count(i => i.TransactionNumber == invoice.Invoice.Number).ShouldBe(1);
        }

        // The calls overlapped (more than one at once), up to the target's connection limit and no further.
        fixture.Emulator.Faults.MaxInFlight.ShouldBeGreaterThan(1);
        fixture.Emulator.Faults.MaxInFlight.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task PostAsync_InParallel_NeverHasMoreCallsInFlightThanTheConcurrency()
    {
        var de = De(fixture.Options());
        var entity = de with { Target = de.Target with { Resilience = new ResilienceDefinition { Concurrency = 2 } } };
        using var handle = FusionRestFixture.Create(entity);
        var invoices = Enumerable.Range(0, 8).Select(_ => Invoice(entity, "10008")).ToList();
        fixture.Emulator.Faults.Latency("POST", FusionEmulator.InvoicesPath, TimeSpan.FromMilliseconds(100), count: invoices.Count);
        fixture.Emulator.Faults.ResetInFlight();

        await Task.WhenAll(invoices.Select(i => handle.Target.PostAsync(entity, i, CancellationToken.None)));

        // Two connections at most, though eight calls were waiting.
        fixture.Emulator.Faults.MaxInFlight.ShouldBe(2);
    }

    [Fact]
    public async Task PostAsync_SameInvoiceTwiceAtOnce_BothGetTheOneOracleCreated()
    {
        var entity = Fr(fixture.Options());
        using var first = FusionRestFixture.Create(entity);
        using var second = FusionRestFixture.Create(entity);
        var postable = Invoice(entity, "C10004");

        var results = await Task.WhenAll(
            first.Target.PostAsync(entity, postable, CancellationToken.None),
            second.Target.PostAsync(entity, postable, CancellationToken.None));

        results[1].ShouldBe(results[0]);
        fixture.Emulator.Invoices.Count(i => i.TransactionNumber == postable.Invoice.Number).ShouldBe(1);
    }
}
