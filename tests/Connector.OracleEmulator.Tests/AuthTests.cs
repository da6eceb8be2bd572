using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Connector.OracleEmulator.Tests;

public sealed class AuthTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Request_WithoutCredentials_Is401AndStoresNothing()
    {
        using var client = fixture.Client();
        client.DefaultRequestHeaders.Authorization = null;

        using var get = await client.GetAsync(TestInvoices.Path);
        using var post = await client.PostAsync(TestInvoices.Valid());

        get.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        get.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Basic");
        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        fixture.Emulator.Invoices.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Basic", "connector:wrong")]
    [InlineData("Basic", "nobody:connector-secret")]
    [InlineData("Basic", "not base64!")]
    [InlineData("Bearer", "expired-token")]
    public async Task Request_WithWrongCredentials_Is401(string scheme, string value)
    {
        using var client = fixture.Client();
        var parameter = scheme == "Basic" && value.Contains(':', StringComparison.Ordinal)
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(value))
            : value;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, parameter);

        using var response = await client.GetAsync(TestInvoices.Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithBasicOrBearer_IsServed()
    {
        using var basic = fixture.Client();
        using var bearer = fixture.Client(bearer: EmulatorSetup.DefaultBearerToken);

        using var first = await basic.GetAsync(TestInvoices.Path);
        using var second = await bearer.GetAsync(TestInvoices.Path);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
