namespace Connector.OracleEmulator;

/// <summary>The seeded setup data of an emulated Fusion pod: what POST validates against, and who may call.</summary>
public sealed partial record EmulatorSetup
{
    public required IReadOnlyList<EmulatedBusinessUnit> BusinessUnits { get; init; }
    public required IReadOnlyList<EmulatedTransactionSource> TransactionSources { get; init; }
    public required IReadOnlyList<EmulatedTransactionType> TransactionTypes { get; init; }
    public required IReadOnlyList<EmulatedPaymentTerm> PaymentTerms { get; init; }

    /// <summary>Enabled currency codes with their precision (decimal places).</summary>
    public required IReadOnlyDictionary<string, int> Currencies { get; init; }

    public required IReadOnlyList<EmulatedCustomer> Customers { get; init; }

    /// <summary>HTTP Basic users: user name to password.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>Accepted OAuth bearer tokens (opaque strings).</summary>
    public IReadOnlyList<string> BearerTokens { get; init; } = [];

    /// <summary>The first CustomerTransactionId handed out; later ones count up by one.</summary>
    public long FirstCustomerTransactionId { get; init; } = 300100170996427;
}

/// <param name="Name">The BusinessUnit value callers send.</param>
/// <param name="Id">The business unit id (BusinessUnitId).</param>
/// <param name="LedgerCurrency">The functional currency; other currencies need conversion data.</param>
public sealed record EmulatedBusinessUnit(string Name, long Id, string LedgerCurrency);

public enum NumberingMode
{
    /// <summary>The caller sends TransactionNumber; it must be unique in the source unless duplicates are allowed.</summary>
    Manual,

    /// <summary>Oracle generates TransactionNumber; a caller-supplied number is refused.</summary>
    Automatic,
}

public sealed record EmulatedTransactionSource(
    string Name,
    string BusinessUnit,
    NumberingMode Numbering,
    bool AllowDuplicateNumbers = false,
    long NextAutomaticNumber = 1000);

public enum TransactionClass
{
    Invoice,
    CreditMemo,
}

public sealed record EmulatedTransactionType(string Name, string BusinessUnit, TransactionClass Class);

public sealed record EmulatedPaymentTerm(string Name, int DueDays);

/// <param name="AccountNumber">BillToCustomerNumber.</param>
/// <param name="Name">The account name, returned as BillToCustomerName when none is sent.</param>
/// <param name="BusinessUnit">The business unit the account's sites are assigned to.</param>
/// <param name="BillToSites">Site numbers; the first is the primary bill-to site used when none is sent.</param>
/// <param name="Active">An inactive account is refused like an unknown one.</param>
public sealed record EmulatedCustomer(
    string AccountNumber,
    string Name,
    string BusinessUnit,
    IReadOnlyList<string> BillToSites,
    bool Active = true);
