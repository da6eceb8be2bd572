using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.OracleEmulator;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>The sample entities as the emulator's default setup knows them, and invoices for them.</summary>
internal static class FusionRestTestData
{
    public static EntityDefinition De(IReadOnlyDictionary<string, string> options) =>
        Entity("DE01", "EUR", EmulatorSetup.De, "CONNECTOR DE01", "DE01 Rechnung", "DE01 Gutschrift", options);

    public static EntityDefinition Fr(IReadOnlyDictionary<string, string> options) =>
        Entity("FR01", "EUR", EmulatorSetup.Fr, "CONNECTOR FR01", "FR01 Facture", "FR01 Avoir", options);

    public static EntityDefinition Us(IReadOnlyDictionary<string, string> options) =>
        Entity("US01", "USD", EmulatorSetup.Us, "CONNECTOR US01", "US01 Invoice", "US01 Credit Memo", options);

    public static EntityDefinition Entity(string code, string currency, string businessUnit, string source, string type,
        string creditMemoType, IReadOnlyDictionary<string, string> options, string terms = "30 NET") => new()
    {
        Code = code,
        Name = code + " test entity",
        Currency = currency,
        Country = code[..2],
        Directory = "/nonexistent/" + code,
        MasterData = "customers.csv",
        Target = new TargetDefinition
        {
            Type = "oracle-fusion-rest",
            BusinessUnit = businessUnit,
            TransactionSource = source,
            TransactionType = type,
            CreditMemoType = creditMemoType,
            DefaultTerms = terms,
            Options = options,
        },
    };

    public static string NewNumber() => "R" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static PostableInvoice Invoice(EntityDefinition entity, string account, string? number = null,
        InvoiceKind kind = InvoiceKind.Invoice, string? currency = null, params InvoiceLine[] lines)
    {
        var invoice = new Invoice
        {
            EntityCode = entity.Code,
            Number = number ?? NewNumber(),
            Kind = kind,
            IssueDate = new DateOnly(2026, 11, 20),
            Currency = currency ?? entity.Currency,
            ResolvedCustomer = new ResolvedCustomer(account, "Customer " + account, account + "-BT1"),
            PurchaseOrder = "PO-4711",
            Comments = "Test delivery",
            Lines = lines.Length > 0 ? lines
                : kind == InvoiceKind.CreditNote ? [Line(1, 2m, 50m, -100m)]
                : [Line(1, 3m, 33.33m), Line(2, 1m, 0.5m)],
            Source = new SourceLocation("test.csv", 2),
        };
        return new PostableInvoice(1, IdempotencyKey.ForInvoice(entity.Code, kind, invoice.Number), invoice);
    }

    public static InvoiceLine Line(int number, decimal quantity, decimal unitPrice, decimal? amount = null, string description = "Spindle") => new()
    {
        LineNumber = number,
        Description = description,
        ItemCode = "SP-" + number,
        Quantity = quantity,
        UnitOfMeasure = "EA",
        UnitPrice = unitPrice,
        Amount = amount ?? quantity * unitPrice,
        TaxCode = "VAT STD",
    };
}
