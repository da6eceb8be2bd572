using Connector.Mapping.CashApplication;

namespace Connector.Mapping.Entities;

/// <summary>One onboarded company, as described by its <c>entity.yaml</c>.</summary>
public sealed record EntityDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Functional currency (ISO 4217).</summary>
    public required string Currency { get; init; }

    /// <summary>ISO 3166 alpha-2 country code.</summary>
    public required string Country { get; init; }

    /// <summary>The folder holding entity.yaml; relative paths in the entity resolve against it.</summary>
    public required string Directory { get; init; }

    public required TargetDefinition Target { get; init; }

    public IReadOnlyList<SourceDefinition> Sources { get; init; } = [];

    /// <summary>
    /// The customer master file (CSV), relative to <see cref="Directory"/>; or <see cref="MasterDataFromTargetValue"/>:
    /// the customers come from the entity's target (a target that provides master data, e.g. the tryton plugin).
    /// </summary>
    public required string MasterData { get; init; }

    /// <summary>The <c>master_data</c> value that takes the customers from the target instead of a file.</summary>
    public const string MasterDataFromTargetValue = "target";

    public bool MasterDataFromTarget => string.Equals(MasterData, MasterDataFromTargetValue, StringComparison.Ordinal);

    /// <summary>Other currencies the entity invoices in besides its functional currency.</summary>
    public IReadOnlyList<string> AcceptedCurrencies { get; init; } = [];

    public MatchingOptions Matching { get; init; } = new();

    /// <summary>
    /// How the entity is named in e-invoices it issues (the seller): VAT ids, legal registration ids (SIREN, SIRET,
    /// HRB...) and electronic addresses. An e-invoice is routed to the entity its seller identifies.
    /// </summary>
    public EntityIdentifiers Identifiers { get; init; } = EntityIdentifiers.None;

    public ValidationOptions Validation { get; init; } = new();

    /// <summary>Tolerances and limits of cash application (payments applied to open items).</summary>
    public CashApplicationOptions CashApplication { get; init; } = new();
}

/// <summary>Where an entity's records go, with the ERP's identifiers for the entity.</summary>
public sealed record TargetDefinition
{
    /// <summary>The adapter: <c>oracle-fbdi</c> (AutoInvoice files in an outbox), <c>oracle-fusion-rest</c>,
    /// <c>oracle-fusion-fbdi</c> (AutoInvoice through erpintegrations), <c>oracle-ebs</c> (interface tables).</summary>
    public required string Type { get; init; }

    /// <summary>Oracle business unit name (BU_NAME).</summary>
    public required string BusinessUnit { get; init; }

    /// <summary>Oracle business unit identifier (ORG_ID), when known.</summary>
    public string? BusinessUnitId { get; init; }

    /// <summary>AutoInvoice transaction (batch) source; must use manual numbering so that the source number is kept.</summary>
    public required string TransactionSource { get; init; }

    public required string TransactionType { get; init; }

    public required string CreditMemoType { get; init; }

    /// <summary>Payment terms used when a record has none.</summary>
    public required string DefaultTerms { get; init; }

    /// <summary>Line transaction flexfield context (INTERFACE_LINE_CONTEXT) defined in Oracle for the Connector.</summary>
    public string FlexfieldContext { get; init; } = "CONNECTOR";

    /// <summary>Where import packages are written, relative to the data folder when not absolute.</summary>
    public string Outbox { get; init; } = "outbox";

    /// <summary>At most this many invoice lines per import package.</summary>
    public int MaxLinesPerFile { get; init; } = 100_000;

    /// <summary>
    /// The adapter's own settings as written under <c>target.options</c> (URL, user, provider...). Secrets appear only
    /// as references (<c>${env:NAME}</c> or <c>${secret:NAME}</c>), resolved when the target is built.
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How the pipeline calls this target: time-out, retries, circuit breaker, concurrency and rate.</summary>
    public ResilienceDefinition Resilience { get; init; } = new();
}

/// <summary>The resilience of calls to one target, from <c>target.resilience</c>.</summary>
public sealed record ResilienceDefinition
{
    /// <summary>The time one call may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries of a transient failure (after the first attempt); refusals are never retried.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first retry delay; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>. A Retry-After from the target wins.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The circuit opens when this share of calls failed transiently within <see cref="CircuitSamplingDuration"/>...</summary>
    public double CircuitFailureRatio { get; init; } = 0.5;

    /// <summary>...provided at least this many calls were made in that time.</summary>
    public int CircuitMinimumThroughput { get; init; } = 10;

    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit parks the target before one trial call is let through.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many calls to the target at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>At most this many calls per second, or null for no rate limit.</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>How often a submitted batch import (FBDI job, AutoInvoice request) is looked at.</summary>
    public TimeSpan ConfirmPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a run waits for a batch import to finish before leaving it to be confirmed by the next run.</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>One way documents of the entity arrive: an inbox folder with a profile and a schedule.</summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }

    /// <summary>Folder watched for new files, relative to the data folder when not absolute.</summary>
    public required string Inbox { get; init; }

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 */5 * * * ?</c>.</summary>
    public required string Schedule { get; init; }

    /// <summary>The mapping profile (file name without extension, in the entity folder) that reads these files.</summary>
    public required string Profile { get; init; }

    /// <summary>File name pattern to pick up, e.g. <c>*.csv</c>.</summary>
    public string Pattern { get; init; } = "*";
}

/// <summary>The <c>identifiers:</c> of an entity; each list may be empty.</summary>
public sealed record EntityIdentifiers
{
    public static EntityIdentifiers None { get; } = new();

    /// <summary>VAT ids with their country prefix (FR13412987653, DE123456789).</summary>
    public IReadOnlyList<string> VatIds { get; init; } = [];

    /// <summary>Legal registration ids, bare or as <c>scheme:value</c> (412987653, 0009:41298765310009).</summary>
    public IReadOnlyList<string> LegalIds { get; init; } = [];

    /// <summary>Electronic addresses as <c>scheme:value</c> (0225:412987653, 0088:4012345000009, EM:ar@example.com).</summary>
    public IReadOnlyList<string> ElectronicAddresses { get; init; } = [];

    /// <summary>The entity's bank accounts customers pay into (IBANs, account numbers, lockbox numbers): a bank file is routed by the account it reports.</summary>
    public IReadOnlyList<string> BankAccounts { get; init; } = [];

    /// <summary>No seller identifier (bank accounts do not name a seller).</summary>
    public bool IsEmpty => VatIds.Count == 0 && LegalIds.Count == 0 && ElectronicAddresses.Count == 0;
}

/// <summary>Thresholds of the fuzzy name match, as scores from 0 to 100.</summary>
public sealed record MatchingOptions
{
    /// <summary>At or above this score a name match is accepted on its own.</summary>
    public int AcceptScore { get; init; } = 92;

    /// <summary>From this score up to <see cref="AcceptScore"/>, candidates are proposed to an operator.</summary>
    public int ProposeScore { get; init; } = 70;

    /// <summary>How many candidates to propose at most.</summary>
    public int MaxCandidates { get; init; } = 3;
}

/// <summary>Tolerances of the validation rules.</summary>
public sealed record ValidationOptions
{
    /// <summary>An issue date more than this many days after today is refused.</summary>
    public int MaxDaysInFuture { get; init; } = 7;

    /// <summary>An issue date more than this many days before today is refused.</summary>
    public int MaxDaysInPast { get; init; } = 730;

    /// <summary>Allowed difference between quantity x unit price and the line amount, and between sums and totals.</summary>
    public decimal AmountTolerance { get; init; } = 0.01m;
}
