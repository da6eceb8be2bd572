using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>Reads attributes from a request object, adding an <see cref="OracleError"/> for each bad value.</summary>
internal sealed class JsonFields(JsonObject json, string pathPrefix, List<OracleError> errors)
{
    public const string RequiredCode = "FND_CMN_REQ_ATTRIB_API_SERV";
    public const string InvalidValueCode = "FND_CMN_INVALID_ATTRIB_VALUE";

    public List<OracleError> Errors => errors;

    public string Path(string name) => pathPrefix + name;

    /// <summary>Whether the attribute was already refused (so a missing value isn't reported twice).</summary>
    public bool HasError(string name) => errors.Exists(e => e.Path == Path(name));

    public void Add(string code, string detail, string name) => errors.Add(new OracleError(code, detail, Path(name)));

    /// <summary>Refuses attributes the resource does not have (typos are refused, as by the ADF framework).</summary>
    public void RefuseUnknown(string resource, IReadOnlySet<string> known)
    {
        foreach (var (name, _) in json)
        {
            if (!known.Contains(name))
            {
                Add("FND_CMN_INVALID_ATTRIB", $"The attribute {name} isn't valid for the resource {resource}.", name);
            }
        }
    }

    /// <summary>A string attribute, trimmed; null when absent, null or blank.</summary>
    public string? Text(string name, int maxLength, bool required = false)
    {
        var node = json[name];
        string? value = node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => Invalid(name, node.ToJsonString()),
        };
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Add(RequiredCode, $"You must provide a value for the attribute {name}.", name);
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Add(InvalidValueCode, $"The value of the attribute {name} exceeds the maximum length of {maxLength}.", name);
            return null;
        }

        return value;
    }

    /// <summary>A date attribute in the YYYY-MM-DD format.</summary>
    public DateOnly? Date(string name, bool required = false)
    {
        var text = Text(name, 10, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(InvalidValueCode, $"The value {text} of the attribute {name} isn't a valid date in the format YYYY-MM-DD.", name);
        return null;
    }

    /// <summary>A JSON number attribute (a number in a string is refused).</summary>
    public decimal? Number(string name, bool required = false)
    {
        var node = json[name];
        if (node is null)
        {
            if (required)
            {
                Add(RequiredCode, $"You must provide a value for the attribute {name}.", name);
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number))
        {
            return number;
        }

        Invalid(name, node.ToJsonString());
        return null;
    }

    private string? Invalid(string name, string raw)
    {
        Add(InvalidValueCode, $"The value {raw} isn't valid for the attribute {name}.", name);
        return null;
    }
}
