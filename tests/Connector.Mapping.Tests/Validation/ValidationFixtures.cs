using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Validation;

namespace Connector.Mapping.Tests.Validation;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class ValidationFixtures
{
    /// <summary>Today for the validator: 2026-06-15 (late in the UTC day, to catch local-date mistakes).</summary>
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static EntityDefinition Entity { get; } = new()
    {
        Code = "FR01",
        Name = "Dupont Distribution SAS",
        Currency = "EUR",
        Country = "FR",
        Directory = "/tmp/fr01",
        MasterData = "customers.csv",
        AcceptedCurrencies = ["USD", "JPY"],
        Target = new TargetDefinition
        {
            Type = "oracle-fbdi",
            BusinessUnit = "FR01 BU",
            TransactionSource = "CONNECTOR FR01",
            TransactionType = "Invoice",
            CreditMemoType = "Credit Memo",
            DefaultTerms = "30 NET",
        },
    };

    public static Customer Acme { get; } = new()
    {
        AccountNumber = "C-1001",
        Name = "Acme Corporation",
        Sites = [new CustomerSite("S-1001-1", "BILL_TO", true)],
    };

    /// <summary>A correct invoice: 2 x 50 + 1 x 10.50 net, 20 % tax, totals declared.</summary>
    public static Invoice Sample { get; } = new()
    {
        EntityCode = "FR01",
        Number = "F-2026-0001",
        IssueDate = Today.AddDays(-1),
        DueDate = Today.AddDays(29),
        Currency = "EUR",
        Customer = new CustomerReference("C-1001", null, "ACME Corp."),
        Lines =
        [
            new InvoiceLine { LineNumber = 1, Description = "Widgets", Quantity = 2, UnitPrice = 50m, Amount = 100m, TaxRate = 20m, TaxAmount = 20m, SourceLine = 2 },
            new InvoiceLine { LineNumber = 2, Description = "Delivery", Quantity = 1, UnitPrice = 10.5m, Amount = 10.5m, TaxRate = 20m, TaxAmount = 2.1m, SourceLine = 3 },
        ],
        DeclaredNetTotal = 110.5m,
        DeclaredTaxTotal = 22.1m,
        DeclaredGrossTotal = 132.6m,
        Source = new SourceLocation("factures.csv", 2),
    };

    public static MatchResult Matched(Customer customer)
        => new(MatchOutcome.Matched, customer, MatchRules.Account, 100, [new MatchCandidate(customer, 100, MatchRules.Account, "account")], "account \"C-1001\" is C-1001");

    public static IReadOnlyList<Problem> Validate(Invoice invoice, MatchResult? match = null)
        => new InvoiceValidator(Entity, new FixedClock(new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.Zero)))
            .Validate(invoice, match ?? Matched(Acme));

    public static Invoice WithLine(Invoice invoice, int index, Func<InvoiceLine, InvoiceLine> change)
        => invoice with { Lines = [.. invoice.Lines.Select((l, i) => i == index ? change(l) : l)] };
}
