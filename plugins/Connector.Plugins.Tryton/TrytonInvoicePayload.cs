using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;

namespace Connector.Plugins.Tryton;

/// <summary>The ids one invoice refers to, looked up before it is built.</summary>
internal sealed record TrytonInvoiceRefs(TrytonBasics Basics, TrytonParty Party, int Receivable, int Currency, int PaymentTerm, IReadOnlyList<int?> LineTaxes);

/// <summary>
/// The <c>model.account.invoice.create</c> values of one customer invoice. Over RPC no <c>on_change</c> runs, so every
/// field the client would fill in is given: company, currency, party, invoice address, journal, receivable account,
/// payment term. <c>reference</c> is the idempotency key. Lines keep the record's signs: a credit note's lines have
/// negative quantities (Tryton's own convention: a customer invoice whose total is negative is a credit note, numbered
/// in the credit note sequence) and positive unit prices.
/// </summary>
internal static class TrytonInvoicePayload
{
    public static JsonObject Build(PostableInvoice postable, TrytonInvoiceRefs refs)
    {
        var invoice = postable.Invoice;
        var lines = new JsonArray();
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            lines.Add(Line(invoice.Lines[i], refs.Basics.RevenueAccount, refs.LineTaxes[i]));
        }

        var values = new JsonObject
        {
            ["type"] = "out",
            ["company"] = refs.Basics.Company,
            ["currency"] = refs.Currency,
            ["party"] = refs.Party.Id,
            ["invoice_address"] = refs.Party.Address,
            ["journal"] = refs.Basics.Journal,
            ["account"] = refs.Receivable,
            ["payment_term"] = refs.PaymentTerm,
            ["reference"] = postable.IdempotencyKey,
            ["description"] = Description(invoice),
            ["lines"] = TrytonJson.Array(TrytonJson.Array("create", lines)),
        };
        if (invoice.IssueDate is { } date)
        {
            values["invoice_date"] = TrytonJson.Date(date);
        }

        return values;
    }

    /// <summary>The source's number (and purchase order, and credited invoice) for people reading the invoice in Tryton.</summary>
    public static string Description(Invoice invoice)
    {
        var text = (invoice.Kind == InvoiceKind.CreditNote ? "Credit note " : "Invoice ") + invoice.Number;
        if (!string.IsNullOrWhiteSpace(invoice.PurchaseOrder))
        {
            text += ", order " + invoice.PurchaseOrder;
        }

        if (!string.IsNullOrWhiteSpace(invoice.OriginalInvoiceNumber))
        {
            text += ", credits " + invoice.OriginalInvoiceNumber;
        }

        return text;
    }

    private static JsonObject Line(InvoiceLine line, int account, int? tax)
    {
        var (quantity, unitPrice) = QuantityAndPrice(line);
        var description = string.IsNullOrWhiteSpace(line.ItemCode) ? line.Description : $"[{line.ItemCode}] {line.Description}";
        var values = new JsonObject
        {
            ["type"] = "line",
            ["description"] = description,
            ["quantity"] = (double)quantity,
            ["unit_price"] = TrytonJson.Decimal(unitPrice),
            ["account"] = account,
        };
        if (tax is { } id)
        {
            values["taxes"] = TrytonJson.Array(TrytonJson.Array("add", TrytonJson.Array(id)));
        }

        return values;
    }

    /// <summary>
    /// The quantity and unit price Tryton multiplies back into the line amount: the sign goes on the quantity (a credit
    /// note's quantities are negative), the unit price stays positive; a line without quantity is one unit at its amount.
    /// </summary>
    public static (decimal Quantity, decimal UnitPrice) QuantityAndPrice(InvoiceLine line)
    {
        var sign = line.Amount < 0 || (line.Amount == 0 && line.Quantity * line.UnitPrice < 0) ? -1m : 1m;
        return line.Quantity == 0 || line.UnitPrice == 0 && line.Amount != 0
            ? (sign, Math.Abs(line.Amount))
            : (sign * Math.Abs(line.Quantity), Math.Abs(line.UnitPrice));
    }
}
