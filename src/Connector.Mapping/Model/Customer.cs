namespace Connector.Mapping.Model;

/// <summary>The standing of a customer account in the entity's master data.</summary>
public enum CustomerStatus
{
    Active,
    Inactive,
    CreditHold,
}

/// <summary>A customer account site; <see cref="Purpose"/> is BILL_TO or SHIP_TO as in Oracle.</summary>
public sealed record CustomerSite(string SiteNumber, string Purpose, bool Primary, string? Address = null);

/// <summary>One customer of an entity's master data.</summary>
public sealed record Customer
{
    public required string AccountNumber { get; init; }

    public required string Name { get; init; }

    /// <summary>Other names the customer is known by (trading names, former names), matched like the name.</summary>
    public IReadOnlyList<string> AlternateNames { get; init; } = [];

    /// <summary>Tax identifiers as written in the master (VAT ids, SIREN/SIRET, EIN). The matcher normalises them.</summary>
    public IReadOnlyList<string> TaxIds { get; init; } = [];

    /// <summary>
    /// Other identifiers as <c>scheme:value</c>: electronic addresses (a Peppol endpoint 0225:123456789, an e-mail
    /// EM:ap@example.com), a GLN (0088:...), a Leitweg-ID (0204:...). Matched exactly after normalisation.
    /// </summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    public IReadOnlyList<CustomerSite> Sites { get; init; } = [];

    public CustomerStatus Status { get; init; } = CustomerStatus.Active;

    /// <summary>The customer's billing currency, when the master has one.</summary>
    public string? Currency { get; init; }

    /// <summary>The primary bill-to site, else the first bill-to site, else none.</summary>
    public CustomerSite? BillToSite
        => Sites.FirstOrDefault(s => s.Primary && IsBillTo(s)) ?? Sites.FirstOrDefault(IsBillTo);

    private static bool IsBillTo(CustomerSite site) => string.Equals(site.Purpose, "BILL_TO", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A name (or other identifier) learned from an operator's decision, pointing at a customer account.</summary>
public sealed record CustomerAlias(string Alias, string AccountNumber);
