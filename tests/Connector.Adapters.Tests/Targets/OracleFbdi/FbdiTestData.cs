using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.VisualBasic.FileIO;

namespace Connector.Adapters.Tests.Targets.OracleFbdi;

/// <summary>Builders for batches and an independent CSV parser (the framework's TextFieldParser) to read rows back.</summary>
internal static class FbdiTestData
{
    public static EntityDefinition Entity(string outbox = "outbox/FR01", string? businessUnitId = "300000001234567", string context = "CONNECTOR")
        => new()
        {
            Code = "FR01",
            Name = "Dupont Distribution SAS",
            Currency = "EUR",
            Country = "FR",
            Directory = "/nonexistent/FR01",
            MasterData = "customers.csv",
            Target = new TargetDefinition
            {
                Type = "oracle-fbdi",
                BusinessUnit = "FR01 Business Unit",
                BusinessUnitId = businessUnitId,
                TransactionSource = "CONNECTOR FR01",
                TransactionType = "Invoice",
                CreditMemoType = "Credit Memo",
                DefaultTerms = "30 NET",
                FlexfieldContext = context,
                Outbox = outbox,
            },
        };

    public static Invoice Invoice(string number = "F-2026-0001", InvoiceKind kind = InvoiceKind.Invoice, string currency = "EUR", params InvoiceLine[] lines)
        => new()
        {
            EntityCode = "FR01",
            Number = number,
            Kind = kind,
            IssueDate = new DateOnly(2026, 3, 17),
            DueDate = new DateOnly(2026, 4, 16),
            Currency = currency,
            PaymentTerms = "45 EOM",
            ResolvedCustomer = new ResolvedCustomer("C-1001", "Acme Corporation", "S-1001-1"),
            PurchaseOrder = "PO-77",
            Comments = "March delivery",
            Lines = lines.Length > 0 ? lines : [Line(1, 2m, 50m), Line(2, 1m, 12.5m)],
            Source = new SourceLocation("factures.csv", 2),
        };

    public static InvoiceLine Line(int number, decimal quantity, decimal unitPrice, decimal? amount = null, string description = "Widget")
        => new()
        {
            LineNumber = number,
            Description = description,
            Quantity = quantity,
            UnitOfMeasure = "EA",
            UnitPrice = unitPrice,
            Amount = amount ?? quantity * unitPrice,
            TaxCode = "FR VAT 20",
            TaxRate = 20m,
            TaxAmount = (amount ?? quantity * unitPrice) * 0.2m,
        };

    public static PostableInvoice Postable(Invoice invoice, long recordId = 1)
        => new(recordId, IdempotencyKey.ForInvoice(invoice.EntityCode, invoice.Kind, invoice.Number), invoice);

    public static InvoiceBatch Batch(params Invoice[] invoices) => Batch(Entity(), "FR01-20260317-0001", invoices);

    public static InvoiceBatch Batch(EntityDefinition entity, string batchId, params Invoice[] invoices)
        => new(batchId, entity, [.. invoices.Select((inv, i) => Postable(inv, i + 1))]);

    /// <summary>Parses CSV text with the framework's RFC 4180 parser (not the code under test).</summary>
    public static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    public static List<string[]> Parse(byte[] csv) => Parse(Encoding.UTF8.GetString(csv));

    /// <summary>The field at a 1-based position.</summary>
    public static string At(this string[] row, int position) => row[position - 1];
}
