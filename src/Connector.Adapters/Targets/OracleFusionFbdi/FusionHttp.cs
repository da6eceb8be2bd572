using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// One HTTP call to the Fusion pod per <see cref="SendAsync"/>, its failures mapped onto the target exceptions:
/// connection errors, time-outs, 408/429/5xx are transient (with Retry-After); 401/403 and 404 are setup failures;
/// other 4xx are refusals carrying Oracle's message (plain text or <c>o:errorDetails</c> JSON).
/// </summary>
internal sealed class FusionHttp(HttpClient client, FusionFbdiOptions options)
{
    public const string ResourcesPath = "fscmRestApi/resources/11.13.18.05/";
    private const int MaxMessageLength = 2000;

    public Uri Resource(string relative) => new(options.PodRoot, ResourcesPath + relative);

    /// <summary>Sends the request and returns the successful response body as JSON; throws a <see cref="TargetException"/> otherwise.</summary>
    public async Task<JsonObject> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = options.Authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, text, what);
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject
                    ?? throw new TransientTargetException($"{what}: Oracle answered {(int)response.StatusCode} without a JSON object.");
            }
            catch (JsonException e)
            {
                throw new TransientTargetException($"{what}: Oracle answered {(int)response.StatusCode} with a body that is not JSON.", inner: e);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTargetException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: no answer from {options.PodRoot.Host} within {options.Timeout.TotalSeconds} s."), inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientTargetException($"{what}: the connection to {options.PodRoot.Host} failed: {e.Message}", inner: e);
        }
        catch (IOException e)
        {
            throw new TransientTargetException($"{what}: the connection to {options.PodRoot.Host} broke: {e.Message}", inner: e);
        }
    }

    private TargetException Failure(HttpResponseMessage response, string body, string what)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new TargetSetupException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: Oracle refused {options.AuthDescription} (HTTP {status}). Check the credentials and that the user has the privileges to import receivables data through erpintegrations."));
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new TargetSetupException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} was not found (HTTP 404). Check target.options.url."));
        }

        if (status is 408 or 429 || status >= 500)
        {
            return new TransientTargetException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: Oracle answered HTTP {status} {response.ReasonPhrase}."), RetryAfter(response));
        }

        var errors = Errors(body);
        var message = string.Join(" ", errors.Select(e => e.Message));
        return new RefusedByTargetException(string.Create(CultureInfo.InvariantCulture, $"{what}: Oracle refused it (HTTP {status}): {message}"), errors);
    }

    /// <summary>Oracle's messages from an error body: ADF error JSON (<c>o:errorDetails[].detail</c>) or plain text.</summary>
    internal static IReadOnlyList<TargetError> Errors(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(trimmed) is JsonObject json)
                {
                    var details = (json["o:errorDetails"] as JsonArray)?
                        .OfType<JsonObject>()
                        .Select(d => new TargetError(Limit(Text(d["detail"]) ?? Text(json["title"]) ?? "(no detail)"), Text(d["o:errorCode"])))
                        .ToList();
                    if (details is { Count: > 0 })
                    {
                        return details;
                    }

                    if ((Text(json["detail"]) ?? Text(json["title"])) is { } single)
                    {
                        return [new TargetError(Limit(single))];
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the text below.
            }
        }

        return [new TargetError(trimmed.Length == 0 ? "(no message)" : Limit(trimmed))];
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;

    private static string Limit(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "...";

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && response.Headers.Date is { } now && date > now ? date - now : null;
    }
}
