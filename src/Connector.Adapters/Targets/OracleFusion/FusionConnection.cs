using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>How a Fusion target authenticates: HTTP Basic, a fixed OAuth bearer token, or OAuth client credentials.</summary>
internal enum FusionAuthentication
{
    Basic,
    Bearer,

    /// <summary>Tokens fetched from the identity domain's token endpoint with the client's id and secret, renewed before they expire.</summary>
    ClientCredentials,
}

/// <summary>OAuth 2.0 client credentials: the token endpoint, the client, and the scope (Fusion's resource).</summary>
internal sealed record FusionOAuthClient(Uri TokenUrl, string ClientId, string? Scope)
{
    public override string ToString() => $"client '{ClientId}' at {TokenUrl.GetLeftPart(UriPartial.Path)}";
}

/// <summary>
/// The connection options both Fusion targets read from <c>target.options</c> (<c>url</c>, <c>user</c> + <c>password</c>
/// or <c>token</c>, <c>timeout</c>), secrets resolved through <see cref="ISecretSource"/>. The secret is held only to
/// build the Authorization header; <see cref="ToString"/> and <see cref="Description"/> never show it.
/// </summary>
internal sealed class FusionConnection
{
    public const string Url = "url";
    public const string User = "user";
    public const string Password = "password";
    public const string Token = "token";
    public const string Timeout = "timeout";
    public const string OAuthTokenUrl = "oauth_token_url";
    public const string OAuthClientId = "oauth_client_id";
    public const string OAuthClientSecret = "oauth_client_secret";
    public const string OAuthScope = "oauth_scope";

    /// <summary>The REST version path Oracle documents; appended to a <c>url</c> that names the pod, not the resources.</summary>
    public const string DefaultResourcesPath = "fscmRestApi/resources/11.13.18.05/";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The option names read here; each target adds its own.</summary>
    public static IReadOnlyList<string> Names { get; } = [Url, User, Password, Token, Timeout, OAuthTokenUrl, OAuthClientId, OAuthClientSecret, OAuthScope];

    private readonly string _secret;

    private FusionConnection(Uri resourcesUri, FusionAuthentication authentication, string? userName, string secret, TimeSpan requestTimeout, FusionOAuthClient? oauth = null)
    {
        ResourcesUri = resourcesUri;
        Authentication = authentication;
        UserName = userName;
        _secret = secret;
        RequestTimeout = requestTimeout;
        OAuth = oauth;
    }

    /// <summary>With <see cref="FusionAuthentication.ClientCredentials"/>: where and as whom tokens are fetched.</summary>
    public FusionOAuthClient? OAuth { get; }

    /// <summary>The Authorization header of a token request: the client's id and secret (HTTP Basic, RFC 6749 2.3.1).</summary>
    public AuthenticationHeaderValue ClientAuthorization() => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
        Uri.EscapeDataString(OAuth?.ClientId ?? string.Empty) + ":" + Uri.EscapeDataString(_secret))));

    /// <summary>The resources root, ending with a slash, e.g. https://host/fscmRestApi/resources/11.13.18.05/.</summary>
    public Uri ResourcesUri { get; }

    public FusionAuthentication Authentication { get; }

    /// <summary>The user name (Basic), shown in messages; null with a bearer token.</summary>
    public string? UserName { get; }

    /// <summary>How long one HTTP request (sending, waiting, reading the answer) may take.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Who the target is, for messages: the resources URL and the user (never a secret).</summary>
    public string Description => ResourcesUri + (OAuth is { } oauth ? $" with OAuth {oauth}" : UserName is null ? " as bearer token" : $" as user '{UserName}'");

    public override string ToString() => Description;

    /// <summary>The Authorization header of every request (Basic or a fixed token; client credentials fetch theirs).</summary>
    public AuthenticationHeaderValue Authorization() => Authentication == FusionAuthentication.Bearer
        ? new AuthenticationHeaderValue("Bearer", _secret)
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + _secret)));

    /// <summary>Reads and checks the options; a <see cref="TargetSetupException"/> names the option at fault.</summary>
    public static FusionConnection Parse(EntityDefinition entity, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(secrets);
        string? Get(string name) => Option(entity, name);
        TargetSetupException Wrong(string message) => WrongOption(entity, message);

        var url = Get(Url) ?? throw Wrong($"{Url} is required (e.g. https://<pod>.fa.<region>.oraclecloud.com).");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Wrong($"{Url} '{url}' is not an absolute http(s) URL.");
        }

        var user = Get(User);
        var password = Get(Password);
        var token = Get(Token);
        var timeout = Get(Timeout) is { } t ? ParseTimeout(t, Wrong) : DefaultTimeout;
        var tokenUrl = Get(OAuthTokenUrl);
        var clientId = Get(OAuthClientId);
        var clientSecret = Get(OAuthClientSecret);
        if (tokenUrl is not null || clientId is not null || clientSecret is not null)
        {
            if (user is not null || password is not null || token is not null)
            {
                throw Wrong($"{OAuthTokenUrl} (OAuth client credentials) and {User}/{Password}/{Token} are both set: give one way to authenticate.");
            }

            if (tokenUrl is null || clientId is null || clientSecret is null)
            {
                throw Wrong($"{OAuthTokenUrl}, {OAuthClientId} and {OAuthClientSecret} go together (OAuth client credentials); {string.Join(", ", new[] { (OAuthTokenUrl, tokenUrl), (OAuthClientId, clientId), (OAuthClientSecret, clientSecret) }.Where(o => o.Item2 is null).Select(o => o.Item1))} missing.");
            }

            if (!Uri.TryCreate(tokenUrl, UriKind.Absolute, out var tokenUri) || (tokenUri.Scheme != Uri.UriSchemeHttps && tokenUri.Scheme != Uri.UriSchemeHttp))
            {
                throw Wrong($"{OAuthTokenUrl} '{tokenUrl}' is not an absolute http(s) URL (e.g. https://idcs-<id>.identity.oraclecloud.com/oauth2/v1/token).");
            }

            var client = new FusionOAuthClient(tokenUri, secrets.Resolve(OAuthClientId, clientId), Get(OAuthScope));
            return new FusionConnection(ResourcesRoot(uri), FusionAuthentication.ClientCredentials, null, secrets.Resolve(OAuthClientSecret, clientSecret), timeout, client);
        }

        if (token is not null)
        {
            if (user is not null || password is not null)
            {
                throw Wrong($"{Token} and {User}/{Password} are both set: give either a bearer token or a user and password.");
            }

            return new FusionConnection(ResourcesRoot(uri), FusionAuthentication.Bearer, null, secrets.Resolve(Token, token), timeout);
        }

        if (user is null || password is null)
        {
            throw Wrong($"{User} and {Password} (HTTP Basic), or {Token} (OAuth bearer), are required; give secrets as ${{env:NAME}} or ${{secret:NAME}}.");
        }

        user = secrets.Resolve(User, user);
        var secret = secrets.Resolve(Password, password);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw Wrong($"{User} must not contain ':' (HTTP Basic separates user and password with it).");
        }

        return new FusionConnection(ResourcesRoot(uri), FusionAuthentication.Basic, user, secret, timeout);
    }

    /// <summary>An option's trimmed value, or null when it is absent or blank.</summary>
    public static string? Option(EntityDefinition entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Target.Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>The setup failure of a wrong option, e.g. <c>Entity DE01: target.options.timeout '-3' must be ...</c>.</summary>
    public static TargetSetupException WrongOption(EntityDefinition entity, string message)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new TargetSetupException($"Entity {entity.Code}: target.options.{message}");
    }

    /// <summary>
    /// A URL whose path has a <c>resources</c> segment (…/fscmRestApi/resources/11.13.18.05, …/resources/latest) is the
    /// resources root as given; any other (the pod, or the pod behind a path prefix) gets Oracle's resources path.
    /// </summary>
    private static Uri ResourcesRoot(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Contains("resources", StringComparer.OrdinalIgnoreCase) ? new Uri(text) : new Uri(text + DefaultResourcesPath);
    }

    /// <summary>Whole seconds (<c>30</c>, <c>30s</c>) or a time span (<c>00:00:30</c>), more than zero.</summary>
    private static TimeSpan ParseTimeout(string text, Func<string, TargetSetupException> wrong)
    {
        var seconds = text.EndsWith('s') ? text[..^1] : text;
        if (int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole > 0)
        {
            return TimeSpan.FromSeconds(whole);
        }

        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw wrong($"{Timeout} '{text}' must be whole seconds (e.g. 30 or 30s) or hh:mm:ss, more than zero.");
    }
}
