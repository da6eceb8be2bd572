using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>
/// OAuth 2.0 client credentials for a Fusion target: an access token fetched from the identity domain's token endpoint
/// (POST <c>grant_type=client_credentials</c>, the client authenticated with HTTP Basic), kept and reused, and fetched
/// again a minute before it expires (or when Oracle refused it). One fetch at a time; secrets appear in no message.
/// </summary>
internal sealed class FusionTokenSource(FusionConnection connection, HttpClient client, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>How many tokens were fetched (for the log and the tests).</summary>
    public int Fetched { get; private set; }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is { } current && clock.GetUtcNow() < _renewAt)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && clock.GetUtcNow() < _renewAt)
            {
                return fresh;
            }

            (_token, _renewAt) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            Fetched++;
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Oracle refused the token (revoked, expired early): the next request fetches a new one.</summary>
    public void Forget(string token)
    {
        if (string.Equals(_token, token, StringComparison.Ordinal))
        {
            _renewAt = DateTimeOffset.MinValue;
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, DateTimeOffset RenewAt)> FetchAsync(CancellationToken cancellationToken)
    {
        var oauth = connection.OAuth ?? throw new InvalidOperationException("The connection has no OAuth client.");
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (oauth.Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, oauth.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = connection.ClientAuthorization();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.RequestTimeout);
        string body;
        HttpStatusCode status;
        try
        {
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTargetException($"The token endpoint of {oauth} did not answer within {connection.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TransientTargetException($"The token endpoint of {oauth} could not be reached ({e.Message}).", inner: e);
        }

        if ((int)status is 429 or >= 500)
        {
            throw new TransientTargetException($"The token endpoint of {oauth} answered HTTP {(int)status}.");
        }

        if (status != HttpStatusCode.OK)
        {
            // 400 invalid_client / invalid_scope, 401: the configuration, not the records. The error code is safe to show.
            throw new TargetSetupException($"The token endpoint refused {oauth} (HTTP {(int)status}{ErrorCode(body)}): check target.options.oauth_client_id, oauth_client_secret and oauth_scope.");
        }

        try
        {
            var json = JsonNode.Parse(body) as JsonObject;
            var token = json?["access_token"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token))
            {
                throw new TargetSetupException($"The token endpoint of {oauth} answered without an access_token.");
            }

            var lifetime = json!["expires_in"] is JsonValue v && v.TryGetValue<int>(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
            var margin = lifetime > Margin * 2 ? Margin : lifetime / 2;
            return (token, clock.GetUtcNow() + lifetime - margin);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new TargetSetupException($"The token endpoint of {oauth} answered with a body that is not an OAuth token response.", e);
        }
    }

    private static string ErrorCode(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["error"] is JsonValue e && e.TryGetValue<string>(out var code) ? ", " + code : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
