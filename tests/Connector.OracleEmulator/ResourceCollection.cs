using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// The GET of a collection resource other than invoices: <c>q</c> (per framework version), <c>limit</c>/<c>offset</c>,
/// <c>totalResults</c>, <c>onlyData</c> and <c>fields</c>, answered with the paging envelope and item links.
/// </summary>
internal sealed class ResourceCollection(string resource, string idAttribute, IReadOnlySet<string> attributes)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 500;

    public string Resource => resource;

    public string Path => FusionEmulator.ResourcesPath + "/" + resource;

    public async Task WriteAsync(HttpContext context, IEnumerable<JsonObject> all)
    {
        var query = context.Request.Query;
        var version = OracleErrorWriter.FrameworkVersion(context.Request);
        var (predicates, qError) = QueryFilter.Parse(query["q"], version, resource, attributes);
        if (predicates is null)
        {
            await RefuseAsync(context, "FND_CMN_INVALID_QUERY", qError!);
            return;
        }

        var limit = ParseCount(query["limit"], DefaultLimit);
        var offset = ParseCount(query["offset"], 0);
        if (limit is null || offset is null || limit == 0)
        {
            await RefuseAsync(context, "FND_CMN_INVALID_PARAM", "The URL parameters limit and offset must be whole numbers (limit at least 1).");
            return;
        }

        var fields = Fields(context);
        if (fields is { } set && !set.IsSubsetOf(attributes))
        {
            await RefuseAsync(context, "FND_CMN_INVALID_PARAM", $"The URL parameter fields names an attribute that {resource} doesn't have.");
            return;
        }

        var onlyData = string.Equals(query["onlyData"], "true", StringComparison.OrdinalIgnoreCase);
        var matching = all.Where(i => QueryFilter.Matches(i, predicates)).ToList();
        var size = Math.Min(limit.Value, MaxLimit);
        var page = matching.Skip(offset.Value).Take(size).Select(i => Render(context, i, fields, onlyData)).ToList();
        var total = string.Equals(query["totalResults"], "true", StringComparison.OrdinalIgnoreCase) ? matching.Count : (int?)null;
        var self = onlyData ? null : BaseUrl(context) + Path + context.Request.QueryString.Value;
        var body = InvoiceRenderer.Collection(new JsonArray([.. page]), page.Count, offset.Value + page.Count < matching.Count,
            size, offset.Value, total, self);
        await WriteJsonAsync(context, InvoiceEndpoints.CollectionContentType, body);
    }

    /// <summary>One item (with links unless onlyData), or 404 when absent.</summary>
    public Task WriteItemAsync(HttpContext context, JsonObject? item)
    {
        if (item is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var onlyData = string.Equals(context.Request.Query["onlyData"], "true", StringComparison.OrdinalIgnoreCase);
        return WriteJsonAsync(context, InvoiceEndpoints.ItemContentType, Render(context, item, Fields(context), onlyData));
    }

    /// <summary>The item whose id attribute, as text, is <paramref name="id"/>.</summary>
    public JsonObject? Find(IEnumerable<JsonObject> items, string? id) =>
        id is null ? null : items.FirstOrDefault(i => string.Equals(EmulatedInvoice.JsonText(i[idAttribute]), id, StringComparison.Ordinal));

    public string ItemUrl(HttpContext context, JsonObject item) =>
        BaseUrl(context) + Path + "/" + Uri.EscapeDataString(EmulatedInvoice.JsonText(item[idAttribute]) ?? string.Empty);

    public static Task WriteJsonAsync(HttpContext context, string contentType, JsonObject body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task RefuseAsync(HttpContext context, string code, string detail) =>
        OracleErrorWriter.BadRequestAsync(context, [new OracleError(code, detail)]);

    private JsonObject Render(HttpContext context, JsonObject item, HashSet<string>? fields, bool onlyData)
    {
        var rendered = new JsonObject();
        foreach (var (name, value) in item)
        {
            if (fields is null || fields.Contains(name))
            {
                rendered[name] = value?.DeepClone();
            }
        }

        if (!onlyData)
        {
            var self = ItemUrl(context, item);
            rendered["links"] = new JsonArray(
                new JsonObject { ["rel"] = "self", ["href"] = self, ["name"] = resource, ["kind"] = "item" },
                new JsonObject { ["rel"] = "canonical", ["href"] = self, ["name"] = resource, ["kind"] = "item" });
        }

        return rendered;
    }

    private static HashSet<string>? Fields(HttpContext context) =>
        context.Request.Query["fields"].ToString() is { Length: > 0 } list
            ? new HashSet<string>(list.Split(',', StringSplitOptions.TrimEntries), StringComparer.Ordinal)
            : null;

    private static int? ParseCount(string? text, int fallback) =>
        string.IsNullOrEmpty(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string BaseUrl(HttpContext context) => context.Request.Scheme + "://" + context.Request.Host.Value;
}
