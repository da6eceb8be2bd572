using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>How the target authenticates: HTTP Basic (user and password) or an OAuth bearer token.</summary>
internal enum FusionAuthentication
{
    Basic,
    Bearer,
}

/// <summary>
/// The <c>target.options</c> of an <c>oracle-fusion-rest</c> entity, resolved: secrets are resolved here and kept only
/// in <see cref="Secret"/>, which is never written to a message or a log.
/// </summary>
internal sealed record FusionRestOptions
{
    public const string Url = "url";
    public const string User = "user";
    public const string Password = "password";
    public const string Token = "token";
    public const string FrameworkVersion = "framework_version";
    public const string Timeout = "timeout";
    public const string SendItemNumber = "send_item_number";

    /// <summary>The REST version path Oracle documents; appended when <c>url</c> names only the server.</summary>
    public const string DefaultResourcesPath = "fscmRestApi/resources/11.13.18.05/";

    public static IReadOnlyCollection<string> Names { get; } = [Url, User, Password, Token, FrameworkVersion, Timeout, SendItemNumber];

    /// <summary>The resources root, ending with a slash, e.g. https://host/fscmRestApi/resources/11.13.18.05/.</summary>
    public required Uri ResourcesUri { get; init; }

    public required FusionAuthentication Authentication { get; init; }

    /// <summary>The user name (Basic), shown in messages; null with a bearer token.</summary>
    public string? UserName { get; init; }

    /// <summary>The password or the token. Never logged, never put in a message.</summary>
    public required string Secret { get; init; }

    public int RestFrameworkVersion { get; init; } = 4;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Whether lines carry ItemNumber (the source's item code must then be an Oracle inventory item).</summary>
    public bool ItemNumbers { get; init; }

    /// <summary>Reads and checks the options; a <see cref="TargetSetupException"/> names the option at fault.</summary>
    public static FusionRestOptions Parse(EntityDefinition entity, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(secrets);
        var options = entity.Target.Options;
        string? Get(string name) => options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        TargetSetupException Wrong(string message) => new($"Entity {entity.Code}: target.options.{message}");

        var url = Get(Url) ?? throw Wrong($"{Url} is required (e.g. https://<pod>.fa.<region>.oraclecloud.com).");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Wrong($"{Url} '{url}' is not an absolute http(s) URL.");
        }

        var user = Get(User);
        var password = Get(Password);
        var token = Get(Token);
        FusionAuthentication authentication;
        string secret;
        if (token is not null)
        {
            if (user is not null || password is not null)
            {
                throw Wrong($"{Token} and {User}/{Password} are both set: give either a bearer token or a user and password.");
            }

            authentication = FusionAuthentication.Bearer;
            secret = secrets.Resolve(Token, token);
        }
        else if (user is not null && password is not null)
        {
            authentication = FusionAuthentication.Basic;
            user = secrets.Resolve(User, user);
            secret = secrets.Resolve(Password, password);
            if (user.Contains(':', StringComparison.Ordinal))
            {
                throw Wrong($"{User} must not contain ':' (HTTP Basic separates user and password with it).");
            }
        }
        else
        {
            throw Wrong($"{User} and {Password} (HTTP Basic), or {Token} (OAuth bearer), are required; give secrets as ${{env:NAME}} or ${{secret:NAME}}.");
        }

        return new FusionRestOptions
        {
            ResourcesUri = ResourcesRoot(uri),
            Authentication = authentication,
            UserName = authentication == FusionAuthentication.Basic ? user : null,
            Secret = secret,
            RestFrameworkVersion = Get(FrameworkVersion) is { } v ? ParseVersion(v, Wrong) : 4,
            RequestTimeout = Get(Timeout) is { } t ? ParseTimeout(t, Wrong) : TimeSpan.FromSeconds(100),
            ItemNumbers = Get(SendItemNumber) is { } s && ParseBool(s, Wrong),
        };
    }

    /// <summary>A URL with only a server (no path) gets Oracle's resources path; any other path is taken as given.</summary>
    private static Uri ResourcesRoot(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return uri.AbsolutePath.Trim('/').Length == 0 ? new Uri(text + DefaultResourcesPath) : new Uri(text);
    }

    private static int ParseVersion(string text, Func<string, TargetSetupException> wrong) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version is >= 1 and <= 99
            ? version
            : throw wrong($"{FrameworkVersion} '{text}' must be a whole number from 1 (REST-Framework-Version; 4 or more gives JSON errors).");

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

    private static bool ParseBool(string text, Func<string, TargetSetupException> wrong) =>
        bool.TryParse(text, out var value) ? value : throw wrong($"{SendItemNumber} '{text}' must be true or false.");
}
