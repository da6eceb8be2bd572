using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFusionRest;
using Connector.OracleEmulator;
using static Connector.Adapters.Tests.Targets.OracleFusionRest.FusionRestTestData;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

public sealed class OracleFusionRestSetupTests(FusionRestFixture fixture) : IClassFixture<FusionRestFixture>
{
    [Fact]
    public async Task PostAsync_BearerToken_IsAccepted()
    {
        var entity = Us(fixture.Options(("user", ""), ("password", ""), ("token", "${env:FUSION_TOKEN}")));
        using var handle = FusionRestFixture.Create(entity);

        var created = await handle.Target.PostAsync(entity, Invoice(entity, "100105"), CancellationToken.None);

        created.Status.ShouldBe("Complete");
    }

    [Fact]
    public async Task PostAsync_WrongPassword_IsASetupFailureNamingTheUserButNotThePassword()
    {
        var entity = Us(fixture.Options(("password", "${env:WRONG_PASSWORD}")));
        using var handle = FusionRestFixture.Create(entity);

        var error = await Should.ThrowAsync<TargetSetupException>(
            () => handle.Target.PostAsync(entity, Invoice(entity, "100105"), CancellationToken.None));

        error.Message.ShouldContain("401");
        error.Message.ShouldContain("'connector'");
        error.Message.ShouldNotContain(FusionRestFixture.Environment["WRONG_PASSWORD"]);
        error.Message.ShouldNotContain(EmulatorSetup.DefaultPassword);
    }

    [Fact]
    public async Task FindAsync_WrongToken_IsASetupFailure()
    {
        var entity = Us(fixture.Options(("user", ""), ("password", ""), ("token", "not-a-token")));
        using var handle = FusionRestFixture.Create(entity);

        var error = await Should.ThrowAsync<TargetSetupException>(
            () => handle.Target.FindAsync(entity, Invoice(entity, "100105"), CancellationToken.None));

        error.Message.ShouldNotContain("not-a-token");
    }

    [Fact]
    public async Task CheckAsync_SampleEntity_FindsEverySetup()
    {
        var entity = Fr(fixture.Options());
        using var handle = FusionRestFixture.Create(entity);

        var checks = await handle.Target.CheckAsync(entity, CancellationToken.None);

        checks.Select(c => c.Item).ShouldBe(["connection", "credentials", "invoice privilege", "business unit",
            "transaction source", "transaction type", "credit memo type", "default terms", "currency"]);
        checks.ShouldAllBe(c => c.Ok);
        checks.Single(c => c.Item == "transaction source").Detail.ShouldBe($"the transaction source 'CONNECTOR FR01' exists (set {EmulatorSetup.Fr})");
    }

    [Theory]
    [InlineData("4")]
    [InlineData("1")]
    public async Task CheckAsync_MissingSourceAndTerms_SaysExactlyWhatIsMissing(string version)
    {
        var entity = Entity("DE01", "EUR", EmulatorSetup.De, "CONNECTOR XX99", "DE01 Rechnung", "DE01 Gutschrift",
            fixture.Options(("framework_version", version)), terms: "90 NET");
        using var handle = FusionRestFixture.Create(entity);

        var checks = await handle.Target.CheckAsync(entity, CancellationToken.None);

        checks.Where(c => !c.Ok).Select(c => c.Item).ShouldBe(["transaction source", "default terms"]);
        checks.Single(c => c.Item == "transaction source").Detail.ShouldStartWith("the transaction source 'CONNECTOR XX99' does not exist in Oracle");
        checks.Single(c => c.Item == "default terms").Detail.ShouldStartWith("the payment terms '90 NET' does not exist in Oracle");
    }

    [Fact]
    public async Task CheckAsync_WrongPassword_SaysTheCredentialsAreRefused()
    {
        var entity = De(fixture.Options(("password", "${env:WRONG_PASSWORD}")));
        using var handle = FusionRestFixture.Create(entity);

        var checks = await handle.Target.CheckAsync(entity, CancellationToken.None);

        checks.Select(c => (c.Item, c.Ok)).ShouldBe([("connection", true), ("credentials", false)]);
    }

    [Fact]
    public async Task CheckAsync_NothingListening_SaysTheConnectionFails()
    {
        var entity = De(fixture.Options(("url", "http://127.0.0.1:9"), ("timeout", "5")));
        using var handle = FusionRestFixture.Create(entity);

        var checks = await handle.Target.CheckAsync(entity, CancellationToken.None);

        checks.Single().Item.ShouldBe("connection");
        checks.Single().Ok.ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_UrlWithoutTheResources_SaysTheUrlIsWrong()
    {
        var entity = De(fixture.Options(("url", new Uri(fixture.Emulator.BaseAddress, "/somewhere/else").ToString())));
        using var handle = FusionRestFixture.Create(entity);

        var checks = await handle.Target.CheckAsync(entity, CancellationToken.None);

        checks.Single().Detail.ShouldContain("has no receivablesInvoices resource (HTTP 404)");
    }

    [Fact]
    public void Options_ServerOnlyUrl_GetsOraclesResourcesPath()
    {
        var options = FusionRestOptions.Parse(De(fixture.Options(("url", "https://pod.fa.example.com"))), new SecretSource(null, _ => "pw"));

        options.Connection.ResourcesUri.ShouldBe(new Uri("https://pod.fa.example.com/fscmRestApi/resources/11.13.18.05/"));
        options.RestFrameworkVersion.ShouldBe(4);
        options.Connection.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(100));
    }

    [Theory]
    [InlineData("url", "", "url is required")]
    [InlineData("url", "ftp://x", "not an absolute http(s) URL")]
    [InlineData("token", "${env:FUSION_TOKEN}", "give either a bearer token or a user and password")]
    [InlineData("password", "", "are required")]
    [InlineData("framework_version", "four", "framework_version 'four'")]
    [InlineData("timeout", "-3", "timeout '-3'")]
    [InlineData("password", "${env:NOT_SET}", "NOT_SET is not set")]
    public void Create_WrongOption_IsASetupFailureNamingTheOption(string name, string value, string message)
    {
        var entity = De(fixture.Options((name, value)));

        var error = Should.Throw<TargetSetupException>(() => FusionRestFixture.Create(entity));

        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Create_UnknownOption_IsRefusedByTheRegistry()
    {
        var entity = De(fixture.Options(("passwd", "x")));

        Should.Throw<TargetSetupException>(() => FusionRestFixture.Create(entity)).Message.ShouldContain("passwd");
        TargetRegistry.WithBuiltIns().Types.ShouldContain("oracle-fusion-rest");
    }
}
