using System.Globalization;
using System.Text.Json.Nodes;
using P = Connector.OracleEmulator.InterfacePositions;

namespace Connector.OracleEmulator;

/// <summary>
/// <c>GET autoInvoiceInterfaceLines</c>: the rows AutoInvoice rejected that are still in the interface (until purged).
/// Simplified: the flexfield is flattened into InterfaceLineContext/InterfaceLineAttributeN (Oracle has it in the
/// autoInvoiceInterfaceLineTransactionDFF child), the errors are an emulator attribute <c>Errors</c>, and <c>q</c>
/// takes query-by-example equality on the attributes listed in <see cref="Queryable"/>. No PATCH.
/// </summary>
internal sealed class AutoInvoiceInterfaceEndpoints(AutoInvoiceInterface interfaceTables)
{
    public const string Path = FusionEmulator.ResourcesPath + "/autoInvoiceInterfaceLines";
    private const int DefaultLimit = 25;

    private static readonly HashSet<string> Queryable = new(
        ["LoadRequestId", "BusinessUnit", "TransactionSource", "TransactionNumber", "CurrencyCode", "InterfaceLineContext",
         .. Enumerable.Range(1, 15).Select(n => "InterfaceLineAttribute" + n.ToString(CultureInfo.InvariantCulture))],
        StringComparer.Ordinal);

    public void Map(WebApplication app) => app.MapGet(Path, GetAsync);

    private async Task GetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var predicates = new List<KeyValuePair<string, string>>();
        foreach (var part in query["q"].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? part[..eq].Trim() : part;
            if (eq <= 0 || !Queryable.Contains(name))
            {
                await OracleErrorWriter.BadRequestAsync(context, [new OracleError("FND_CMN_INVALID_QUERY",
                    $"The value {part} of the URL parameter q isn't valid for the resource autoInvoiceInterfaceLines.")]);
                return;
            }

            predicates.Add(new(name, part[(eq + 1)..].Trim().Trim('\'')));
        }

        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : DefaultLimit;
        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var items = interfaceTables.Rows().Select(r => Item(r.Line, r.Errors))
            .Where(i => predicates.All(p => EmulatedInvoice.JsonText(i[p.Key]) == p.Value)).ToList();
        var page = new JsonArray([.. items.Skip(offset).Take(limit)]);
        var body = new JsonObject
        {
            ["items"] = page, ["count"] = page.Count, ["hasMore"] = offset + page.Count < items.Count, ["limit"] = limit, ["offset"] = offset,
        };
        context.Response.ContentType = InvoiceEndpoints.CollectionContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Item(InterfaceLine line, IReadOnlyList<InterfaceError> errors)
    {
        var item = new JsonObject
        {
            ["InterfaceLineGuid"] = string.Create(CultureInfo.InvariantCulture, $"{line.LoadRequestId}-{line.RowNumber}"),
            ["LoadRequestId"] = line.LoadRequestId.ToString(CultureInfo.InvariantCulture),
            ["BusinessUnit"] = line[P.BuName],
            ["TransactionSource"] = line[P.BatchSourceName],
            ["TransactionType"] = line[P.CustTrxTypeName],
            ["TransactionNumber"] = line[P.TrxNumber],
            ["BillToCustomerAccountNumber"] = line[P.BillCustomerAccountNumber],
            ["Description"] = line[P.Description],
            ["CurrencyCode"] = line[P.CurrencyCode],
            ["Amount"] = line[P.Amount],
            ["InterfaceLineContext"] = line[P.InterfaceLineContext],
        };
        for (var n = 1; n <= 15; n++)
        {
            item["InterfaceLineAttribute" + n.ToString(CultureInfo.InvariantCulture)] = line[P.InterfaceLineAttribute1 + n - 1];
        }

        item["Errors"] = new JsonArray([.. errors.Select(e => new JsonObject { ["MessageText"] = e.Message, ["InvalidValue"] = e.InvalidValue })]);
        return item;
    }
}
