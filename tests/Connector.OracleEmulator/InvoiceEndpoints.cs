using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>GET/POST receivablesInvoices, GET receivablesInvoices/{id} and its lines.</summary>
internal sealed class InvoiceEndpoints(EmulatorSetup setup, InvoiceStore store, ReceivableLedger ledger)
{
    public const string ItemContentType = "application/vnd.oracle.adf.resourceitem+json";
    public const string CollectionContentType = "application/vnd.oracle.adf.resourcecollection+json";
    private const int DefaultLimit = 25;
    private const int MaxLimit = 500;

    public void Map(WebApplication app)
    {
        var path = FusionEmulator.InvoicesPath;
        app.MapPost(path, PostAsync);
        app.MapGet(path, GetCollectionAsync);
        app.MapGet(path + "/{id}", GetItemAsync);
        app.MapGet(path + "/{id}/child/" + InvoiceValidator.LinesChild, GetLinesAsync);
        app.MapGet(path + "/{id}/child/" + InvoiceRenderer.InstallmentsChild, GetInstallmentsAsync);
    }

    private async Task PostAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or ItemContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (string.Equals(context.Request.Headers["Upsert-Mode"], "true", StringComparison.OrdinalIgnoreCase))
        {
            await Refuse(context, "EMULATOR_UNSUPPORTED", "The emulator doesn't support Upsert-Mode.");
            return;
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            await Refuse(context, "FND_CMN_INVALID_PAYLOAD", "The request payload isn't a valid JSON object.");
            return;
        }

        var errors = new List<OracleError>();
        var validated = new InvoiceValidator(setup).Validate(body, errors);
        if (validated is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, errors);
            return;
        }

        var (invoice, error) = store.Add(validated);
        if (invoice is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, [error!]);
            return;
        }

        var renderer = Renderer(context);
        var item = renderer.Item(invoice, new RenderOptions(true, false, null, OracleErrorWriter.FrameworkVersion(context.Request)));
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = renderer.ItemUrl(invoice.CustomerTransactionId);
        await WriteJsonAsync(context, ItemContentType, item);
    }

    private async Task GetCollectionAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var version = OracleErrorWriter.FrameworkVersion(context.Request);
        var (predicates, qError) = QueryFilter.Parse(query["q"], version);
        if (predicates is null)
        {
            await Refuse(context, "FND_CMN_INVALID_QUERY", qError!);
            return;
        }

        var limit = ParseCount(query["limit"], DefaultLimit);
        var offset = ParseCount(query["offset"], 0);
        if (limit is null || offset is null || limit == 0)
        {
            await Refuse(context, "FND_CMN_INVALID_PARAM", "The URL parameters limit and offset must be whole numbers (limit at least 1).");
            return;
        }

        var options = Options(context, version);
        if (options is null)
        {
            await Refuse(context, "FND_CMN_INVALID_PARAM", "The URL parameter expand or fields names an unknown child or attribute.");
            return;
        }

        var matching = store.Snapshot().Where(i => QueryFilter.Matches(i, predicates)).ToList();
        var size = Math.Min(limit.Value, MaxLimit);
        var page = matching.Skip(offset.Value).Take(size).ToList();
        var renderer = Renderer(context);
        var items = new JsonArray([.. page.Select(i => renderer.Item(i, options))]);
        var total = string.Equals(query["totalResults"], "true", StringComparison.OrdinalIgnoreCase) ? matching.Count : (int?)null;
        var self = options.OnlyData ? null : CollectionUrl(context) + context.Request.QueryString.Value;
        var body = InvoiceRenderer.Collection(items, page.Count, offset.Value + page.Count < matching.Count, size, offset.Value, total, self);
        await WriteJsonAsync(context, CollectionContentType, body);
    }

    private async Task GetItemAsync(HttpContext context)
    {
        var invoice = FindInvoice(context);
        var options = Options(context, OracleErrorWriter.FrameworkVersion(context.Request));
        if (invoice is null || options is null)
        {
            context.Response.StatusCode = invoice is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return;
        }

        await WriteJsonAsync(context, ItemContentType, Renderer(context).Item(invoice, options));
    }

    private async Task GetLinesAsync(HttpContext context)
    {
        var invoice = FindInvoice(context);
        if (invoice is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var linesUrl = Renderer(context).ItemUrl(invoice.CustomerTransactionId) + "/child/" + InvoiceValidator.LinesChild;
        var lines = new JsonArray([.. invoice.Lines.Select(l => InvoiceRenderer.Line(l, linesUrl, false))]);
        var body = InvoiceRenderer.Collection(lines, lines.Count, false, Math.Max(lines.Count, DefaultLimit), 0, null, linesUrl);
        await WriteJsonAsync(context, CollectionContentType, body);
    }

    private async Task GetInstallmentsAsync(HttpContext context)
    {
        var invoice = FindInvoice(context);
        if (invoice is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var renderer = Renderer(context);
        var url = renderer.ItemUrl(invoice.CustomerTransactionId) + "/child/" + InvoiceRenderer.InstallmentsChild;
        var onlyData = string.Equals(context.Request.Query["onlyData"], "true", StringComparison.OrdinalIgnoreCase);
        var items = new JsonArray(renderer.Installment(invoice, url, onlyData));
        await WriteJsonAsync(context, CollectionContentType, InvoiceRenderer.Collection(items, 1, false, DefaultLimit, 0, null, onlyData ? null : url));
    }

    private EmulatedInvoice? FindInvoice(HttpContext context) =>
        long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? store.Find(id)
            : null;

    private static RenderOptions? Options(HttpContext context, int version)
    {
        var query = context.Request.Query;
        var expand = query["expand"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (expand.Any(e => e is not (InvoiceValidator.LinesChild or InvoiceRenderer.InstallmentsChild or "all")))
        {
            return null;
        }

        HashSet<string>? fields = null;
        if (query["fields"].ToString() is { Length: > 0 } list)
        {
            fields = new HashSet<string>(list.Split(',', StringSplitOptions.TrimEntries), StringComparer.Ordinal);
            if (!fields.IsSubsetOf(QueryFilter.Queryable.Append(InvoiceRenderer.BalanceAttribute)))
            {
                return null;
            }
        }

        var onlyData = string.Equals(query["onlyData"], "true", StringComparison.OrdinalIgnoreCase);
        return new RenderOptions(expand.Any(e => e is InvoiceValidator.LinesChild or "all"), onlyData, fields, version)
        {
            ExpandInstallments = expand.Any(e => e is InvoiceRenderer.InstallmentsChild or "all"),
        };
    }

    private static int? ParseCount(string? text, int fallback) =>
        string.IsNullOrEmpty(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string CollectionUrl(HttpContext context) =>
        context.Request.Scheme + "://" + context.Request.Host.Value + FusionEmulator.InvoicesPath;

    private InvoiceRenderer Renderer(HttpContext context) => new(CollectionUrl(context), ledger);

    private static Task Refuse(HttpContext context, string code, string detail) =>
        OracleErrorWriter.BadRequestAsync(context, [new OracleError(code, detail)]);

    private static Task WriteJsonAsync(HttpContext context, string contentType, JsonObject body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
