using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>An answer of Oracle: its status, body and the Retry-After it gave.</summary>
internal sealed record FusionAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>
/// One HttpClient per target (a pooled <see cref="SocketsHttpHandler"/> allowing the target's concurrency), the
/// Authorization, Accept and REST-Framework-Version headers, the per-request time-out, and the mapping of failures to
/// the target exceptions: connection errors, time-outs, 408/429/5xx are transient (with Retry-After as seconds or a
/// date, measured with the target's clock), 401/403 are setup failures. Any other answer is returned for the caller
/// to read; <see cref="Failure"/> turns one that is not a success into a refusal or a setup failure.
/// </summary>
internal sealed class FusionHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly FusionConnection _connection;
    private readonly FusionTokenSource? _tokens;
    private readonly string _privilege;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <param name="connection">The connection options.</param>
    /// <param name="concurrency">How many requests the target sends at once (the connections kept per server).</param>
    /// <param name="frameworkVersion">The REST-Framework-Version sent, or null to send none (Oracle then uses 1).</param>
    /// <param name="privilege">What a 403 means the user lacks, for its message.</param>
    /// <param name="clock">The clock of Retry-After dates and of the elapsed time logged.</param>
    /// <param name="logger">Where each request's status and duration are logged (debug).</param>
    public FusionHttp(FusionConnection connection, int concurrency, int? frameworkVersion, string privilege, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _privilege = privilege;
        _clock = clock;
        _logger = logger;
        FrameworkVersion = frameworkVersion;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = Math.Max(concurrency, 1),
            ConnectTimeout = connection.RequestTimeout < TimeSpan.FromSeconds(30) ? connection.RequestTimeout : TimeSpan.FromSeconds(30),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

        // The time-out is per request (SendAsync), so that it covers reading the answer too.
        _client = new HttpClient(handler) { BaseAddress = connection.ResourcesUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (connection.Authentication == FusionAuthentication.ClientCredentials)
        {
            // Each request carries the current token (fetched, kept, renewed by the token source).
            _tokens = new FusionTokenSource(connection, _client, clock);
        }
        else
        {
            _client.DefaultRequestHeaders.Authorization = connection.Authorization();
        }

        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (frameworkVersion is { } version)
        {
            _client.DefaultRequestHeaders.Add("REST-Framework-Version", version.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The REST-Framework-Version sent (null: none, Oracle's default 1); it decides the <c>q</c> syntax.</summary>
    public int? FrameworkVersion { get; }

    public Uri ResourcesUri => _connection.ResourcesUri;

    /// <summary>Who the target is, for messages: the resources URL and the user (never a secret).</summary>
    public string Describe() => _connection.Description;

    public Task<FusionAnswer> GetAsync(string relativeUrl, CancellationToken cancellationToken, string? what = null) =>
        SendAsync(HttpMethod.Get, relativeUrl, null, what, cancellationToken);

    /// <summary>A GET whose 401 or 403 is answered rather than thrown (for the setup check).</summary>
    public Task<FusionAnswer> ProbeAsync(string relativeUrl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUrl, null, null, cancellationToken, answerAuthFailures: true);

    public Task<FusionAnswer> PostAsync(string relativeUrl, HttpContent content, CancellationToken cancellationToken, string? what = null) =>
        SendAsync(HttpMethod.Post, relativeUrl, content, what, cancellationToken);

    /// <summary>
    /// A request whose success must be a JSON object; any other answer is thrown as <see cref="Failure"/> gives it.
    /// </summary>
    public async Task<JsonObject> JsonAsync(HttpMethod method, string relativeUrl, HttpContent? content, string what, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, relativeUrl, content, what, cancellationToken).ConfigureAwait(false);
        if (!answer.Ok)
        {
            throw Failure(answer, what, []);
        }

        try
        {
            return JsonNode.Parse(answer.Body) as JsonObject
                ?? throw new TransientTargetException($"{what}: Oracle answered {(int)answer.Status} without a JSON object.");
        }
        catch (JsonException e)
        {
            throw new TransientTargetException($"{what}: Oracle answered {(int)answer.Status} with a body that is not JSON.", inner: e);
        }
    }

    /// <summary>
    /// One request (the content is disposed with it). Throws <see cref="TransientTargetException"/> and
    /// <see cref="TargetSetupException"/> as above; every other answer is returned (401 and 403 too with
    /// <paramref name="answerAuthFailures"/>). <paramref name="what"/> names the request in messages (default: method and path).
    /// </summary>
    public async Task<FusionAnswer> SendAsync(HttpMethod method, string relativeUrl, HttpContent? content, string? what,
        CancellationToken cancellationToken, bool answerAuthFailures = false)
    {
        ArgumentNullException.ThrowIfNull(relativeUrl);
        using var request = new HttpRequestMessage(method, relativeUrl) { Content = content };
        what ??= method.Method + " " + relativeUrl.Split('?')[0];
        var started = _clock.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connection.RequestTimeout);
        FusionAnswer answer;
        string? token = null;
        var freshToken = false;
        if (_tokens is not null)
        {
            var fetched = _tokens.Fetched;
            token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            freshToken = _tokens.Fetched != fetched;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            answer = new FusionAnswer(response.StatusCode, body, RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTargetException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: Oracle did not answer within {_connection.RequestTimeout.TotalSeconds} s; the request may or may not have been carried out."),
                inner: e);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException)
        {
            throw new TargetSetupException($"{what}: the TLS handshake with {ResourcesUri.Authority} failed ({e.InnerException.Message}); check target.options.url and the server certificate.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TransientTargetException($"{what}: the connection to {ResourcesUri.Authority} failed ({e.Message}); the request may or may not have been carried out.", inner: e);
        }

        _logger.LogDebug("{Request} answered {Status} in {Elapsed} ms", what, (int)answer.Status, (long)_clock.GetElapsedTime(started).TotalMilliseconds);
        if (token is not null && !freshToken && answer.Status == HttpStatusCode.Unauthorized && !answerAuthFailures)
        {
            // A fetched token Oracle no longer takes (revoked, expired early): a new one for the retry, which looks up first.
            _tokens!.Forget(token);
            throw new TransientTargetException($"{what}: Oracle refused the OAuth token (HTTP 401); a new token is fetched for the next attempt.");
        }

        ThrowOnTransientOrSetup(what, answer, answerAuthFailures);
        return answer;
    }

    /// <summary>
    /// The exception of an answer that is not a success (and not transient): a refusal carrying Oracle's messages when
    /// it is one (<see cref="Refusal"/>), else a setup failure (the URL reaches something that is not the resource).
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="what">The request, for the message.</param>
    /// <param name="lineNumbers">The invoice line number of each line sent, in order (or empty).</param>
    public TargetException Failure(FusionAnswer answer, string what, IReadOnlyList<int> lineNumbers)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Refusal(answer, lineNumbers) is { } errors
            ? new RefusedByTargetException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: Oracle refused it (HTTP {(int)answer.Status}): {string.Join("; ", errors)}"), errors)
            : Unexpected(answer, what);
    }

    /// <summary>
    /// Oracle's messages when the answer refuses the content: 400, 409 or 422 with a message, or 404 with Oracle's ADF
    /// error JSON (a 404 with text or HTML comes from a wrong URL). Null for any other answer.
    /// </summary>
    public static IReadOnlyList<TargetError>? Refusal(FusionAnswer answer, IReadOnlyList<int> lineNumbers)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var refusing = answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
            || (answer.Status == HttpStatusCode.NotFound && answer.Body.TrimStart().StartsWith('{'));
        return refusing && FusionErrors.Read(answer.Body, lineNumbers) is { Count: > 0 } errors ? errors : null;
    }

    /// <summary>The setup failure of an answer Oracle gives to no valid request of a well-configured target.</summary>
    public TargetSetupException Unexpected(FusionAnswer answer, string what)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new TargetSetupException(string.Create(CultureInfo.InvariantCulture,
            $"{what}: Oracle answered HTTP {(int)answer.Status} {answer.Status} without a message it gives for refused content ({Excerpt(answer.Body)}); check target.options.url ({ResourcesUri})."));
    }

    /// <summary>The start of a body, on one line, for messages.</summary>
    public static string Excerpt(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "empty body" : text.Length <= 200 ? text : text[..200] + "...";
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
            throw new TargetSetupException($"{what}: Oracle refused the credentials (HTTP 401) of {Describe()}; check target.options user and password, or token.");
        }

        if (status == 403)
        {
            throw new TargetSetupException($"{what}: HTTP 403, {Describe()} lacks the privilege ({_privilege}).");
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

    public void Dispose()
    {
        _tokens?.Dispose();
        _client.Dispose();
    }
}
