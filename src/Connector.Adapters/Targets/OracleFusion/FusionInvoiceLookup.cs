using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>
/// Finds an invoice by TransactionNumber, BusinessUnit and TransactionSource through GET receivablesInvoices, with its
/// lines (for the amount), the <c>q</c> in the syntax of the framework version the client sends.
/// </summary>
internal sealed class FusionInvoiceLookup(FusionHttp http)
{
    /// <summary>The invoice as Oracle holds it, or null when there is none.</summary>
    public async Task<ErpInvoice?> FindAsync(TargetDefinition target, string number, CancellationToken cancellationToken)
    {
        var what = $"GET {FusionInvoiceItem.Resource} {number}";
        var item = await FindItemAsync(target, number, what, cancellationToken).ConfigureAwait(false);
        return item is null ? null : FusionInvoiceItem.Read(item, what);
    }

    /// <summary>
    /// The item of the invoice numbered <paramref name="number"/> in the target's business unit and source, or null when
    /// none. Two or more mean the source allows duplicate numbers: the number is then no key, a setup error.
    /// </summary>
    public async Task<JsonObject?> FindItemAsync(TargetDefinition target, string number, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(number);
        var q = FusionQuery.AllEqual(http.FrameworkVersion,
            ("TransactionNumber", number), ("BusinessUnit", target.BusinessUnit), ("TransactionSource", target.TransactionSource));
        var answer = await http.GetAsync($"{FusionInvoiceItem.Resource}?q={q}&onlyData=true&expand={FusionInvoiceItem.LinesChild}&limit=2",
            cancellationToken, what).ConfigureAwait(false);
        if (!answer.Ok)
        {
            throw new TargetSetupException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: Oracle answered HTTP {(int)answer.Status} to the look-up ({FusionHttp.Excerpt(answer.Body)}); check target.options.url")
                + (http.FrameworkVersion is null ? "." : " and framework_version."));
        }

        var items = FusionInvoiceItem.Parse(answer.Body, what)["items"] as JsonArray ?? [];
        return items.Count switch
        {
            0 => null,
            1 => items[0] as JsonObject ?? throw new TransientTargetException($"{what}: Oracle's answer holds an item that is not an object."),
            _ => throw new TargetSetupException(
                $"{what}: Oracle holds {items.Count} or more transactions numbered {number} in source {target.TransactionSource}: "
                + "the source must use manual numbering with duplicate numbers not allowed, or invoices cannot be posted exactly once."),
        };
    }
}
