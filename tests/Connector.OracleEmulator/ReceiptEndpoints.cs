using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>POST and GET standardReceipts, GET standardReceipts/{id} and its remittanceReferences child.</summary>
internal sealed class ReceiptEndpoints(EmulatorSetup setup, ReceiptStore store, ReceivableLedger ledger)
{
    public const string Resource = "standardReceipts";

    private static readonly ResourceCollection Collection = new(Resource, "StandardReceiptId",
        new HashSet<string>([.. ReceiptValidator.Attributes, "StandardReceiptId", "State", "Status", "UnappliedAmount"], StringComparer.Ordinal));

    public void Map(WebApplication app)
    {
        app.MapPost(Collection.Path, PostAsync);
        app.MapGet(Collection.Path, context => Collection.WriteAsync(context, store.Snapshot().Select(r => Item(r, false))));
        app.MapGet(Collection.Path + "/{id}", context =>
        {
            var expand = context.Request.Query["expand"].ToString() is ReceiptValidator.ReferencesChild or "all";
            return Collection.WriteItemAsync(context, Find(context) is { } receipt ? Item(receipt, expand) : null);
        });
        app.MapGet(Collection.Path + "/{id}/child/" + ReceiptValidator.ReferencesChild, GetReferencesAsync);
    }

    private async Task PostAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or InvoiceEndpoints.ItemContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
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
            await ResourceCollection.RefuseAsync(context, "FND_CMN_INVALID_PAYLOAD", "The request payload isn't a valid JSON object.");
            return;
        }

        var errors = new List<OracleError>();
        var validated = new ReceiptValidator(setup).Validate(body, errors);
        var (receipt, error) = validated is null ? (null, null) : store.Add(validated);
        if (receipt is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, error is null ? errors : [error]);
            return;
        }

        var item = Item(receipt, true);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = Collection.ItemUrl(context, item);
        await Collection.WriteItemAsync(context, item);
    }

    private async Task GetReferencesAsync(HttpContext context)
    {
        if (Find(context) is not { } receipt)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var references = JsonNode.Parse(receipt.Json)![ReceiptValidator.ReferencesChild]!.AsArray();
        var items = new JsonArray([.. references.Select(r => r!.DeepClone())]);
        var body = InvoiceRenderer.Collection(items, items.Count, false, Math.Max(items.Count, ResourceCollection.DefaultLimit), 0, null, null);
        await ResourceCollection.WriteJsonAsync(context, InvoiceEndpoints.CollectionContentType, body);
    }

    private EmulatedReceipt? Find(HttpContext context) =>
        long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? store.Snapshot().FirstOrDefault(r => r.StandardReceiptId == id)
            : null;

    /// <summary>The stored item with its unapplied amount now; the remittanceReferences child only when expanded (as on the POST answer).</summary>
    private JsonObject Item(EmulatedReceipt receipt, bool expandReferences)
    {
        var item = JsonNode.Parse(receipt.Json)!.AsObject();
        item["UnappliedAmount"] = ledger.Unapplied(receipt);
        if (!expandReferences)
        {
            item.Remove(ReceiptValidator.ReferencesChild);
        }

        return item;
    }
}
