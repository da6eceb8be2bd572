using System.Diagnostics;
using System.Net;

namespace Connector.OracleEmulator.Tests;

public sealed class FaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFaults _faults = fixture.Emulator.Faults;

    public void Dispose() => _faults.Clear();

    [Fact]
    public async Task Latency_DelaysTheAnswerThenServes()
    {
        using var client = fixture.Client();
        _faults.Latency("GET", TestInvoices.Path, TimeSpan.FromMilliseconds(400));

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(TestInvoices.Path);

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TooManyRequests_Is429WithRetryAfter_ForTheNextNMatchingRequestsOnly()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        _faults.TooManyRequests("POST", TestInvoices.Path, TimeSpan.FromSeconds(7), count: 2);

        using var get = await client.GetAsync(TestInvoices.Path);
        using var first = await client.PostAsync(TestInvoices.Valid(number));
        using var second = await client.PostAsync(TestInvoices.Valid(number));
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
        using var third = await client.PostAsync(TestInvoices.Valid(number));

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.StatusCode.ShouldBe(HttpStatusCode.Created);
        _faults.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceUnavailable_Is503WithRetryAfter()
    {
        using var client = fixture.Client();
        _faults.ServiceUnavailable(null, TestInvoices.Path, TimeSpan.FromSeconds(2));

        using var response = await client.GetAsync(TestInvoices.Path + "/42");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task InternalServerError_Is500AndStoresNothing()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        _faults.InternalServerError("POST", TestInvoices.Path);

        using var response = await client.PostAsync(TestInvoices.Valid(number));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task DropConnection_FailsTheRequestAndStoresNothing()
    {
        using var client = fixture.Client();
        var number = TestInvoices.NewNumber();
        _faults.DropConnection("POST", TestInvoices.Path);

        await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(TestInvoices.Valid(number)));

        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task Timeout_HangsUntilTheClientGivesUpAndStoresNothing()
    {
        using var client = fixture.Client(timeout: TimeSpan.FromMilliseconds(500));
        var number = TestInvoices.NewNumber();
        _faults.Timeout("POST", TestInvoices.Path);

        var watch = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            using var response = await client.PostAsync(TestInvoices.Valid(number));
        }
        catch (TaskCanceledException e)
        {
            // Caught by hand: Shouldly replaces a cancelled task's exception and loses its inner TimeoutException.
            error = e;
        }

        error.ShouldNotBeNull().InnerException.ShouldBeOfType<TimeoutException>();
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(480));
        fixture.Emulator.Invoices.ShouldNotContain(i => i.TransactionNumber == number);
    }

    [Fact]
    public async Task CommittedResponseLost_ClientSeesAFailureButTheInvoiceIsFoundByNumber()
    {
        using var client = fixture.Client();
        (await client.GetAsync(TestInvoices.Path)).Dispose(); // the POST then goes on a reused pooled connection
        var number = TestInvoices.NewNumber();
        _faults.CommittedResponseLost("POST", TestInvoices.Path);

        await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(TestInvoices.Valid(number)));
        using var retryClient = fixture.Client();
        var found = await retryClient.GetJsonAsync(
            $"{TestInvoices.Path}?q=TransactionNumber='{number}';TransactionSource='CONNECTOR DE01'");
        using var repost = await retryClient.PostAsync(TestInvoices.Valid(number));

        found["count"]!.GetValue<int>().ShouldBe(1);
        found["items"]![0]!["CustomerTransactionId"]!.GetValue<long>()
            .ShouldBe(fixture.Emulator.Invoices.Single(i => i.TransactionNumber == number).CustomerTransactionId);
        repost.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Fault_ForAnotherMethodOrPath_LeavesTheRequestAlone()
    {
        using var client = fixture.Client();
        _faults.InternalServerError("POST", TestInvoices.Path);
        _faults.InternalServerError(null, FusionEmulator.ResourcesPath + "/standardReceipts");

        using var get = await client.GetAsync(TestInvoices.Path);

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        _faults.Pending.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Faults_FromParallelRequests_AreEachUsedExactlyOnce()
    {
        _faults.InternalServerError("GET", TestInvoices.Path, count: 10);
        using var client = fixture.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync(TestInvoices.Path)));

        responses.Count(r => r.StatusCode == HttpStatusCode.InternalServerError).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(20);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
