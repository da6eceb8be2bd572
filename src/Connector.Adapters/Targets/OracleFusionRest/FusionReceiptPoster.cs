using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// Posts a receipt to Fusion: the invoices' installments are resolved first (an unknown invoice refuses the receipt
/// before anything is created), then POST standardReceipts, then one action/applyReceipt per installment. A receipt
/// Oracle refuses as AR_RCP_DUP_NUM (same number, date, amount, customer: an earlier attempt) is looked up and only what
/// its applications lack is applied, so a retry never applies twice.
/// </summary>
internal sealed class FusionReceiptPoster(FusionHttp http, FusionRestOptions options, ILogger logger)
{
    public const string DuplicateCode = "AR_RCP_DUP_NUM";
    public const string ActionMediaType = "application/vnd.oracle.adf.action+json";
    private const int CommentsLength = 200;

    private readonly FusionReceiptReader _reader = new(http);
    private readonly FusionInstallments _installments = new(http);

    public async Task<ErpReceipt> PostAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var method = options.ReceiptMethod ?? throw FusionConnection.WrongOption(receipt.Entity,
            $"{FusionRestOptions.ReceiptMethodOption} is required to post receipts (the Fusion receipt method, e.g. 'Lockbox').");
        var plan = await _installments.ResolveAsync(receipt, ct).ConfigureAwait(false);
        var (item, existed) = await CreateAsync(receipt, method, ct).ConfigureAwait(false);
        var id = FusionReceiptReader.Text(item["StandardReceiptId"])
            ?? throw new TransientTargetException($"POST {FusionReceiptReader.ReceiptsResource} {receipt.ReceiptNumber}: Oracle's answer has no StandardReceiptId; the receipt may or may not exist.");
        var done = existed && receipt.CustomerAccount is { } account
            ? await _reader.ApplicationsAsync(id, account, ct).ConfigureAwait(false)
            : [];
        foreach (var application in receipt.Applications)
        {
            var already = done.Where(d => string.Equals(d.InvoiceNumber, application.InvoiceNumber, StringComparison.Ordinal)).Sum(d => d.AmountApplied);
            var remaining = application.AmountApplied - already;
            if (remaining == 0)
            {
                continue;
            }

            if (application.Discount != 0)
            {
                logger.LogWarning("{Key}: the discount of {Discount} on {Invoice} is not applied (applyReceipt takes no discount); it stays open on the invoice",
                    receipt.IdempotencyKey, application.Discount, application.InvoiceNumber);
            }

            foreach (var (installment, amount) in FusionInstallments.Allocate(plan[application.InvoiceNumber], remaining))
            {
                await ApplyAsync(receipt, id, application.InvoiceNumber, installment, amount, ct).ConfigureAwait(false);
            }
        }

        var current = await http.JsonAsync(HttpMethod.Get, $"{FusionReceiptReader.ReceiptsResource}/{Uri.EscapeDataString(id)}?onlyData=true", null,
            $"GET {FusionReceiptReader.ReceiptsResource} {receipt.ReceiptNumber}", ct).ConfigureAwait(false);
        return await _reader.ReadAsync(current, receipt.CustomerAccount, ct).ConfigureAwait(false);
    }

    private async Task<(JsonObject Item, bool Existed)> CreateAsync(ReceiptPosting receipt, string method, CancellationToken ct)
    {
        var what = $"POST {FusionReceiptReader.ReceiptsResource} {receipt.ReceiptNumber}";
        var content = new ByteArrayContent(Body(receipt, method));
        content.Headers.ContentType = new MediaTypeHeaderValue(OracleFusionRestTarget.ItemMediaType);
        var answer = await http.PostAsync(FusionReceiptReader.ReceiptsResource, content, ct, what).ConfigureAwait(false);
        if (answer.Ok)
        {
            return (FusionInvoiceItem.Parse(answer.Body, what), false);
        }

        if (FusionHttp.Refusal(answer, []) is not { } errors)
        {
            throw http.Unexpected(answer, what);
        }

        if (!errors.Any(IsDuplicate))
        {
            throw new RefusedByTargetException($"Oracle refused receipt {receipt.ReceiptNumber} ({receipt.IdempotencyKey}): {string.Join("; ", errors)}", errors);
        }

        var found = await _reader.FindItemAsync(receipt, ct).ConfigureAwait(false)
            ?? throw new RefusedByTargetException(
                $"Oracle refused receipt {receipt.ReceiptNumber} as a duplicate but holds none with its number, date, amount and customer in {receipt.Entity.Target.BusinessUnit}: {string.Join("; ", errors)}",
                errors);
        logger.LogInformation("{Key}: receipt {Number} was already in Oracle (StandardReceiptId {Id}); completing its applications",
            receipt.IdempotencyKey, receipt.ReceiptNumber, FusionReceiptReader.Text(found["StandardReceiptId"]));
        return (found, true);
    }

    private async Task ApplyAsync(ReceiptPosting receipt, string receiptId, string invoiceNumber, string installmentId, decimal amount, CancellationToken ct)
    {
        var what = $"POST {FusionReceiptReader.ReceiptsResource}/{receiptId}/action/applyReceipt {invoiceNumber}";
        var body = new JsonObject
        {
            ["appliedPaymentScheduleId"] = long.TryParse(installmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : installmentId,
            ["amountApplied"] = amount,
            ["calledFrom"] = "Connector",
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue(ActionMediaType);
        var answer = await http.PostAsync($"{FusionReceiptReader.ReceiptsResource}/{Uri.EscapeDataString(receiptId)}/action/applyReceipt", content, ct, what).ConfigureAwait(false);
        if (answer.Ok)
        {
            return;
        }

        if (FusionHttp.Refusal(answer, []) is not { } errors)
        {
            throw http.Unexpected(answer, what);
        }

        var reasons = errors.Select(e => e with { InvalidValue = e.InvalidValue ?? invoiceNumber }).ToList();
        throw new RefusedByTargetException(string.Create(CultureInfo.InvariantCulture,
            $"Oracle created receipt {receipt.ReceiptNumber} (StandardReceiptId {receiptId}) but refused to apply {amount} of it to {invoiceNumber}: {string.Join("; ", errors)}; what is not applied stays unapplied on the receipt."),
            reasons);
    }

    private byte[] Body(ReceiptPosting receipt, string method)
    {
        var date = receipt.ReceiptDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var comments = receipt.Comments ?? receipt.IdempotencyKey;
        var json = new JsonObject
        {
            ["ReceiptNumber"] = receipt.ReceiptNumber,
            ["ReceiptMethod"] = method,
            ["BusinessUnit"] = receipt.Entity.Target.BusinessUnit,
            ["Amount"] = receipt.Amount,
            ["Currency"] = receipt.Currency,
            ["ReceiptDate"] = date,
            ["AccountingDate"] = date,
        };
        if (receipt.CustomerAccount is not null)
        {
            json["CustomerAccountNumber"] = receipt.CustomerAccount;
        }

        if ((options.RemittanceBankAccount ?? receipt.RemittanceBankAccount) is { } bank)
        {
            json["RemittanceBankAccountNumber"] = bank;
        }

        json["Comments"] = comments.Length <= CommentsLength ? comments : comments[..CommentsLength];
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static bool IsDuplicate(TargetError error) =>
        string.Equals(error.Code, DuplicateCode, StringComparison.OrdinalIgnoreCase)
        || (error.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)
            && error.Message.Contains("receipt", StringComparison.OrdinalIgnoreCase));
}
