using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Microsoft.Extensions.Logging;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Tryton's JSON-RPC over plain HTTP: one POST per call to <c>{url}/{database}/</c> with exactly
/// <c>{"id","method","params"}</c> (a <c>"jsonrpc"</c> key changes the server's answers), the <c>Session</c> header after
/// login and the context (<c>{"company": id}</c>) as the last parameter of model calls. On HTTP 401 (session expired,
/// or not fresh enough for <c>post</c>: the server then deletes it) it logs in again and repeats the call once; the
/// 401 comes before any write, so the repeat is safe. Failures come out as <see cref="TargetException"/>s, except the
/// errors in the answer's body, which come out as <see cref="TrytonFault"/> for the caller to judge.
/// </summary>
internal sealed class TrytonRpc : IDisposable
{
    private static readonly TimeSpan LockoutDelay = TimeSpan.FromMinutes(1);

    private readonly TrytonOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _login = new(1, 1);
    private volatile string? _session;
    private int? _company;
    private int _nextId;

    public TrytonRpc(TrytonOptions options, ILogger logger, HttpMessageHandler? handler = null)
    {
        _options = options;
        _logger = logger;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = options.RequestTimeout;
    }

    /// <summary>The context every model call ends with, set at login.</summary>
    public JsonObject Context { get; private set; } = new();

    /// <summary>How many times a 401 made it log in again (for tests and the log).</summary>
    public int Relogins { get; private set; }

    /// <summary>A model method: <c>model.{model}.{method}</c> with the arguments followed by the context.</summary>
    public Task<JsonNode?> ModelAsync(string model, string method, CancellationToken cancellationToken, params JsonNode?[] args)
    {
        var parameters = new JsonArray();
        foreach (var arg in args)
        {
            parameters.Add(arg?.DeepClone());
        }

        return CallAsync($"model.{model}.{method}", parameters, withContext: true, cancellationToken);
    }

    /// <summary><c>search_read</c> with a domain, offset 0, a limit, no order and the given fields.</summary>
    public async Task<JsonArray> SearchReadAsync(string model, JsonArray domain, int? limit, string[] fields, CancellationToken cancellationToken)
    {
        var result = await ModelAsync(model, "search_read", cancellationToken, domain, 0, limit, null, TrytonJson.Fields(fields)).ConfigureAwait(false);
        return result as JsonArray ?? [];
    }

    /// <summary>Logs in when there is no session yet.</summary>
    public async Task EnsureLoggedInAsync(CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            await LoginAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the session held (the next call logs in again).</summary>
    public void DropSession() => _session = null;

    /// <summary>Overwrites the session held with another value (tests: a session the server does not know).</summary>
    internal void ReplaceSession(string session) => _session = session;

    /// <summary>Any method with its parameters as given (a wizard's carry their own context).</summary>
    public Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
        => CallAsync(method, parameters, withContext: false, cancellationToken);

    private async Task<JsonNode?> CallAsync(string method, JsonArray parameters, bool withContext, CancellationToken cancellationToken)
    {
        await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
        var session = _session;
        var answer = await SendAsync(method, WithContext(parameters, withContext), session, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == HttpStatusCode.Unauthorized)
        {
            _logger.LogInformation("Tryton answered 401 to {Method}: logging in again and repeating the call once", method);
            await LoginAsync(session, cancellationToken).ConfigureAwait(false);
            Relogins++;
            answer = await SendAsync(method, WithContext(parameters, withContext), _session, cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new TargetSetupException($"{_options.Description}: {method} was refused (HTTP 401) again right after a new login: the user may not use it.");
            }
        }

        return Result(method, answer);
    }

    private JsonArray WithContext(JsonArray parameters, bool withContext)
    {
        var copy = (JsonArray)parameters.DeepClone();
        if (withContext)
        {
            copy.Add(Context.DeepClone());
        }

        return copy;
    }

    /// <summary>Logs in unless another caller already replaced the session that failed (<paramref name="failed"/>).</summary>
    private async Task LoginAsync(string? failed, CancellationToken cancellationToken)
    {
        await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not null && !string.Equals(_session, failed, StringComparison.Ordinal))
            {
                return;
            }

            _session = null;
            var password = _options.ResolvePassword();
            var login = TrytonJson.Array(_options.UserName, new JsonObject { ["password"] = password }, "en");
            var answer = await SendAsync("common.db.login", login, null, cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new TargetSetupException($"{_options.Description}: the login was refused (HTTP {(int)answer.StatusCode}): wrong user or password, or no database '{_options.DatabaseName}'.");
            }

            var result = Result("common.db.login", answer) as JsonArray;
            if (result is not [JsonValue uid, JsonValue key])
            {
                throw new TargetSetupException($"{_options.Description}: the login answered {Shorten(answer.Body)}, not [user id, session key].");
            }

            var token = string.Create(CultureInfo.InvariantCulture, $"{_options.UserName}:{uid.GetValue<int>()}:{key.GetValue<string>()}");
            var session = Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
            var preferences = Result("model.res.user.get_preferences",
                await SendAsync("model.res.user.get_preferences", TrytonJson.Array(true, new JsonObject()), session, cancellationToken).ConfigureAwait(false));
            var context = new JsonObject();
            if ((_company ?? TrytonJson.ToId(preferences?["company"])) is { } company)
            {
                context["company"] = company;
            }

            Context = context;
            _session = session;
            _logger.LogDebug("Logged in to {Tryton}", _options.Description);
        }
        finally
        {
            _login.Release();
        }
    }

    /// <summary>Sets the company of the context (the <c>company</c> option) now and after every later login.</summary>
    public void UseCompany(int company)
    {
        _company = company;
        Context = new JsonObject { ["company"] = company };
    }

    private async Task<Answer> SendAsync(string method, JsonArray parameters, string? session, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (session is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Session " + session);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new Answer(response.StatusCode, text, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException e)
        {
            throw new TransientTargetException($"{_options.Description}: {method}: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTargetException($"{_options.Description}: {method}: no answer within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", inner: e);
        }
    }

    private JsonNode? Result(string method, Answer answer)
    {
        switch (answer.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                throw new TransientTargetException(
                    $"{_options.Description}: {method}: HTTP 429, too many failed logins for {_options.UserName}: Tryton locks the login out for its session timeout.",
                    answer.RetryAfter ?? LockoutDelay);
            case HttpStatusCode.Forbidden:
                throw new TargetSetupException($"{_options.Description}: {method} is not allowed (HTTP 403).");
            case HttpStatusCode.NotFound:
                throw new TargetSetupException($"{_options.Description}: HTTP 404: no such Tryton database or address.");
            case >= HttpStatusCode.InternalServerError:
                throw new TransientTargetException($"{_options.Description}: {method}: HTTP {(int)answer.StatusCode} {Shorten(answer.Body)}", answer.RetryAfter);
            case HttpStatusCode.Unauthorized:
                throw new TargetSetupException($"{_options.Description}: {method}: HTTP 401.");
            case < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices:
                throw new TargetSetupException($"{_options.Description}: {method}: HTTP {(int)answer.StatusCode} {Shorten(answer.Body)}");
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(answer.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new TransientTargetException($"{_options.Description}: {method}: the answer is not JSON: {Shorten(answer.Body)}");
        }

        if (document["error"] is { } error)
        {
            throw TrytonFault.Read(method, error);
        }

        return document["result"];
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }

    private sealed record Answer(HttpStatusCode StatusCode, string Body, TimeSpan? RetryAfter);
}
