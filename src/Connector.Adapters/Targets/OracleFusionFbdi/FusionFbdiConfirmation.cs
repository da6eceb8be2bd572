using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Model;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// One look at a load: its ESS status; once finished, the execution report mapped back to every invoice of the batch by
/// the lines' flexfield keys, invoices refused only because an earlier load created them found and confirmed, and the
/// load's rejected interface rows purged so that corrected records can be sent again with the same keys.
/// </summary>
internal sealed class FusionFbdiConfirmation(FusionHttp http, InvoiceBatch batch, string requestId, ILogger logger)
{
    /// <summary>AutoInvoice's message for a flexfield key already in the interface or among created lines (seen live).</summary>
    public const string DuplicateKeyMessage =
        "Each line must have a unique combination of INTERFACE_LINE_CONTEXT and INTERFACE_LINE_ATTRIBUTE values for the transaction flexfield.";

    public const string InterfaceLoaderPackage = "/oracle/apps/ess/financials/commonModules/shared/common/interfaceLoader";
    public const string PurgeJob = "InterfaceLoaderPurge";

    private static readonly HashSet<string> RunningStatuses = new(["WAIT", "READY", "RUNNING", "BLOCKED", "HOLD", "PAUSED", "SCHEDULED"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> DoneStatuses = new(["SUCCEEDED", "WARNING", "FINISHED"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FailedStatuses = new(
        ["ERROR", "CANCELED", "CANCELLED", "ERROR MANUAL RECOVERY", "EXPIRED", "VALIDATION FAILED"], StringComparer.OrdinalIgnoreCase);

    public async Task<BatchConfirmation> ConfirmAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        if (RunningStatuses.Contains(status))
        {
            return BatchConfirmation.Running($"load request {requestId}: {status}");
        }

        if (FailedStatuses.Contains(status))
        {
            var log = await JobLogAsync(cancellationToken).ConfigureAwait(false);
            var message = $"The AutoInvoice import of batch {batch.BatchId} (load request {requestId}) ended {status}: {log}";
            throw new RefusedByTargetException(message, [new TargetError(message)]);
        }

        if (!DoneStatuses.Contains(status))
        {
            // A status the target does not know is not taken as a verdict: looked at again until the confirm time-out.
            logger.LogWarning("Load request {RequestId}: status {Status} is not known to the target; still waiting", requestId, status);
            return BatchConfirmation.Running($"load request {requestId}: unrecognised status {status}");
        }

        var report = ReadReport(await DownloadAsync("OUT", cancellationToken).ConfigureAwait(false));
        var outcomes = await MapAsync(report, cancellationToken).ConfigureAwait(false);
        var purged = report.Any(r => r.Rejected) ? await PurgeAsync(cancellationToken).ConfigureAwait(false) : "nothing to purge";
        var confirmed = outcomes.Count(o => o.Accepted);
        return new BatchConfirmation(ConfirmationStatus.Completed, outcomes, string.Create(CultureInfo.InvariantCulture,
            $"load request {requestId}: {status}; {confirmed} invoices confirmed, {outcomes.Count - confirmed} refused; {purged}"));
    }

    /// <summary>A report the target cannot read is a setup problem (the pod's OUT layout), not the records' fault.</summary>
    private List<ReportLine> ReadReport(byte[] zip)
    {
        try
        {
            return ExecutionReport.Parse(zip);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw new TargetSetupException($"The execution report of load request {requestId} (batch {batch.BatchId}) cannot be read: "
                + $"{e.Message} The target reads the CSV layout described in docs/adapters/oracle-fusion-fbdi.md.", e);
        }
    }

    private async Task<List<InvoiceOutcome>> MapAsync(List<ReportLine> report, CancellationToken cancellationToken)
    {
        var context = batch.Entity.Target.FlexfieldContext;
        var lineOf = new Dictionary<string, (int Invoice, int Line)>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Invoices.Count; i++)
        {
            var invoice = batch.Invoices[i].Invoice;
            foreach (var line in invoice.Lines)
            {
                var key = ExecutionReport.Key(context, [batch.Entity.Code, IdempotencyKey.TypeCode(invoice.Kind), invoice.Number,
                    line.LineNumber.ToString(CultureInfo.InvariantCulture)]);
                lineOf[key] = (i, line.LineNumber);
            }
        }

        var errors = batch.Invoices.Select(_ => new List<TargetError>()).ToArray();
        var created = new ErpInvoice?[batch.Invoices.Count];
        var foreign = 0;
        foreach (var row in report)
        {
            if (!lineOf.TryGetValue(row.Key, out var at))
            {
                foreign++;
                continue;
            }

            if (row.Rejected)
            {
                var error = new TargetError(row.Message, null, at.Line, row.InvalidValue.Length == 0 ? null : row.InvalidValue);
                if (!errors[at.Invoice].Contains(error))
                {
                    errors[at.Invoice].Add(error);
                }
            }
            else
            {
                created[at.Invoice] ??= new ErpInvoice(row.CustomerTrxId, row.TrxNumber, row.Amount, row.Currency.Length == 0 ? null : row.Currency, null);
            }
        }

        if (foreign > 0)
        {
            logger.LogWarning("Load request {RequestId}: {Count} report lines carry keys that are not in batch {BatchId}", requestId, foreign, batch.BatchId);
        }

        // Look-ups (only for invoices refused as duplicates) run side by side, as many as the target's concurrency allows.
        var outcomes = new InvoiceOutcome[batch.Invoices.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, batch.Entity.Target.Resilience.Concurrency),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Invoices.Count), parallel, async (i, token) =>
            outcomes[i] = await OutcomeAsync(batch.Invoices[i], errors[i], created[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. outcomes];
    }

    private async Task<InvoiceOutcome> OutcomeAsync(PostableInvoice postable, List<TargetError> errors, ErpInvoice? created, CancellationToken cancellationToken)
    {
        if (errors.Count == 0 && created is not null)
        {
            return InvoiceOutcome.Confirmed(postable.IdempotencyKey, created);
        }

        if (errors.Count == 0)
        {
            return InvoiceOutcome.Refused(postable.IdempotencyKey, [new TargetError(
                $"The execution report of load request {requestId} names none of the invoice's lines: AutoInvoice did not select them.")]);
        }

        if (errors.Exists(e => e.Message == DuplicateKeyMessage))
        {
            // A key already taken: an earlier load of this batch (a lost answer, a crash) may have created the invoice.
            var existing = await new FusionInvoiceLookup(http).FindAsync(batch.Entity.Target, postable.Invoice.Number, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return InvoiceOutcome.Confirmed(postable.IdempotencyKey, existing);
            }

            errors.Add(new TargetError("Oracle already holds these lines' transaction flexfield keys but no invoice "
                + $"{postable.Invoice.Number} in source {batch.Entity.Target.TransactionSource}: an earlier load's rejected rows "
                + "are still in the AutoInvoice interface. Purge them (Purge Interface Tables) or correct them in Oracle."));
        }

        return InvoiceOutcome.Refused(postable.IdempotencyKey, errors);
    }

    private async Task<string> StatusAsync(CancellationToken cancellationToken)
    {
        var body = await GetAsync("erpintegrations?finder=ESSJobStatusRF;requestId=" + Uri.EscapeDataString(requestId), "Reading the status of", cancellationToken).ConfigureAwait(false);
        var item = (body["items"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (item is null)
        {
            var message = $"Oracle knows no ESS request {requestId} (the load of batch {batch.BatchId}).";
            throw new RefusedByTargetException(message, [new TargetError(message)]);
        }

        return OracleFusionFbdiTarget.Text(item["RequestStatus"])?.Trim() ?? "UNKNOWN";
    }

    private async Task<byte[]> DownloadAsync(string fileType, CancellationToken cancellationToken)
    {
        var body = await GetAsync("erpintegrations?finder=ESSJobExecutionDetailsRF;requestId=" + Uri.EscapeDataString(requestId) + ",fileType=" + fileType,
            "Downloading the " + fileType + " of", cancellationToken).ConfigureAwait(false);
        var content = OracleFusionFbdiTarget.Text((body["items"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["DocumentContent"]);
        try
        {
            return content is null ? throw new FormatException("no DocumentContent") : Convert.FromBase64String(content);
        }
        catch (FormatException e)
        {
            throw new TransientTargetException($"Downloading the {fileType} of load request {requestId}: the answer holds no base64 zip ({e.Message}).", inner: e);
        }
    }

    /// <summary>The job's error lines from its LOG (best effort: a failed download says so instead).</summary>
    private async Task<string> JobLogAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(await DownloadAsync("LOG", cancellationToken).ConfigureAwait(false)), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                text.AppendLine(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }

            var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var errorLines = lines.Where(l => l.Contains("ERROR", StringComparison.OrdinalIgnoreCase)).ToList();
            var chosen = string.Join(" ", errorLines.Count > 0 ? errorLines : lines.TakeLast(5));
            return chosen.Length > 1000 ? chosen[..1000] + "..." : chosen;
        }
        catch (Exception e) when (e is TargetException or InvalidDataException)
        {
            return "its log could not be read (" + e.Message + ")";
        }
    }

    /// <summary>Submits InterfaceLoaderPurge for the load; a failure is logged and left for the operator, never fails the confirmation.</summary>
    private async Task<string> PurgeAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["OperationName"] = "submitESSJobRequest",
            ["JobPackageName"] = InterfaceLoaderPackage,
            ["JobDefName"] = PurgeJob,
            ["ESSParameters"] = $"2,#NULL,{requestId},{requestId},#NULL,ORA_FBDI,USER",
        };
        try
        {
            var reply = await http.JsonAsync(HttpMethod.Post, OracleFusionFbdiTarget.ErpIntegrations,
                new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                $"Purging the rejected rows of load request {requestId}", cancellationToken).ConfigureAwait(false);
            return "purge request " + OracleFusionFbdiTarget.Text(reply["ReqstId"]);
        }
        catch (TargetException e)
        {
            logger.LogWarning("Load request {RequestId}: the purge of its rejected interface rows failed: {Message}", requestId, e.Message);
            return "purge failed: " + e.Message;
        }
    }

    private async Task<JsonObject> GetAsync(string relative, string what, CancellationToken cancellationToken)
    {
        return await http.JsonAsync(HttpMethod.Get, relative, null, $"{what} load request {requestId}", cancellationToken).ConfigureAwait(false);
    }
}
