using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connector.Adapters.Abstractions;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>An answer of Oracle: its status, body and the Retry-After it gave.</summary>
internal sealed record FusionAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>
/// One HttpClient per target (a pooled <see cref="SocketsHttpHandler"/> allowing the pipeline's concurrency), the
/// authentication and REST-Framework-Version headers, and the mapping of failures to the target exceptions:
/// connection errors, time-outs, 408/429/5xx are transient (with Retry-After), 401/403 are setup failures. A refusal
/// (4xx with Oracle's message) is returned as an answer for the caller to read.
/// </summary>
internal sealed class FusionHttp : IDisposable
{
    public const string ItemMediaType = "application/vnd.oracle.adf.resourceitem+json";

    private readonly HttpClient _client;
    private readonly FusionRestOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public FusionHttp(FusionRestOptions options, int concurrency, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = Math.Max(concurrency, 1),
            ConnectTimeout = options.RequestTimeout < TimeSpan.FromSeconds(30) ? options.RequestTimeout : TimeSpan.FromSeconds(30),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        _client = new HttpClient(handler) { BaseAddress = options.ResourcesUri, Timeout = options.RequestTimeout };
        _client.DefaultRequestHeaders.Authorization = options.Authentication == FusionAuthentication.Bearer
            ? new AuthenticationHeaderValue("Bearer", options.Secret)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.UserName + ":" + options.Secret)));
        _client.DefaultRequestHeaders.Add("REST-Framework-Version", options.RestFrameworkVersion.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Who the target is, for messages: the resources URL and the user (never a secret).</summary>
    public string Describe() => _options.ResourcesUri + (_options.UserName is null ? " (bearer token)" : $" as user '{_options.UserName}'");

    public Task<FusionAnswer> GetAsync(string relativeUrl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUrl, null, cancellationToken);

    /// <summary>A GET whose 401 or 403 is answered rather than thrown (for the setup check).</summary>
    public Task<FusionAnswer> ProbeAsync(string relativeUrl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUrl, null, cancellationToken, answerAuthFailures: true);

    public Task<FusionAnswer> PostAsync(string relativeUrl, byte[] json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, relativeUrl, json, cancellationToken);

    /// <summary>
    /// One request. Throws <see cref="TransientTargetException"/> and <see cref="TargetSetupException"/> as above;
    /// every other answer is returned (401 and 403 too with <paramref name="answerAuthFailures"/>).
    /// </summary>
    public async Task<FusionAnswer> SendAsync(
        HttpMethod method, string relativeUrl, byte[]? json, CancellationToken cancellationToken, bool answerAuthFailures = false)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ItemMediaType);
        }

        var what = method.Method + " " + relativeUrl.Split('?')[0];
        var started = _clock.GetTimestamp();
        FusionAnswer answer;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            answer = new FusionAnswer(response.StatusCode, body, RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTargetException(
                $"{what}: Oracle did not answer within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; the request may or may not have been carried out.",
                inner: e);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException)
        {
            throw new TargetSetupException($"{what}: the TLS handshake with {_options.ResourcesUri.Authority} failed ({e.InnerException.Message}); check target.options.url and the server certificate.", e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientTargetException($"{what}: the connection to {_options.ResourcesUri.Authority} failed ({e.Message}); the request may or may not have been carried out.", inner: e);
        }

        _logger.LogDebug("{Request} answered {Status} in {Elapsed} ms", what, (int)answer.Status,
            (long)_clock.GetElapsedTime(started).TotalMilliseconds);
        ThrowOnTransientOrSetup(what, answer, answerAuthFailures);
        return answer;
    }

    private void ThrowOnTransientOrSetup(string what, FusionAnswer answer, bool answerAuthFailures)
    {
        var status = (int)answer.Status;
        if (status is 408 or 429 || status >= 500)
        {
            throw new TransientTargetException(
                string.Create(CultureInfo.InvariantCulture, $"{what}: Oracle answered HTTP {status} {answer.Status}")
                + (answer.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $", retry after {wait.TotalSeconds} s.") : "."),
                answer.RetryAfter);
        }

        if (answerAuthFailures)
        {
            return;
        }

        if (status == 401)
        {
            throw new TargetSetupException($"{what}: Oracle refused the credentials (HTTP 401) of {Describe()}.");
        }

        if (status == 403)
        {
            throw new TargetSetupException($"{what}: HTTP 403, {Describe()} lacks the privilege (invoices need AR_CREATE_RECEIVABLES_INVOICE_PRIV).");
        }
    }

    /// <summary>Retry-After as seconds or as an HTTP date (measured against the target's clock), never negative.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public void Dispose() => _client.Dispose();
}
