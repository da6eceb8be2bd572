using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>
/// POST erpintegrations (importBulkData of an AutoInvoice zip; submitESSJobRequest of InterfaceLoaderPurge) and GET
/// erpintegrations with the finders ESSJobStatusRF and ESSJobExecutionDetailsRF.
/// </summary>
internal sealed class ErpIntegrationEndpoints(EmulatorSetup setup, EssJobs jobs, AutoInvoiceImport import, AutoInvoiceInterface interfaceTables)
{
    public const string AutoInvoiceJob = "/oracle/apps/ess/financials/receivables/transactions/autoInvoices,AutoInvoiceImportEss";
    public const string InterfaceLoaderPackage = "/oracle/apps/ess/financials/commonModules/shared/common/interfaceLoader";
    public const string PurgeJob = "InterfaceLoaderPurge";

    /// <summary>The UCM accounts the AutoInvoice import is seen loaded from (Oracle's page, a live load, common samples).</summary>
    public static readonly string[] DocumentAccounts = ["fin/autoInvoice/import", "fin/receivables/import", "fin$/receivables$/import$"];

    public void Map(WebApplication app)
    {
        app.MapPost(FusionEmulator.ErpIntegrationsPath, PostAsync);
        app.MapGet(FusionEmulator.ErpIntegrationsPath, GetAsync);
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

        var operation = body is null ? null : Text(body, "OperationName");
        var (reply, error) = operation switch
        {
            null => (null, body is null ? "The request payload isn't a valid JSON object." : "You must provide a value for the attribute OperationName."),
            "importBulkData" => ImportBulkData(body!),
            "submitESSJobRequest" => SubmitJob(body!),
            _ => (null, $"The operation {operation} isn't supported."),
        };
        if (reply is null)
        {
            await OracleErrorWriter.BadRequestAsync(context, [new OracleError("FND_CMN_INVALID_PAYLOAD", error!)]);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await WriteJsonAsync(context, InvoiceEndpoints.ItemContentType, reply);
    }

    private (JsonObject? Reply, string? Error) ImportBulkData(JsonObject body)
    {
        var content = Text(body, "DocumentContent");
        var fileName = Text(body, "FileName");
        var account = Text(body, "DocumentAccount");
        var jobName = Text(body, "JobName");
        var parameterList = Text(body, "ParameterList");
        var missing = new[] { ("DocumentContent", content), ("FileName", fileName), ("DocumentAccount", account), ("JobName", jobName), ("ParameterList", parameterList) }
            .FirstOrDefault(f => f.Item2 is null).Item1;
        if (missing is not null)
        {
            return (null, $"You must provide a value for the attribute {missing}.");
        }

        if (!DocumentAccounts.Contains(account, StringComparer.Ordinal))
        {
            return (null, $"The document account {account} isn't valid for the AutoInvoice import. Use one of: {string.Join(", ", DocumentAccounts)}.");
        }

        if (jobName != AutoInvoiceJob)
        {
            return (null, $"The job {jobName} isn't valid. The AutoInvoice import is {AutoInvoiceJob}.");
        }

        if (!fileName!.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"The file name {fileName} must end with .zip.");
        }

        byte[] zip;
        try
        {
            zip = Convert.FromBase64String(content!);
        }
        catch (FormatException)
        {
            return (null, "The value of the attribute DocumentContent isn't valid base64 content.");
        }

        var (rows, fileError) = FbdiCsvFile.ReadLines(zip, setup);
        if (rows is null)
        {
            return (null, fileError);
        }

        var parameters = parameterList!.Split(',').Select(p => p.Trim() is "#NULL" ? string.Empty : p.Trim()).ToList();
        var id = jobs.StartLoad(loadId =>
        {
            var outcome = import.Run(loadId, rows, parameters);
            var reportName = AutoInvoiceReport.ReportFileName(loadId + 1);
            return new EssJobResult(outcome.Failed, outcome.JobMessage, reportName, outcome.Failed ? null : AutoInvoiceReport.Csv(outcome), outcome.Log);
        });
        var reply = body.DeepClone().AsObject();
        reply["DocumentContent"] = null;
        reply["ReqstId"] = id.ToString(CultureInfo.InvariantCulture);
        return (reply, null);
    }

    private (JsonObject? Reply, string? Error) SubmitJob(JsonObject body)
    {
        var package = Text(body, "JobPackageName");
        var definition = Text(body, "JobDefName");
        if (package != InterfaceLoaderPackage || definition != PurgeJob)
        {
            return (null, $"The job {package},{definition} isn't supported; the emulator runs {InterfaceLoaderPackage},{PurgeJob}.");
        }

        // InterfaceLoaderPurge arguments: 2, , <load id from>, <load id to>, , ORA_FBDI, USER.
        var args = (Text(body, "ESSParameters") ?? string.Empty).Split(',').Select(a => a.Trim() is "#NULL" ? string.Empty : a.Trim()).ToList();
        if (args.Count < 4 || !long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return (null, "The ESSParameters of InterfaceLoaderPurge must give the load request ids as the third and fourth arguments.");
        }

        var id = jobs.Run(PurgeJob, () =>
        {
            var removed = interfaceTables.Purge(from, to);
            return new EssJobResult(false, null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Purged {removed} interface rows of the loads {from} to {to}.\n"));
        });
        var reply = body.DeepClone().AsObject();
        reply["ReqstId"] = id.ToString(CultureInfo.InvariantCulture);
        return (reply, null);
    }

    private async Task GetAsync(HttpContext context)
    {
        var finder = context.Request.Query["finder"].ToString();
        var semicolon = finder.IndexOf(';', StringComparison.Ordinal);
        var name = semicolon < 0 ? finder : finder[..semicolon];
        var args = (semicolon < 0 ? string.Empty : finder[(semicolon + 1)..]).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0].Trim(), a => a[1].Trim(), StringComparer.Ordinal);
        if (name is not ("ESSJobStatusRF" or "ESSJobExecutionDetailsRF")
            || !args.TryGetValue("requestId", out var idText)
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await OracleErrorWriter.BadRequestAsync(context, [new OracleError("FND_CMN_INVALID_FINDER",
                "The finder must be ESSJobStatusRF;requestId=<id> or ESSJobExecutionDetailsRF;requestId=<id>,fileType=LOG|OUT|ALL.")]);
            return;
        }

        var job = jobs.Find(id);
        var items = new JsonArray();
        if (job is not null && name == "ESSJobStatusRF")
        {
            var status = await jobs.PollAsync(job, context.RequestAborted);
            items.Add(new JsonObject { ["OperationName"] = "getESSJobStatus", ["ReqstId"] = idText, ["RequestStatus"] = status });
        }
        else if (job is not null)
        {
            var result = EssJobs.Finished(job, setup.EssPollsBeforeCompletion);
            if (result is null)
            {
                await OracleErrorWriter.BadRequestAsync(context, [new OracleError("ESS_REQUEST_NOT_FINISHED",
                    $"The request {id} hasn't finished; its execution details aren't available yet.")]);
                return;
            }

            var fileType = args.GetValueOrDefault("fileType", "ALL").ToUpperInvariant();
            var files = new List<(string, string)>();
            if (fileType is "LOG" or "ALL")
            {
                files.Add((id.ToString(CultureInfo.InvariantCulture) + ".log", result.Log));
            }

            if (fileType is "OUT" or "ALL" && result.OutText is not null)
            {
                files.Add((result.OutFileName!, result.OutText));
            }

            items.Add(new JsonObject
            {
                ["OperationName"] = "downloadESSJobExecutionDetails",
                ["ReqstId"] = idText,
                ["FileType"] = fileType,
                ["ContentType"] = "zip",
                ["DocumentContent"] = Convert.ToBase64String(AutoInvoiceReport.Zip([.. files])),
            });
        }

        var collection = new JsonObject { ["items"] = items, ["count"] = items.Count, ["hasMore"] = false, ["limit"] = 25, ["offset"] = 0 };
        await WriteJsonAsync(context, InvoiceEndpoints.CollectionContentType, collection);
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null;

    private static Task WriteJsonAsync(HttpContext context, string contentType, JsonObject body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
