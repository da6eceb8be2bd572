using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Targets.OracleFusion;

/// <summary>The shared Fusion client against a server that answers whatever a test sets, and records what it got.</summary>
public sealed class FusionHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private WebApplication _server = null!;
    private int _status = 200;
    private string _body = "{}";
    private Action<HttpResponse> _headers = _ => { };
    private readonly List<(string PathAndQuery, string? Version, string Authorization)> _received = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async context =>
        {
            lock (_received)
            {
                var version = context.Request.Headers.TryGetValue("REST-Framework-Version", out var v) ? v.ToString() : null;
                _received.Add((context.Request.Path + context.Request.QueryString, version, context.Request.Headers.Authorization.ToString()));
            }

            context.Response.StatusCode = _status;
            _headers(context.Response);
            await context.Response.WriteAsync(_body);
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Failure_404WithAdfErrorJson_IsARefusalWithOraclesCode()
    {
        _status = 404;
        _body = """{"title":"Not Found","o:errorDetails":[{"detail":"The customer 99999 does not exist.","o:errorCode":"AR-1234"}]}""";
        using var http = Http(4);

        var answer = await http.GetAsync("receivablesInvoices/1", CancellationToken.None);
        var e = http.Failure(answer, "GET one", []);

        e.ShouldBeOfType<RefusedByTargetException>().Errors.Single().ShouldBe(new TargetError("The customer 99999 does not exist.", "AR-1234"));
    }

    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(404, "<html><body>Not Found</body></html>")]
    [InlineData(415, "Unsupported media type")]
    [InlineData(400, "")]
    public async Task Failure_NoOracleRefusal_IsASetupFailureNamingTheStatusAndUrl(int status, string body)
    {
        _status = status;
        _body = body;
        using var http = Http(4);

        var e = http.Failure(await http.GetAsync("erpintegrations", CancellationToken.None), "GET erpintegrations", []);

        e.ShouldBeOfType<TargetSetupException>().Message.ShouldContain($"HTTP {status.ToString(CultureInfo.InvariantCulture)}");
        e.Message.ShouldContain("check target.options.url");
    }

    [Fact]
    public async Task Failure_400PlainText_IsARefusalOneErrorPerLineWithLineNumbers()
    {
        _status = 400;
        _body = "The transaction type is not valid.\nLine number 2: the memo line does not exist.";
        using var http = Http(null);

        var e = http.Failure(await http.GetAsync("receivablesInvoices", CancellationToken.None), "POST x", [1, 2]);

        e.ShouldBeOfType<RefusedByTargetException>().Errors.Select(x => x.LineNumber).ShouldBe([null, 2]);
    }

    [Fact]
    public async Task SendAsync_RetryAfterAsHttpDate_IsMeasuredWithTheTargetsClock()
    {
        _status = 503;
        _headers = r => r.Headers.RetryAfter = Now.AddSeconds(45).ToString("R", CultureInfo.InvariantCulture);
        using var http = Http(null);

        var e = await Should.ThrowAsync<TransientTargetException>(() => http.GetAsync("erpintegrations", CancellationToken.None));

        e.RetryAfter.ShouldBe(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task SendAsync_403_SetupFailureNamingThePrivilegeAndUserButNoSecret()
    {
        _status = 403;
        using var http = Http(4);

        var e = await Should.ThrowAsync<TargetSetupException>(() => http.GetAsync("receivablesInvoices", CancellationToken.None, "Reading"));

        e.Message.ShouldStartWith("Reading: HTTP 403");
        e.Message.ShouldContain("user 'connector'");
        e.Message.ShouldContain("THE_PRIV");
        e.Message.ShouldNotContain("pw-secret");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public async Task SendAsync_FrameworkVersion_SentOnlyWhenGiven(int? version)
    {
        using var http = Http(version);

        await http.GetAsync("x", CancellationToken.None);

        _received.Single().Version.ShouldBe(version?.ToString(CultureInfo.InvariantCulture));
        _received.Single().Authorization.ShouldStartWith("Basic ");
    }

    [Fact]
    public async Task JsonAsync_SuccessThatIsNotJson_Transient()
    {
        _body = "<html>maintenance</html>";
        using var http = Http(null);

        var e = await Should.ThrowAsync<TransientTargetException>(() => http.JsonAsync(HttpMethod.Get, "x", null, "Reading", CancellationToken.None));

        e.Message.ShouldContain("not JSON");
    }

    [Theory]
    [InlineData(null, "TransactionNumber='A=1';BusinessUnit=DE BU;TransactionSource='O''Brien;X'")]
    [InlineData(4, "TransactionNumber='A=1' and BusinessUnit='DE BU' and TransactionSource='O''Brien;X'")]
    public async Task Lookup_QueryInTheVersionsSyntax_OneItemReadWithItsLines(int? version, string q)
    {
        _body = """{"items":[{"CustomerTransactionId":300100,"TransactionNumber":"A=1","InvoiceCurrencyCode":"EUR","InvoiceStatus":"Complete","receivablesInvoiceLines":[{"LineAmount":200},{"LineAmount":"49.99"}]}]}""";
        using var http = Http(version);

        var found = await new FusionInvoiceLookup(http).FindAsync(Target("O'Brien;X"), "A=1", CancellationToken.None);

        found.ShouldBe(new ErpInvoice("300100", "A=1", 249.99m, "EUR", "Complete"));
        Uri.UnescapeDataString(_received.Single().PathAndQuery).ShouldContain("q=" + q + "&");
    }

    [Fact]
    public async Task Lookup_TwoInvoicesWithTheNumber_SetupFailure()
    {
        _body = """{"items":[{"CustomerTransactionId":1},{"CustomerTransactionId":2}]}""";
        using var http = Http(4);

        var e = await Should.ThrowAsync<TargetSetupException>(() => new FusionInvoiceLookup(http).FindAsync(Target("S"), "A1", CancellationToken.None));

        e.Message.ShouldContain("duplicate numbers not allowed");
    }

    private FusionHttp Http(int? version)
    {
        var entity = FusionTestEntities.Entity("S",
            ("url", _server.Urls.First()), ("user", "connector"), ("password", "pw-secret"), ("timeout", "5"));
        var connection = FusionConnection.Parse(entity, new SecretSource(null, _ => null));
        return new FusionHttp(connection, 2, version, "THE_PRIV", new FixedClock(Now), NullLogger.Instance);
    }

    private static TargetDefinition Target(string source) => FusionTestEntities.Entity(source).Target;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
