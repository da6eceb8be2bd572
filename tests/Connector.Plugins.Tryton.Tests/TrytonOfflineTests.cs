using System.Net;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>What needs no server: options, the line signs, Tryton's error shapes and HTTP failures (through a stub handler).</summary>
public sealed class TrytonOfflineTests
{
    private static readonly TestSecrets Secrets = new() { Values = { ["PW"] = "secret-pass-1" } };

    private static Mapping.Entities.EntityDefinition Entity(Dictionary<string, string> options) => new()
    {
        Code = "FR02",
        Name = "x",
        Currency = "EUR",
        Country = "FR",
        Directory = string.Empty,
        MasterData = "customers.csv",
        Target = new Mapping.Entities.TargetDefinition
        {
            Type = "tryton",
            BusinessUnit = "x",
            TransactionSource = "x",
            TransactionType = "x",
            CreditMemoType = "x",
            DefaultTerms = "Net 30",
            Options = options,
        },
    };

    private static Dictionary<string, string> Options(string url = "http://127.0.0.1:1/") => new(StringComparer.OrdinalIgnoreCase)
    {
        ["url"] = url,
        ["database"] = "tryton",
        ["user"] = "admin",
        ["password"] = "${env:PW}",
    };

    [Fact]
    public void Parse_PasswordWrittenInClear_SetupErrorNamingTheOption()
    {
        var options = Options();
        options["password"] = "secret-pass-1";

        var error = Should.Throw<TargetSetupException>(() => TrytonOptions.Parse(Entity(options), Secrets));

        error.Message.ShouldContain("password must be a reference");
        error.Message.ShouldNotContain("secret-pass-1");
    }

    [Theory]
    [InlineData("url", "ftp://host/", "is not an http(s) address")]
    [InlineData("timeout", "soon", "must be a number of seconds")]
    [InlineData("taxes", "TVA20", "is not 'code=Tryton tax name'")]
    public void Parse_BadOption_SetupErrorSaysWhy(string name, string value, string expected)
    {
        var options = Options();
        options[name] = value;

        Should.Throw<TargetSetupException>(() => TrytonOptions.Parse(Entity(options), Secrets)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_GoodOptions_EndpointIsServerAndDatabaseTaxesMapped()
    {
        var options = Options("http://tryton.local:8000");
        options["taxes"] = "TVA20 = T.V.A. Vente de biens Taux Normal | EXO=Exonération";
        options["timeout"] = "15s";

        var parsed = TrytonOptions.Parse(Entity(options), Secrets);

        parsed.Endpoint.ShouldBe(new Uri("http://tryton.local:8000/tryton/"));
        parsed.TaxNames["tva20"].ShouldBe("T.V.A. Vente de biens Taux Normal");
        parsed.TaxNames["EXO"].ShouldBe("Exonération");
        parsed.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(15));
        parsed.ResolvePassword().ShouldBe("secret-pass-1");
    }

    [Theory]
    [InlineData(3, 10, 30, 3, 10)]
    [InlineData(-4, 95, -380, -4, 95)]
    [InlineData(4, -95, -380, -4, 95)]
    [InlineData(0, 0, -12.5, -1, 12.5)]
    public void QuantityAndPrice_SignGoesOnQuantity(decimal quantity, decimal price, decimal amount, decimal expectedQuantity, decimal expectedPrice)
    {
        var line = new InvoiceLine { LineNumber = 1, Quantity = quantity, UnitPrice = price, Amount = amount };

        TrytonInvoicePayload.QuantityAndPrice(line).ShouldBe((expectedQuantity, expectedPrice));
    }

    [Fact]
    public void Read_DomainErrorWithHugeDefinitions_KeepsMessageShortened()
    {
        var huge = new string('x', 50_000);
        var error = JsonNode.Parse($$"""["UserError", ["The value for field \"Invoice Address\" is not valid according to its domain.", "", [[["party","=",9]], {"f": "{{huge}}"}]]]""")!;

        var fault = TrytonFault.Read("model.account.invoice.create", error);

        fault.IsUserError.ShouldBeTrue();
        fault.Text.ShouldBe("The value for field \"Invoice Address\" is not valid according to its domain.");
        fault.Text.Length.ShouldBeLessThanOrEqualTo(TrytonFault.MaxMessageLength + 3);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(TransientTargetException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(TransientTargetException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(TargetSetupException))]
    [InlineData(HttpStatusCode.NotFound, typeof(TargetSetupException))]
    public async Task FindAsync_HttpStatusAtLogin_TypedFailure(HttpStatusCode status, Type expected)
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(status) { Content = new StringContent("<html>no</html>") });
        var entity = Entity(Options());
        using var target = new TrytonTarget(TrytonOptions.Parse(entity, Secrets), TimeProvider.System, NullLoggerFactory.Instance, handler);
        var invoice = new PostableInvoice(1, "FR02|INV|1", new Invoice { EntityCode = "FR02", Number = "1", Source = new Mapping.Problems.SourceLocation("t") });

        var error = await Should.ThrowAsync<TargetException>(() => target.FindAsync(entity, invoice, CancellationToken.None));

        error.ShouldBeOfType(expected);
        error.Message.ShouldNotContain("secret-pass-1");
    }

    [Fact]
    public async Task FindAsync_ServerUnreachable_Transient()
    {
        using var handler = new StubHandler(_ => throw new HttpRequestException("Connection refused"));
        var entity = Entity(Options());
        using var target = new TrytonTarget(TrytonOptions.Parse(entity, Secrets), TimeProvider.System, NullLoggerFactory.Instance, handler);
        var invoice = new PostableInvoice(1, "FR02|INV|1", new Invoice { EntityCode = "FR02", Number = "1", Source = new Mapping.Problems.SourceLocation("t") });

        (await Should.ThrowAsync<TransientTargetException>(() => target.FindAsync(entity, invoice, CancellationToken.None))).Message.ShouldContain("Connection refused");
    }

    [Fact]
    public async Task Login_Envelope_HasExactlyIdMethodParams()
    {
        var bodies = new List<string>();
        using var handler = new StubHandler(request =>
        {
            bodies.Add(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        var entity = Entity(Options());
        using var target = new TrytonTarget(TrytonOptions.Parse(entity, Secrets), TimeProvider.System, NullLoggerFactory.Instance, handler);

        await Should.ThrowAsync<TargetSetupException>(() => target.Rpc.EnsureLoggedInAsync(CancellationToken.None));

        var body = JsonNode.Parse(bodies.ShouldHaveSingleItem())!.AsObject();
        body.Select(p => p.Key).ShouldBe(["id", "method", "params"]);
        body["method"]!.GetValue<string>().ShouldBe("common.db.login");
    }

    [Theory]
    [InlineData("""["ConcurrencyException", ["Records were modified in the meantime", "", null]]""", typeof(TransientTargetException))]
    [InlineData("""["sqlite3.OperationalError: database is locked", ""]""", typeof(TransientTargetException))]
    [InlineData("""["UserError", ["You cannot modify invoice.", "It is posted.", null]]""", typeof(RefusedByTargetException))]
    [InlineData("""["'no_such_field'", ""]""", typeof(RefusedByTargetException))]
    public async Task FindAsync_ErrorInTheAnswer_TypedByItsKind(string error, Type expected)
    {
        using var handler = new StubHandler(request =>
        {
            var call = JsonNode.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())!;
            var result = call["method"]!.GetValue<string>() switch
            {
                "common.db.login" => """[1, "0123abcd"]""",
                "model.res.user.get_preferences" => """{"company": 1}""",
                "model.account.journal.search" or "model.account.account.search" => "[7]",
                "model.account.configuration.read" => """[{"id": 1, "default_account_receivable": 9}]""",
                _ => null,
            };
            var body = result is null ? $$"""{"id": 1, "error": {{error}}}""" : $$"""{"id": 1, "result": {{result}}}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        });
        var entity = Entity(Options());
        using var target = new TrytonTarget(TrytonOptions.Parse(entity, Secrets), TimeProvider.System, NullLoggerFactory.Instance, handler);
        var invoice = new PostableInvoice(1, "FR02|INV|1", new Invoice { EntityCode = "FR02", Number = "1", Source = new Mapping.Problems.SourceLocation("t") });

        var failure = await Should.ThrowAsync<TargetException>(() => target.FindAsync(entity, invoice, CancellationToken.None));

        failure.ShouldBeOfType(expected);
        if (failure is RefusedByTargetException refused)
        {
            refused.Errors.ShouldHaveSingleItem().Message.ShouldNotBeNullOrWhiteSpace();
        }
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(answer(request));
    }
}
