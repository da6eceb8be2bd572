using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>How RA_INTERFACE_DISTRIBUTIONS_ALL is filled: not at all (AutoAccounting) or one REV row per line.</summary>
internal enum EbsDistributions
{
    AutoAccounting,
    RevenueAccount,
}

/// <summary>The <c>target.options</c> of an <c>oracle-ebs</c> entity, resolved and checked.</summary>
internal sealed record OracleEbsOptions
{
    public const string OracleProvider = "Oracle.ManagedDataAccess.Client";
    public const string NpgsqlProvider = "Npgsql";

    /// <summary>
    /// The RAXMTR submission of reference section 5.3 as one anonymous block; the request id comes back through the
    /// output parameter <c>request_id</c>. Parameters are written with <c>:</c> and rewritten to the configured prefix.
    /// </summary>
    public const string DefaultSubmit = """
        BEGIN
          fnd_global.apps_initialize(:user_id, :resp_id, 222);
          mo_global.set_policy_context('S', :org_id);
          fnd_request.set_org_id(:org_id);
          :request_id := fnd_request.submit_request('AR', 'RAXMTR', NULL, NULL, FALSE,
            '1', :org_id, :batch_source_id, :batch_source_name, :default_date,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Y', NULL);
          COMMIT;
        END;
        """;

    /// <summary>Phase and status of the request and of its children (RAXTRX workers); written with <c>:</c>.</summary>
    public const string DefaultRequestStatus =
        "SELECT PHASE_CODE, STATUS_CODE, COMPLETION_TEXT FROM FND_CONCURRENT_REQUESTS WHERE REQUEST_ID = :request_id OR PARENT_REQUEST_ID = :request_id";

    public static readonly IReadOnlyCollection<string> Names =
    [
        "provider", "provider_assembly", "connection_string", "parameter_prefix", "org_id", "batch_source_id", "submit",
        "request_status", "user_id", "resp_id", "distributions", "rev_account", "command_timeout_seconds",
        .. EbsReceiptOptions.Names,
    ];

    public required string Provider { get; init; }

    public string? ProviderAssembly { get; init; }

    public required string ConnectionString { get; init; }

    public required string ParameterPrefix { get; init; }

    public required long OrgId { get; init; }

    public long? BatchSourceId { get; init; }

    public required string Submit { get; init; }

    public required string RequestStatus { get; init; }

    public required long UserId { get; init; }

    public long? RespId { get; init; }

    public EbsDistributions Distributions { get; init; }

    /// <summary>The revenue account's segments (SEGMENT1..n), when <see cref="Distributions"/> is REV.</summary>
    public IReadOnlyList<string> RevenueAccount { get; init; } = [];

    public int CommandTimeoutSeconds { get; init; } = 300;

    /// <summary>Reads and checks the options; a <see cref="TargetSetupException"/> names the option that is wrong.</summary>
    public static OracleEbsOptions Parse(EntityDefinition entity, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        var options = entity.Target.Options;
        string? Get(string name) => options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        TargetSetupException Bad(string name, string what) => new($"Entity {entity.Code}: target.options.{name} {what}");

        long? Number(string name, string? value)
            => value is null ? null
                : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : throw Bad(name, $"must be a whole number (it is '{value}').");

        var provider = Get("provider") ?? throw Bad("provider", $"is required: {OracleProvider} (a real EBS) or {NpgsqlProvider}.");
        var connection = Get("connection_string") ?? throw Bad("connection_string", "is required (give it as ${secret:NAME} or ${env:NAME}: it holds the password).");
        var prefix = Get("parameter_prefix") ?? (provider == NpgsqlProvider ? "@" : ":");
        if (prefix is not (":" or "@"))
        {
            throw Bad("parameter_prefix", $"must be ':' (Oracle) or '@' (Npgsql), not '{prefix}'.");
        }

        var orgId = Number("org_id", Get("org_id")) ?? Number("org_id", entity.Target.BusinessUnitId)
            ?? throw Bad("org_id", "is required (or target.business_unit_id): the operating unit's ORG_ID.");
        var submit = Get("submit");
        var respId = Number("resp_id", Get("resp_id"));
        var userId = Number("user_id", Get("user_id"));
        if (submit is null && (respId is null || userId is null))
        {
            throw Bad(userId is null ? "user_id" : "resp_id", "is required by the default RAXMTR submission (fnd_global.apps_initialize): the FND user and a Receivables responsibility.");
        }

        var distributions = Get("distributions") switch
        {
            null or "auto_accounting" => EbsDistributions.AutoAccounting,
            "rev_account" => EbsDistributions.RevenueAccount,
            var other => throw Bad("distributions", $"must be auto_accounting (default) or rev_account, not '{other}'."),
        };
        var account = Get("rev_account")?.Split('.', StringSplitOptions.TrimEntries) ?? [];
        if (distributions == EbsDistributions.RevenueAccount && (account.Length is 0 or > 30 || account.Any(s => s.Length is 0 or > 25)))
        {
            throw Bad("rev_account", "must hold the revenue account's segments separated by '.', e.g. 01.000.4110.0000 (1 to 30 segments of at most 25 characters), when distributions is rev_account.");
        }

        var timeout = Number("command_timeout_seconds", Get("command_timeout_seconds")) ?? 300;
        return new OracleEbsOptions
        {
            Provider = provider,
            ProviderAssembly = Get("provider_assembly") is { } path ? Path.GetFullPath(Path.Combine(context.DataDirectory, path)) : null,
            ConnectionString = context.Secrets.Resolve("connection_string", connection),
            ParameterPrefix = prefix,
            OrgId = orgId,
            BatchSourceId = Number("batch_source_id", Get("batch_source_id")),
            Submit = submit ?? DefaultSubmit,
            RequestStatus = Get("request_status") ?? DefaultRequestStatus,
            UserId = userId ?? -1,
            RespId = respId,
            Distributions = distributions,
            RevenueAccount = account,
            CommandTimeoutSeconds = (int)Math.Clamp(timeout, 1, 86_400),
        };
    }
}
