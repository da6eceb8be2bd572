using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>How items are rendered: which attributes, whether links are included, and the expanded children.</summary>
internal sealed record RenderOptions(bool ExpandLines, bool OnlyData, IReadOnlySet<string>? Fields, int FrameworkVersion)
{
    /// <summary>Whether the receivablesInvoiceInstallments child is expanded.</summary>
    public bool ExpandInstallments { get; init; }
}

/// <summary>Renders stored invoices as Fusion REST items with links, their balance due and installments from the ledger.</summary>
internal sealed class InvoiceRenderer(string collectionUrl, ReceivableLedger ledger)
{
    public const string InstallmentsChild = "receivablesInvoiceInstallments";
    public const string BalanceAttribute = "InvoiceBalanceAmount";

    public JsonObject Item(EmulatedInvoice invoice, RenderOptions options)
    {
        var header = invoice.Header();
        var item = new JsonObject();
        foreach (var (name, value) in header)
        {
            if (options.Fields is null || options.Fields.Contains(name))
            {
                item[name] = value?.DeepClone();
            }
        }

        if (options.Fields is null || options.Fields.Contains(BalanceAttribute))
        {
            item[BalanceAttribute] = ledger.Balance(invoice);
        }

        var self = ItemUrl(invoice.CustomerTransactionId);
        var linesUrl = self + "/child/" + InvoiceValidator.LinesChild;
        var installmentsUrl = self + "/child/" + InstallmentsChild;
        if (options.ExpandInstallments)
        {
            var installments = new JsonArray(Installment(invoice, installmentsUrl, options.OnlyData));
            item[InstallmentsChild] = options.FrameworkVersion >= 3
                ? Collection(installments, 1, false, 1, 0, null, options.OnlyData ? null : installmentsUrl)
                : installments;
        }

        if (options.ExpandLines)
        {
            var lines = new JsonArray([.. invoice.Lines.Select(l => Line(l, linesUrl, options.OnlyData))]);
            item[InvoiceValidator.LinesChild] = options.FrameworkVersion >= 3
                ? Collection(lines, lines.Count, false, lines.Count, 0, null, options.OnlyData ? null : linesUrl)
                : lines;
        }

        if (!options.OnlyData)
        {
            item["links"] = new JsonArray(
                Link("self", self, "receivablesInvoices", "item"),
                Link("canonical", self, "receivablesInvoices", "item"),
                Link("child", linesUrl, InvoiceValidator.LinesChild, "collection"),
                Link("child", installmentsUrl, InstallmentsChild, "collection"));
        }

        return item;
    }

    /// <summary>The invoice's only installment: due date (DueDate, else TransactionDate), original amount and balance due.</summary>
    public JsonObject Installment(EmulatedInvoice invoice, string installmentsUrl, bool onlyData)
    {
        var id = ReceivableLedger.InstallmentId(invoice.CustomerTransactionId);
        var json = new JsonObject
        {
            ["InstallmentId"] = id,
            ["InstallmentNumber"] = 1,
            ["InstallmentDueDate"] = invoice.Attribute("DueDate") ?? invoice.Attribute("TransactionDate"),
            ["OriginalAmount"] = invoice.TotalAmount,
            ["InstallmentBalanceDue"] = ledger.Balance(invoice),
        };
        if (!onlyData)
        {
            var itemUrl = installmentsUrl + "/" + id.ToString(CultureInfo.InvariantCulture);
            json["links"] = new JsonArray(Link("self", itemUrl, InstallmentsChild, "item"), Link("canonical", itemUrl, InstallmentsChild, "item"));
        }

        return json;
    }

    public static JsonObject Line(EmulatedInvoiceLine line, string linesUrl, bool onlyData)
    {
        var json = JsonNode.Parse(line.Json)!.AsObject();
        if (!onlyData)
        {
            var self = linesUrl + "/" + line.CustomerTransactionLineId.ToString(CultureInfo.InvariantCulture);
            json["links"] = new JsonArray(
                Link("self", self, InvoiceValidator.LinesChild, "item"),
                Link("canonical", self, InvoiceValidator.LinesChild, "item"));
        }

        return json;
    }

    public string ItemUrl(long id) => collectionUrl + "/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The paging envelope of a collection; <paramref name="totalResults"/> only when requested.</summary>
    public static JsonObject Collection(
        JsonArray items, int count, bool hasMore, int limit, int offset, int? totalResults, string? selfUrl)
    {
        var result = new JsonObject { ["items"] = items };
        if (totalResults is { } total)
        {
            result["totalResults"] = total;
        }

        result["count"] = count;
        result["hasMore"] = hasMore;
        result["limit"] = limit;
        result["offset"] = offset;
        if (selfUrl is not null)
        {
            result["links"] = new JsonArray(Link("self", selfUrl, null, "collection"));
        }

        return result;
    }

    private static JsonObject Link(string rel, string href, string? name, string kind)
    {
        var link = new JsonObject { ["rel"] = rel, ["href"] = href };
        if (name is not null)
        {
            link["name"] = name;
        }

        link["kind"] = kind;
        return link;
    }
}
