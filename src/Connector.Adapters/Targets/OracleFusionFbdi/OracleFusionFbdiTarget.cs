using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// Oracle Fusion AutoInvoice through the <c>erpintegrations</c> REST resource: each batch is packaged as the
/// AutoInvoice FBDI zip, uploaded and imported in one <c>importBulkData</c> call (Load Interface File for Import, then
/// Import AutoInvoice), confirmed from the job status and its execution report, and its rejected interface rows purged.
/// The line transaction flexfield (context + entity, INV/CM, number, line) makes a batch imported twice create nothing
/// twice; see <see cref="FindSubmissionAsync"/>.
/// </summary>
internal sealed class OracleFusionFbdiTarget : IBatchInvoiceTarget, IDisposable
{
    public const string TypeName = "oracle-fusion-fbdi";
    public const string ErpIntegrations = "erpintegrations";

    private readonly FusionFbdiOptions _options;
    private readonly FusionHttp _http;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public OracleFusionFbdiTarget(FusionFbdiOptions options, int concurrency, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;

        // No REST-Framework-Version is sent: erpintegrations is used as Oracle documents it, at its default version 1.
        _http = new FusionHttp(options.Connection, concurrency, null,
            "imports need the privileges to load receivables data through erpintegrations and run AutoInvoice", clock, logger);
        _clock = clock;
        _logger = logger;
    }

    public string Type => TypeName;

    public async Task<BatchSubmission> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatch(batch);
        var package = Path.Combine(Path.GetTempPath(), "connector-fbdi-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            var file = new FileStream(package, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            await using (file.ConfigureAwait(false))
            {
                FbdiPackage.WriteTo(batch, file);
            }

            var reply = await _http.JsonAsync(HttpMethod.Post, ErpIntegrations, new ImportBulkDataContent(ImportFields(batch), package),
                $"Importing batch {batch.BatchId}", cancellationToken).ConfigureAwait(false);
            var requestId = Text(reply["ReqstId"]);
            if (string.IsNullOrEmpty(requestId) || requestId == "-1")
            {
                throw new TransientTargetException($"Importing batch {batch.BatchId}: Oracle answered without a load request id (ReqstId).");
            }

            _logger.LogInformation("Batch {BatchId}: {Invoices} invoices, {Lines} lines sent to {Pod}; load request {RequestId}",
                batch.BatchId, batch.Invoices.Count, batch.LineCount, _options.Connection.ResourcesUri.Host, requestId);
            return new BatchSubmission(batch.BatchId, requestId, batch.Invoices.Count, batch.LineCount);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new TransientTargetException($"Writing the package of batch {batch.BatchId} to {Path.GetTempPath()} failed: {e.Message}", inner: e);
        }
        finally
        {
            File.Delete(package);
        }
    }

    /// <summary>
    /// Always null: Oracle has no look-up of a load by file name, and looking every invoice up by number costs one call
    /// per invoice. Submitting again is safe instead: AutoInvoice refuses every line whose flexfield key an earlier load
    /// created, and <see cref="ConfirmAsync"/> confirms such an invoice by finding it in Oracle.
    /// </summary>
    public Task<BatchSubmission?> FindSubmissionAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<BatchSubmission?>(null);
    }

    public Task<BatchConfirmation> ConfirmAsync(InvoiceBatch batch, BatchSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(submission);
        return new FusionFbdiConfirmation(_http, batch, submission.Reference, _logger).ConfirmAsync(cancellationToken);
    }

    /// <summary>
    /// Checks that the pod answers with these credentials on receivablesInvoices (a one-row GET) and on erpintegrations
    /// (a status finder for request 0). Business unit, source, types, terms and the flexfield context are not looked up:
    /// AutoInvoice reports them at the first import (job error or line errors).
    /// </summary>
    public async Task<IReadOnlyList<TargetCheck>> CheckAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var checks = new List<TargetCheck>
        {
            await CheckCallAsync("connection and credentials", "receivablesInvoices?limit=1&onlyData=true&fields=CustomerTransactionId",
                $"{_options} can read receivablesInvoices", cancellationToken).ConfigureAwait(false),
            await CheckCallAsync("erpintegrations", "erpintegrations?finder=ESSJobStatusRF;requestId=0",
                "the job status finder answers", cancellationToken).ConfigureAwait(false),
        };
        return checks;
    }

    private async Task<TargetCheck> CheckCallAsync(string item, string relative, string okDetail, CancellationToken cancellationToken)
    {
        try
        {
            await _http.JsonAsync(HttpMethod.Get, relative, null, "Checking " + item, cancellationToken).ConfigureAwait(false);
            return new TargetCheck(item, true, okDetail);
        }
        catch (TargetException e)
        {
            return new TargetCheck(item, false, e.Message);
        }
    }

    private List<KeyValuePair<string, string>> ImportFields(InvoiceBatch batch)
    {
        var target = batch.Entity.Target;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // AutoInvoiceImportEss: BU, source, default date, 19 optional filters, base due date on transaction date, due date adjustment.
        var parameters = string.Join(',', [target.BusinessUnitId ?? target.BusinessUnit, target.TransactionSource, today,
            .. Enumerable.Repeat("#NULL", 19), "Y", "#NULL"]);
        return
        [
            new("OperationName", "importBulkData"),
            new("ContentType", "zip"),
            new("FileName", batch.BatchId + ".zip"),
            new("DocumentAccount", _options.DocumentAccount),
            new("JobName", _options.JobName),
            new("ParameterList", parameters),
            new("CallbackURL", "#NULL"),
            new("NotificationCode", "10"),
            new("JobOptions", "InterfaceDetails=2,ImportOption=Y,PurgeOption=N,ExtractFileType=ALL"),
        ];
    }

    private static void CheckBatch(InvoiceBatch batch)
    {
        if (!OracleFbdiTarget.IsSafeBatchId(batch.BatchId))
        {
            throw new ArgumentException($"Batch id '{batch.BatchId}' is not a safe file name ([A-Za-z0-9_.-], no '..', no leading dot).", nameof(batch));
        }

        if (batch.Invoices.Count == 0)
        {
            throw new ArgumentException($"Batch {batch.BatchId} is empty.", nameof(batch));
        }

        if (batch.LineCount > batch.Entity.Target.MaxLinesPerFile)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Batch {batch.BatchId} has {batch.LineCount} lines; the entity allows {batch.Entity.Target.MaxLinesPerFile} per file."), nameof(batch));
        }
    }

    public void Dispose() => _http.Dispose();

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;
}
