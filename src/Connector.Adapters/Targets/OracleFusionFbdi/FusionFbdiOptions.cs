using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// The <c>target.options</c> of <c>oracle-fusion-fbdi</c>, secrets resolved. <see cref="ToString"/> never shows them.
/// </summary>
internal sealed class FusionFbdiOptions
{
    public const string Url = "url";
    public const string User = "user";
    public const string Password = "password";
    public const string Token = "token";
    public const string DocumentAccountOption = "document_account";
    public const string JobNameOption = "job_name";
    public const string TimeoutOption = "timeout";

    /// <summary>The UCM account of receivables imports, in the form most samples use (Oracle's page spells it fin/autoInvoice/import).</summary>
    public const string DefaultDocumentAccount = "fin$/receivables$/import$";

    /// <summary>The Import AutoInvoice ESS job, as <c>package,definition</c>.</summary>
    public const string DefaultJobName = "/oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    public static IReadOnlyCollection<string> Names { get; } =
        [Url, User, Password, Token, DocumentAccountOption, JobNameOption, TimeoutOption];

    private FusionFbdiOptions(Uri podRoot, AuthenticationHeaderValue authorization, string authDescription,
        string documentAccount, string jobName, TimeSpan timeout)
    {
        PodRoot = podRoot;
        Authorization = authorization;
        AuthDescription = authDescription;
        DocumentAccount = documentAccount;
        JobName = jobName;
        Timeout = timeout;
    }

    /// <summary>The pod root, e.g. https://xxx.fa.ocs.oraclecloud.com/ (always ends with a slash).</summary>
    public Uri PodRoot { get; }

    public AuthenticationHeaderValue Authorization { get; }

    /// <summary>"user NAME (basic)" or "bearer token": safe to show.</summary>
    public string AuthDescription { get; }

    public string DocumentAccount { get; }

    public string JobName { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Reads the options of an entity; a <see cref="TargetSetupException"/> names the option that is wrong.</summary>
    public static FusionFbdiOptions From(EntityDefinition entity, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(secrets);
        var options = entity.Target.Options;
        string? Get(string name) => options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        TargetSetupException Wrong(string what) => new($"Entity {entity.Code}: target.options.{what}");

        var urlText = Get(Url) ?? throw Wrong($"{Url} is missing: give the pod root, e.g. https://xxx.fa.ocs.oraclecloud.com.");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Wrong($"{Url} '{urlText}' is not an http(s) URL.");
        }

        var root = new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        var user = Get(User);
        var password = Get(Password);
        var token = Get(Token);
        AuthenticationHeaderValue authorization;
        string description;
        if (token is not null)
        {
            if (user is not null || password is not null)
            {
                throw Wrong($"{Token} is given together with {User}/{Password}: give either a bearer token or a user and password.");
            }

            authorization = new AuthenticationHeaderValue("Bearer", secrets.Resolve(Token, token));
            description = "bearer token";
        }
        else if (user is not null && password is not null)
        {
            var resolvedUser = secrets.Resolve(User, user);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(resolvedUser + ":" + secrets.Resolve(Password, password)));
            authorization = new AuthenticationHeaderValue("Basic", basic);
            description = $"user {resolvedUser} (basic)";
        }
        else
        {
            throw Wrong($"{User} and {Password} (a secret reference such as ${{env:FUSION_PASSWORD}}), or {Token}, are needed.");
        }

        var jobName = Get(JobNameOption) ?? DefaultJobName;
        if (jobName.Count(c => c == ',') != 1)
        {
            throw Wrong($"{JobNameOption} '{jobName}' must be 'package,definition'.");
        }

        if (entity.Target.TransactionSource.Contains(',', StringComparison.Ordinal)
            || (entity.Target.BusinessUnitId ?? entity.Target.BusinessUnit).Contains(',', StringComparison.Ordinal))
        {
            throw new TargetSetupException($"Entity {entity.Code}: the business unit and transaction source cannot hold a comma: "
                + "the ESS parameter list is comma-separated (give target.business_unit_id instead).");
        }

        return new FusionFbdiOptions(root, authorization, description, Get(DocumentAccountOption) ?? DefaultDocumentAccount,
            jobName, ParseTimeout(Get(TimeoutOption), Wrong));
    }

    public override string ToString() => $"{PodRoot} as {AuthDescription}";

    /// <summary>Seconds (<c>100</c>) or a time span (<c>00:01:40</c>).</summary>
    private static TimeSpan ParseTimeout(string? text, Func<string, TargetSetupException> wrong)
    {
        if (text is null)
        {
            return DefaultTimeout;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw wrong($"{TimeoutOption} '{text}' is neither seconds nor a time span such as 00:01:40.");
    }
}
