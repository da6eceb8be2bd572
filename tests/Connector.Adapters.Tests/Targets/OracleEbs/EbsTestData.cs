using Connector.Adapters.Abstractions;
using Connector.Adapters.Configuration;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Adapters.Tests.Targets.OracleEbs;

/// <summary>An oracle-ebs entity on the PostgreSQL stand-in, its customers, and invoices to post.</summary>
internal static class EbsTestData
{
    public const long BatchSourceId = 1001;
    public const string OrgId = "204";

    /// <summary>The stand-in's submit statement: the emulated RAXMTR, called with the same named parameters as the Oracle block.</summary>
    public const string Submit = "SELECT FND_REQUEST_SUBMIT_RAXMTR(:org_id, :batch_source_id, :batch_source_name, :default_date, :user_id)";

    public static EntityDefinition Entity(string connectionString, Dictionary<string, string>? extra = null)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["provider"] = "Npgsql",
            ["connection_string"] = "${env:EBS_TEST_DB}",
            ["submit"] = Submit,
            ["user_id"] = "1318",
        };
        foreach (var (k, v) in extra ?? [])
        {
            options[k] = v;
        }

        return new EntityDefinition
        {
            Code = "FR01",
            Name = "Dupont Distribution SAS",
            Currency = "EUR",
            Country = "FR",
            Directory = "/nonexistent/FR01",
            MasterData = "customers.csv",
            Target = new TargetDefinition
            {
                Type = "oracle-ebs",
                BusinessUnit = "FR01 Dupont OU",
                BusinessUnitId = OrgId,
                TransactionSource = "CONNECTOR FR01",
                TransactionType = "FR01 Facture",
                CreditMemoType = "FR01 Avoir",
                DefaultTerms = "30 NET",
                FlexfieldContext = "CONNECTOR",
                Options = options,
            },
        };
    }

    public static readonly Customer[] Customers =
    [
        Customer("C10001", "Électricité Moreau SARL"),
        Customer("C10002", "Societe Generale de Transports SA"),
        Customer("C10099", "Ancien Client SA", CustomerStatus.Inactive),
    ];

    public static Customer Customer(string account, string name, CustomerStatus status = CustomerStatus.Active)
        => new() { AccountNumber = account, Name = name, Status = status, Sites = [new CustomerSite(account + "-BT1", "BILL_TO", true)] };

    public static IBatchInvoiceTarget Target(EntityDefinition entity, string connectionString, TimeProvider? clock = null)
    {
        var secrets = new SecretSource(null, name => name == "EBS_TEST_DB" ? connectionString : null);
        var context = new TargetContext(Path.GetTempPath(), secrets, clock ?? TimeProvider.System, NullLoggerFactory.Instance);
        return (IBatchInvoiceTarget)TargetRegistry.WithBuiltIns().Create(entity, context);
    }

    public static Invoice Invoice(string number, string account = "C10001", InvoiceKind kind = InvoiceKind.Invoice, string? terms = "45 EOM", params InvoiceLine[] lines)
        => new()
        {
            EntityCode = "FR01",
            Number = number,
            Kind = kind,
            IssueDate = new DateOnly(2026, 3, 17),
            Currency = "EUR",
            PaymentTerms = terms,
            ResolvedCustomer = new ResolvedCustomer(account, "Customer " + account, account + "-BT1"),
            PurchaseOrder = "PO-77",
            Comments = "March delivery",
            Lines = lines.Length > 0 ? lines : [Line(1, 2m, 50m), Line(2, 1m, 12.5m)],
            Source = new SourceLocation("factures.csv", 2),
        };

    public static InvoiceLine Line(int number, decimal quantity, decimal unitPrice, decimal? amount = null)
        => new()
        {
            LineNumber = number,
            Description = "Câble H07V-U 2.5mm² line " + number,
            Quantity = quantity,
            UnitOfMeasure = "EA",
            UnitPrice = unitPrice,
            Amount = amount ?? quantity * unitPrice,
            TaxCode = "FR VAT 20",
            TaxRate = 20m,
            TaxAmount = (amount ?? quantity * unitPrice) * 0.2m,
        };

    public static InvoiceBatch Batch(EntityDefinition entity, string batchId, params Invoice[] invoices)
        => new(batchId, entity, [.. invoices.Select((inv, i) => new PostableInvoice(i + 1, IdempotencyKey.ForInvoice(inv.EntityCode, inv.Kind, inv.Number), inv))]);
}
