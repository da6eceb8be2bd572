using System.Diagnostics;
using System.Net;

namespace Connector.OracleEmulator.Tests;

public sealed class EmulatorLifecycleTests
{
    [Fact]
    public async Task StartAsync_TwoEmulators_GetTheirOwnPortsAndState()
    {
        await using var first = await FusionEmulator.StartAsync(EmulatorSetup.Default);
        await using var second = await FusionEmulator.StartAsync(EmulatorSetup.Default);

        first.BaseAddress.Host.ShouldBe("127.0.0.1");
        first.BaseAddress.Port.ShouldNotBe(second.BaseAddress.Port);
        first.Faults.ShouldNotBeSameAs(second.Faults);
    }

    [Fact]
    public async Task DisposeAsync_WithARequestHangingOnATimeoutFault_StopsPromptlyAndFailsTheRequest()
    {
        var emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default);
        emulator.Faults.Timeout("GET", FusionEmulator.InvoicesPath);
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var hanging = client.GetAsync(FusionEmulator.InvoicesPath);
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        await Should.ThrowAsync<HttpRequestException>(() => hanging);
    }

    [Fact]
    public async Task DisposeAsync_StopsListening()
    {
        var emulator = await FusionEmulator.StartAsync(EmulatorSetup.Default);
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        (await client.GetAsync(FusionEmulator.InvoicesPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await emulator.DisposeAsync();

        using var fresh = new HttpClient { BaseAddress = emulator.BaseAddress };
        await Should.ThrowAsync<HttpRequestException>(() => fresh.GetAsync(FusionEmulator.InvoicesPath));
    }
}
