using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>
/// Reads Oracle's refusals: the ADF error JSON of REST-Framework-Version 4+ (<c>o:errorDetails[]</c> with
/// <c>detail</c>, <c>o:errorCode</c>, <c>o:errorPath</c>) or the plain text of older versions (one message a line).
/// An error whose path (<c>receivablesInvoiceLines[i]...</c>) or text (<c>line number n</c>) names a line gets that
/// invoice line's number. A message is cut at 2,000 characters.
/// </summary>
internal static partial class FusionErrors
{
    private const int MaxMessageLength = 2000;

    /// <param name="body">The response body.</param>
    /// <param name="lineNumbers">The invoice line number of each sent line in order, or empty.</param>
    public static IReadOnlyList<TargetError> Read(string body, IReadOnlyList<int> lineNumbers)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(lineNumbers);
        var text = body.Trim();
        if (text.StartsWith('{') && TryJson(text, lineNumbers) is { Count: > 0 } fromJson)
        {
            return fromJson;
        }

        if (text.StartsWith('<'))
        {
            // An HTML page (a gateway, a login page) is not Oracle's message.
            return [];
        }

        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => new TargetError(Limit(m), null, LineFromText(m, lineNumbers)))];
    }

    private static List<TargetError>? TryJson(string text, IReadOnlyList<int> lineNumbers)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (json is null)
        {
            return null;
        }

        var errors = new List<TargetError>();
        if (json["o:errorDetails"] is JsonArray details)
        {
            foreach (var detail in details.OfType<JsonObject>())
            {
                var message = Text(detail["detail"]) ?? Text(detail["title"]);
                if (message is null)
                {
                    continue;
                }

                var path = Text(detail["o:errorPath"]);
                errors.Add(new TargetError(Limit(message), Text(detail["o:errorCode"]),
                    LineFromPath(path, lineNumbers) ?? LineFromText(message, lineNumbers)));
            }
        }

        if (errors.Count == 0 && (Text(json["detail"]) ?? Text(json["title"])) is { } only)
        {
            errors.Add(new TargetError(Limit(only), Text(json["o:errorCode"])));
        }

        return errors;
    }

    private static int? LineFromPath(string? path, IReadOnlyList<int> lineNumbers)
    {
        if (path is null)
        {
            return null;
        }

        var match = PathIndex().Match(path);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < lineNumbers.Count
            ? lineNumbers[index]
            : null;
    }

    private static int? LineFromText(string message, IReadOnlyList<int> lineNumbers)
    {
        var match = LineInText().Match(message);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && lineNumbers.Contains(number)
            ? number
            : null;
    }

    private static string Limit(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "...";

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    [GeneratedRegex(@"receivablesInvoiceLines\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathIndex();

    [GeneratedRegex(@"\bline(?: number)? (\d+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LineInText();
}
