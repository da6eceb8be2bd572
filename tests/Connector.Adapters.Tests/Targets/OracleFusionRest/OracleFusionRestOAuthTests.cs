using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Mapping.Entities;
using Connector.OracleEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>OAuth 2.0 client credentials against the emulated identity domain: tokens fetched, reused, renewed.</summary>
public sealed class OracleFusionRestOAuthTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private FusionEmulator _oracle = null!;

    public async Task InitializeAsync()
        => _oracle = await FusionEmulator.StartAsync(EmulatorSetup.Default with { Clock = _clock, OAuthTokenLifetime = TimeSpan.FromMinutes(10) });

    public async Task DisposeAsync() => await _oracle.DisposeAsync();

    [Fact]
    public async Task PostAsync_ClientCredentials_OneTokenForManyCallsThenANewOneBeforeItExpires()
    {
        var entity = Entity();
        using var target = Create(entity, EmulatorSetup.DefaultOAuthClientSecret);

        await target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None);
        await target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None);
        _oracle.TokensIssued.ShouldBe(1);

        // Renewed a minute before it expires, not after: no call is refused on the way.
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(1));
        await target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None);

        _oracle.TokensIssued.ShouldBe(2);
        _oracle.Invoices.Count.ShouldBe(3);
    }

    [Fact]
    public async Task PostAsync_TokenRevoked_TransientThenANewTokenWorks()
    {
        var entity = Entity();
        using var target = Create(entity, EmulatorSetup.DefaultOAuthClientSecret);
        await target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None);

        _oracle.RevokeTokens();
        await Should.ThrowAsync<TransientTargetException>(() => target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None));
        await target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None);

        _oracle.TokensIssued.ShouldBe(2);
        _oracle.Invoices.Count.ShouldBe(2);
    }

    [Fact]
    public async Task PostAsync_WrongClientSecret_SetupErrorNamingTheClientNeverTheSecret()
    {
        var entity = Entity();
        using var target = Create(entity, "Wr0ng-Client-Secret");

        var e = await Should.ThrowAsync<TargetSetupException>(() => target.PostAsync(entity, Invoice(entity, "10007"), CancellationToken.None));

        e.Message.ShouldContain(EmulatorSetup.DefaultOAuthClientId);
        e.Message.ShouldContain("invalid_client");
        e.Message.ShouldNotContain("Wr0ng-Client-Secret");
        _oracle.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public void Create_OAuthTogetherWithAPassword_SetupErrorNamingBothWays()
    {
        var entity = Entity(("user", "connector"), ("password", "${env:SECRET}"));

        var e = Should.Throw<TargetSetupException>(() => Create(entity, "x"));

        e.Message.ShouldContain("oauth_token_url");
        e.Message.ShouldContain("user");
    }

    private EntityDefinition Entity(params (string Name, string Value)[] extra)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = _oracle.BaseAddress.ToString(),
            ["oauth_token_url"] = _oracle.TokenUri.ToString(),
            ["oauth_client_id"] = EmulatorSetup.DefaultOAuthClientId,
            ["oauth_client_secret"] = "${env:SECRET}",
            ["oauth_scope"] = "urn:opc:resource:fa:instanceid=emulator",
        };
        foreach (var (name, value) in extra)
        {
            options[name] = value;
        }

        return De(options);
    }

    private IPerInvoiceTargetHandle Create(EntityDefinition entity, string clientSecret)
    {
        var secrets = new SecretSource(null, name => name == "SECRET" ? clientSecret : null);
        var target = TargetRegistry.WithBuiltIns().Create(entity, new TargetContext(Path.GetTempPath(), secrets, _clock, NullLoggerFactory.Instance));
        return new IPerInvoiceTargetHandle((IPerInvoiceTarget)target);
    }

    private sealed class IPerInvoiceTargetHandle(IPerInvoiceTarget target) : IDisposable
    {
        public Task<ErpInvoice> PostAsync(EntityDefinition entity, PostableInvoice invoice, CancellationToken cancellationToken) => target.PostAsync(entity, invoice, cancellationToken);

        public void Dispose() => (target as IDisposable)?.Dispose();
    }

    /// <summary>A clock the test moves forward; the emulator's token expiry and the target's renewal both read it.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
