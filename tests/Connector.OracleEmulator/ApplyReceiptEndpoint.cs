using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// POST standardReceipts/{id}/action/applyReceipt (<c>application/vnd.oracle.adf.action+json</c>): body
/// <c>appliedPaymentScheduleId</c> (the installment), optional <c>amountApplied</c> (default: the balance due, at most
/// the receipt's unapplied amount), <c>applicationDate</c>, <c>accountingDate</c>, <c>calledFrom</c>. Answers 200 with
/// <c>{"result": ApplicationId}</c>, or 400 with Oracle-like errors (ReceivableLedger's rules).
/// </summary>
internal sealed class ApplyReceiptEndpoint(EmulatorSetup setup, ReceiptStore receipts, InvoiceStore invoices, ReceivableLedger ledger)
{
    public const string ActionContentType = "application/vnd.oracle.adf.action+json";
    public const string ResultContentType = "application/vnd.oracle.adf.actionresult+json";

    private static readonly HashSet<string> Known = new(["appliedPaymentScheduleId", "amountApplied", "applicationDate", "accountingDate", "calledFrom"], StringComparer.Ordinal);

    public void Map(WebApplication app) =>
        app.MapPost(FusionEmulator.ResourcesPath + "/" + ReceiptEndpoints.Resource + "/{id}/action/applyReceipt", ApplyAsync);

    private async Task ApplyAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or ActionContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var receipt = long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? receipts.Snapshot().FirstOrDefault(r => r.StandardReceiptId == id)
            : null;
        if (receipt is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
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
        var f = new JsonFields(body, "", errors);
        f.RefuseUnknown("applyReceipt", Known);
        var scheduleId = f.Number("appliedPaymentScheduleId", required: true);
        var amount = f.Number("amountApplied");
        var date = f.Date("applicationDate") ?? DateOnly.FromDateTime(setup.Clock.GetUtcNow().UtcDateTime);
        f.Date("accountingDate");
        f.Text("calledFrom", 30);
        var invoice = scheduleId is null ? null : invoices.Snapshot().FirstOrDefault(i =>
            ReceivableLedger.InstallmentId(i.CustomerTransactionId) == scheduleId && i.BusinessUnit == receipt.BusinessUnit);
        if (scheduleId is not null && invoice is null)
        {
            f.Add(ReceivableLedger.InstallmentCode, string.Create(CultureInfo.InvariantCulture,
                $"The installment {scheduleId} isn't an open installment of business unit {receipt.BusinessUnit}."), "appliedPaymentScheduleId");
        }

        if (receipt.CustomerAccountNumber is null)
        {
            f.Add("AR_RAPI_UNID_RCPT_APPLY", $"The receipt {receipt.ReceiptNumber} is unidentified: assign a customer before applying it.", "CustomerAccountNumber");
        }

        if (errors.Count > 0 || invoice is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, errors);
            return;
        }

        var (application, error) = ledger.Apply(receipt, invoice, amount, date);
        if (application is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, [error!]);
            return;
        }

        await ResourceCollection.WriteJsonAsync(context, ResultContentType, new JsonObject { ["result"] = application.ApplicationId });
    }
}
