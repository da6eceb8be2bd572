using System.Text.Json.Nodes;

namespace Connector.Plugins.Tryton;

/// <summary>
/// An error Tryton answered in the JSON body (HTTP 200): <c>["UserError", [message, description, domain]]</c> for
/// business errors (also UserWarning and ConcurrencyException), or <c>["python exception text", "traceback"]</c> for
/// programming errors (unknown field or model, a locked database...).
/// </summary>
internal sealed class TrytonFault : Exception
{
    /// <summary>A domain error carries the domain and every field definition of the model (tens of kB): keep the words only.</summary>
    public const int MaxMessageLength = 500;

    public TrytonFault(string method, string kind, string message, string? description)
        : base($"{method}: {kind}: {message}")
    {
        Kind = kind;
        TrytonMessage = message;
        Description = description;
    }

    /// <summary>UserError, UserWarning, ConcurrencyException, or the Python exception text.</summary>
    public string Kind { get; }

    public string TrytonMessage { get; }

    public string? Description { get; }

    /// <summary>Whether the server said the content is wrong (a user error or warning), as opposed to a failure of its own.</summary>
    public bool IsUserError => Kind is "UserError" or "UserWarning";

    public bool IsConcurrency => Kind == "ConcurrencyException"
        || TrytonMessage.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
        || TrytonMessage.Contains("could not serialize", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message and description, shortened to <see cref="MaxMessageLength"/> characters.</summary>
    public string Text
    {
        get
        {
            var text = string.IsNullOrWhiteSpace(Description) ? TrytonMessage : TrytonMessage + " " + Description;
            return text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "...";
        }
    }

    public static TrytonFault Read(string method, JsonNode error)
    {
        var kind = TrytonJson.ToText(error[0]) ?? error.ToJsonString();
        if (error[1] is JsonArray details)
        {
            return new TrytonFault(method, kind, TrytonJson.ToText(details[0]) ?? kind, details.Count > 1 ? TrytonJson.ToText(details[1]) : null);
        }

        // A programming error: the exception text is the message; the traceback (empty unless --dev) is dropped.
        var text = kind.Length > MaxMessageLength ? kind[..MaxMessageLength] : kind;
        return new TrytonFault(method, text, text, null);
    }
}
