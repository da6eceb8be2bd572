using System.Data.Common;
using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>
/// Open items through the configurable query (<see cref="EbsReceiptOptions.DefaultOpenItems"/>): one item per payment
/// schedule with an amount due remaining; class CM is a credit note; the terms' discount is read from their name.
/// </summary>
internal sealed class EbsOpenItems(EbsDatabase db)
{
    public async Task<IReadOnlyList<OpenItem>> LoadAsync(EntityDefinition entity, CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await using var command = db.Command(connection, null, EbsReceiptOptions.OpenItemsQuery(entity), ("org_id", db.Options.OrgId));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(i => reader.GetName(i).ToUpperInvariant(), i => i, StringComparer.Ordinal);
                var items = new List<OpenItem>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    items.Add(Map(entity, reader, columns));
                }

                return items;
            }
            catch (DbException e)
            {
                throw db.Classify("reading open items (open_items_query)", e);
            }
            catch (KeyNotFoundException e)
            {
                throw new Abstractions.TargetSetupException($"Entity {entity.Code}: target.options.open_items_query must return the columns of the default query: {e.Message}", e);
            }
        }
    }

    private static OpenItem Map(EntityDefinition entity, DbDataReader reader, Dictionary<string, int> columns)
    {
        object? Value(string name) => reader.IsDBNull(columns[name]) ? null : reader.GetValue(columns[name]);
        string? Text(string name) => Value(name) is { } v ? EbsDatabase.Text(v) : null;
        decimal Amount(string name) => Value(name) is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : 0m;
        DateOnly? Date(string name) => Value(name) is DateTime d ? DateOnly.FromDateTime(d) : null;
        var terms = Text("TERMS");
        var (percent, days) = PaymentTermsDiscount.Parse(terms);
        return new OpenItem
        {
            EntityCode = entity.Code,
            Number = Text("TRX_NUMBER") ?? string.Empty,
            Kind = Text("CLASS") == "CM" ? InvoiceKind.CreditNote : InvoiceKind.Invoice,
            CustomerAccount = Text("ACCOUNT_NUMBER") ?? string.Empty,
            CustomerName = Text("ACCOUNT_NAME"),
            Currency = Text("INVOICE_CURRENCY_CODE") ?? entity.Currency,
            InvoiceDate = Date("TRX_DATE"),
            DueDate = Date("DUE_DATE"),
            OriginalAmount = Amount("AMOUNT_DUE_ORIGINAL"),
            OpenAmount = Amount("AMOUNT_DUE_REMAINING"),
            PaymentTerms = terms,
            DiscountPercent = percent,
            DiscountDays = days,
            PurchaseOrder = Text("PURCHASE_ORDER"),
            ErpId = Text("CUSTOMER_TRX_ID"),
            InstallmentId = Text("PAYMENT_SCHEDULE_ID"),
            Origin = "erp",
        };
    }
}
