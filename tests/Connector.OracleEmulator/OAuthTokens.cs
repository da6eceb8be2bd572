using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// The identity domain's token endpoint (<c>POST /oauth2/v1/token</c>, client credentials, the client authenticated
/// with HTTP Basic as RFC 6749 2.3.1 says) and the tokens it issued, accepted as bearer tokens until they expire.
/// </summary>
internal sealed class OAuthTokens(EmulatorSetup setup)
{
    public const string TokenPath = "/oauth2/v1/token";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private int _count;

    public int Issued => _count;

    public bool Accepts(string token) => _issued.TryGetValue(token, out var expires) && setup.Clock.GetUtcNow() < expires;

    /// <summary>Makes every token issued so far unacceptable (as a revocation would).</summary>
    public void RevokeAll() => _issued.Clear();

    public void Map(WebApplication app) => app.MapPost(TokenPath, IssueAsync);

    private async Task IssueAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "unsupported_grant_type");
            return;
        }

        if (ClientOf(context.Request.Headers.Authorization.ToString()) is not { } client
            || !setup.OAuthClients.TryGetValue(client.Id, out var secret) || !string.Equals(secret, client.Secret, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, "invalid_client");
            return;
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _issued[token] = setup.Clock.GetUtcNow() + setup.OAuthTokenLifetime;
        Interlocked.Increment(ref _count);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)setup.OAuthTokenLifetime.TotalSeconds,
        }.ToJsonString());
    }

    private static (string Id, string Secret)? ClientOf(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (Uri.UnescapeDataString(text[..colon]), Uri.UnescapeDataString(text[(colon + 1)..])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"error":"{{error}}"}"""));
    }
}
