using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static Connector.Plugins.Tryton.Tests.TrytonHarness;

namespace Connector.Plugins.Tryton.Tests;

/// <summary>
/// Failures between the Connector and the real Tryton, made by a handler in front of the real connection: a session
/// refused at post, an answer lost after Tryton posted. Plus a run of invoices one after the other, timed.
/// </summary>
[Collection(TrytonCollection.Name)]
public sealed class TrytonFailureTests(TrytonServer server, ITestOutputHelper output)
{
    private const string Tax = "T.V.A. Vente de biens Taux Normal";

    [TrytonFact]
    public async Task PostAsync_SessionRefusedAtPost_LogsInAgainAndPostsOnce()
    {
        using var handler = new Interceptor(method => method == "model.account.invoice.post", Interception.SpoilSession);
        var entity = Entity(server);
        using var target = Target(entity, handler);
        var invoice = Invoice(Number("F"), "CLI-101", [Line(1, "Porte", 1m, 500m, Tax, 20m)]);

        var posted = await target.PostAsync(entity, invoice, CancellationToken.None);

        handler.Intercepted.ShouldBe(1);
        target.Rpc.Relogins.ShouldBe(1);
        posted.Status.ShouldBe("posted");
        (await InvoicesAsync(target, invoice.IdempotencyKey)).ShouldHaveSingleItem()!["state"]!.GetValue<string>().ShouldBe("posted");
    }

    [TrytonFact]
    public async Task PostAsync_AnswerLostAfterTrytonPosted_TransientThenFoundAndNotPostedAgain()
    {
        using var handler = new Interceptor(method => method == "model.account.invoice.post", Interception.LoseAnswer);
        var entity = Entity(server);
        using var target = Target(entity, handler);
        var invoice = Invoice(Number("F"), "CLI-102", [Line(1, "Fenêtre", 2m, 640m, Tax, 20m)]);

        await Should.ThrowAsync<TransientTargetException>(() => target.PostAsync(entity, invoice, CancellationToken.None));
        var found = await target.FindAsync(entity, invoice, CancellationToken.None);
        var again = await target.PostAsync(entity, invoice, CancellationToken.None);

        found.ShouldNotBeNull().Status.ShouldBe("posted");
        found.Amount.ShouldBe(1536.00m);
        again.ShouldBe(found);
        (await InvoicesAsync(target, invoice.IdempotencyKey)).Count.ShouldBe(1);
    }

    [TrytonFact]
    public async Task PostAsync_TwentyInvoicesInARow_EachPostedOnceWithItsOwnNumber()
    {
        var entity = Entity(server);
        using var target = TrytonHarness.Target(entity);
        var invoices = Enumerable.Range(1, 20)
            .Select(i => Invoice(Number("B"), i % 2 == 0 ? "CLI-101" : "CLI-106", [Line(1, "Article", i, 12.5m, Tax, 20m), Line(2, "Pose", 1m, 52m, Tax, 20m)]))
            .ToList();
        await target.Rpc.EnsureLoggedInAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var posted = new List<ErpInvoice>();
        foreach (var invoice in invoices)
        {
            posted.Add(await target.PostAsync(entity, invoice, CancellationToken.None));
        }

        watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{invoices.Count} invoices (look-up, create, post, read back) in {watch.Elapsed.TotalSeconds:F2} s: {watch.Elapsed.TotalMilliseconds / invoices.Count:F0} ms per invoice"));
        posted.Select(p => p.Number).Distinct().Count().ShouldBe(20);
        posted.ShouldAllBe(p => p.Status == "posted");
        for (var i = 0; i < invoices.Count; i++)
        {
            posted[i].Amount.ShouldBe(((i + 1) * 12.5m + 52m) * 1.2m);
            (await InvoicesAsync(target, invoices[i].IdempotencyKey)).Count.ShouldBe(1);
        }
    }

    private static TrytonTarget Target(Mapping.Entities.EntityDefinition entity, HttpMessageHandler handler)
        => new(TrytonOptions.Parse(entity, Secrets), TimeProvider.System, NullLoggerFactory.Instance, handler);
}

internal enum Interception
{
    /// <summary>Replaces the session of the call by one the server does not know (as if it had gone stale).</summary>
    SpoilSession,

    /// <summary>Lets the call reach Tryton, then loses its answer (as if the connection dropped).</summary>
    LoseAnswer,
}

/// <summary>Forwards every call to the real server, and does <see cref="Interception"/> to the first call of one method.</summary>
internal sealed class Interceptor(Func<string, bool> which, Interception what) : DelegatingHandler(new HttpClientHandler())
{
    public int Intercepted { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var method = JsonNode.Parse(body)?["method"]?.GetValue<string>() ?? string.Empty;
        if (Intercepted > 0 || !which(method))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Intercepted++;
        if (what == Interception.SpoilSession)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "Session " + Convert.ToBase64String("admin:1:stale"u8));
            return await base.SendAsync(request, cancellationToken);
        }

        using var answer = await base.SendAsync(request, cancellationToken);
        throw new HttpRequestException("connection reset after the request was sent (test)");
    }
}
