using System.Text;

namespace Connector.OracleEmulator;

/// <summary>
/// HTTP Basic against the setup's users, or a bearer token from the setup or issued by the token endpoint; anything
/// else is 401. The token endpoint authenticates its clients itself.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, EmulatorSetup setup, OAuthTokens tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(OAuthTokens.TokenPath, StringComparison.OrdinalIgnoreCase)
            || IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"fscm\"";
    }

    private bool IsAuthorized(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length > 0 && (setup.BearerTokens.Contains(token, StringComparer.Ordinal) || tokens.Accepts(token));
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && setup.Users.TryGetValue(decoded[..colon], out var password)
            && string.Equals(password, decoded[(colon + 1)..], StringComparison.Ordinal);
    }
}
