using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Mapping.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>Answers the emulator does not give: Retry-After as an HTTP date, an HTML 404, an unexpected status.</summary>
public sealed class OracleFusionRestRetryAfterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private WebApplication _server = null!;
    private int _status;
    private Action<HttpResponse> _answer = _ => { };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async context =>
        {
            context.Response.StatusCode = _status;
            _answer(context.Response);
            await context.Response.WriteAsync(_status == 404 ? "<html><body>Not Found</body></html>" : "unexpected");
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostAsync_RetryAfterAsHttpDate_IsMeasuredWithTheTargetsClock()
    {
        _status = 503;
        _answer = r => r.Headers.RetryAfter = Now.AddSeconds(90).ToString("R", CultureInfo.InvariantCulture);
        var (entity, target) = Target();
        using var _ = (IDisposable)target;

        var error = await Should.ThrowAsync<TransientTargetException>(() => target.PostAsync(entity, Invoice(entity, "10001"), CancellationToken.None));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(415)]
    public async Task PostAsync_StatusWithoutOraclesMessage_IsASetupFailure(int status)
    {
        _status = status;
        var (entity, target) = Target();
        using var _ = (IDisposable)target;

        var error = await Should.ThrowAsync<TargetSetupException>(() => target.PostAsync(entity, Invoice(entity, "10001"), CancellationToken.None));

        error.Message.ShouldContain(status.ToString(CultureInfo.InvariantCulture));
        error.Message.ShouldContain("check target.options.url");
    }

    private (EntityDefinition Entity, IPerInvoiceTarget Target) Target()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = _server.Urls.First(), ["user"] = "u", ["password"] = "p",
        };
        var entity = De(options);
        var context = new TargetContext(Path.GetTempPath(), new SecretSource(null, _ => null), new FixedClock(Now), NullLoggerFactory.Instance);
        return (entity, (IPerInvoiceTarget)TargetRegistry.WithBuiltIns().Create(entity, context));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
