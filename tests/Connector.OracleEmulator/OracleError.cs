using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <param name="Code">The Oracle message name, e.g. AR_BU_NOT_FOUND.</param>
/// <param name="Detail">The message text.</param>
/// <param name="Path">The attribute path, e.g. receivablesInvoiceLines[0].Quantity, if any.</param>
public sealed record OracleError(string Code, string Detail, string? Path = null);

/// <summary>Writes refusals as Fusion does: plain text by default, ADF error JSON for REST-Framework-Version 4+.</summary>
internal static class OracleErrorWriter
{
    public const string ErrorJsonContentType = "application/vnd.oracle.adf.error+json";

    public static int FrameworkVersion(HttpRequest request) =>
        int.TryParse(request.Headers["REST-Framework-Version"].ToString(), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var version) && version > 0 ? version : 1;

    public static Task WriteAsync(HttpContext context, int status, string title, IReadOnlyList<OracleError> errors)
    {
        context.Response.StatusCode = status;
        if (FrameworkVersion(context.Request) >= 4)
        {
            var details = new JsonArray();
            foreach (var error in errors)
            {
                var detail = new JsonObject { ["detail"] = error.Detail, ["o:errorCode"] = error.Code };
                if (error.Path is not null)
                {
                    detail["o:errorPath"] = error.Path;
                }

                details.Add(detail);
            }

            var body = new JsonObject
            {
                ["title"] = title,
                ["status"] = status.ToString(CultureInfo.InvariantCulture),
                ["o:errorDetails"] = details,
            };
            context.Response.ContentType = ErrorJsonContentType;
            return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        var text = string.Join("\n", errors.Select(e => e.Detail));
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    public static Task BadRequestAsync(HttpContext context, IReadOnlyList<OracleError> errors) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", errors);
}
