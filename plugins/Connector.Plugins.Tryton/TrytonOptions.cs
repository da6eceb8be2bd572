using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Plugins.Tryton;

/// <summary>
/// The <c>target.options</c> of a <c>tryton</c> entity. <c>url</c> (the trytond server), <c>database</c>, <c>user</c>
/// and <c>password</c> (a secret reference, resolved when the target first logs in) are required; <c>company</c> (the
/// company's party name; default the user's current company), <c>journal</c> (code of the revenue journal; default the
/// first revenue journal), <c>account</c> (code of the revenue account of the lines; default the first revenue account
/// by code), <c>taxes</c> (<c>code=Tryton tax name</c> pairs separated by <c>|</c>) and <c>timeout</c> (seconds, default
/// 60) are optional.
/// </summary>
internal sealed class TrytonOptions
{
    public const string Url = "url";
    public const string Database = "database";
    public const string User = "user";
    public const string Password = "password";
    public const string Company = "company";
    public const string Journal = "journal";
    public const string Account = "account";
    public const string Taxes = "taxes";
    public const string Timeout = "timeout";
    public const string PaymentMethod = "payment_method";

    public static IReadOnlyCollection<string> Names { get; } = [Url, Database, User, Password, Company, Journal, Account, Taxes, Timeout, PaymentMethod];

    private readonly Func<string> _password;

    private TrytonOptions(Uri endpoint, string database, string user, Func<string> password)
    {
        Endpoint = endpoint;
        DatabaseName = database;
        UserName = user;
        _password = password;
    }

    /// <summary>The JSON-RPC address: the server URL followed by the database name.</summary>
    public Uri Endpoint { get; }

    public string DatabaseName { get; }

    public string UserName { get; }

    public string? CompanyName { get; private init; }

    public string? JournalCode { get; private init; }

    public string? AccountCode { get; private init; }

    /// <summary>Tax codes of the records (after the profile's value map) to Tryton tax names.</summary>
    public IReadOnlyDictionary<string, string> TaxNames { get; private init; } = new Dictionary<string, string>();

    public TimeSpan RequestTimeout { get; private init; } = TimeSpan.FromSeconds(60);

    /// <summary>The Tryton invoice payment method receipts are paid with (<c>payment_method</c>); required only for receipts.</summary>
    public string? PaymentMethodName { get; private init; }

    /// <summary>Where and as whom, for messages (never the password).</summary>
    public string Description => $"Tryton {Endpoint} as {UserName}";

    /// <summary>The password, resolved from its reference on each call (a <see cref="TargetSetupException"/> names the reference).</summary>
    public string ResolvePassword() => _password();

    public static TrytonOptions Parse(EntityDefinition entity, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(secrets);
        TargetSetupException Wrong(string message) => new($"Entity {entity.Code}: target.options: {message}");
        string? Option(string name) => entity.Target.Options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string Required(string name) => Option(name) ?? throw Wrong($"{name} is required for a tryton target.");

        var url = Required(Url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw Wrong($"{Url} '{url}' is not an http(s) address of a Tryton server.");
        }

        var database = Required(Database);
        var user = Required(User);
        var passwordReference = Required(Password);
        if (!passwordReference.StartsWith("${", StringComparison.Ordinal))
        {
            throw Wrong($"{Password} must be a reference (${{env:NAME}} or ${{secret:NAME}}), never the password itself.");
        }

        var endpoint = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(database) + "/");
        return new TrytonOptions(endpoint, database, user, () => secrets.Resolve(Password, passwordReference))
        {
            CompanyName = Option(Company),
            JournalCode = Option(Journal),
            AccountCode = Option(Account),
            TaxNames = ParseTaxes(Option(Taxes), Wrong),
            RequestTimeout = Option(Timeout) is { } t ? ParseSeconds(t, Wrong) : TimeSpan.FromSeconds(60),
            PaymentMethodName = Option(PaymentMethod),
        };
    }

    private static Dictionary<string, string> ParseTaxes(string? text, Func<string, TargetSetupException> wrong)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (text ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw wrong($"{Taxes}: '{pair}' is not 'code=Tryton tax name'.");
            }

            map[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return map;
    }

    private static TimeSpan ParseSeconds(string text, Func<string, TargetSetupException> wrong)
    {
        var digits = text.EndsWith('s') ? text[..^1] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw wrong($"{Timeout} '{text}' must be a number of seconds from 1 to 3600 (e.g. 60 or 60s).");
    }
}
