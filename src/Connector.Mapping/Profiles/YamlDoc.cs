using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>
/// Reads a YAML document with the representation model and collects every problem with its key path and line,
/// so that a parser can go on after an error and report them all.
/// </summary>
internal sealed class YamlDoc
{
    private readonly List<ConfigError> _errors = [];

    private YamlDoc(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>Loads the text; the root mapping, or null (with an error) when it is not a YAML mapping.</summary>
    public static YamlDoc Load(string yaml, string file, out YamlMappingNode? root)
    {
        var doc = new YamlDoc(file);
        root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                doc.Error("(root)", "the file is empty");
            }
            else if (stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                root = mapping;
            }
            else
            {
                doc.Error("(root)", "expected a mapping of keys", stream.Documents[0].RootNode);
            }
        }
        catch (YamlException ex)
        {
            doc.Error("(root)", $"invalid YAML at line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: {ex.InnerException?.Message ?? ex.Message}");
        }

        return doc;
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public void Error(string key, string message, YamlNode? node = null)
    {
        var text = node is null ? message : string.Create(CultureInfo.InvariantCulture, $"{message} (line {node.Start.Line})");
        _errors.Add(new ConfigError(File, key, text));
    }

    /// <summary>The entries of a mapping by key; reports keys that are not in <paramref name="allowed"/>.</summary>
    public Dictionary<string, YamlNode> Entries(YamlMappingNode mapping, string path, params string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (allowed.Length > 0 && Array.IndexOf(allowed, key) < 0)
            {
                Error(Child(path, key), "unknown key", keyNode);
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public YamlMappingNode? Mapping(Dictionary<string, YamlNode> entries, string path, string key)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(Child(path, key), "expected a mapping of keys", node);
        return null;
    }

    public YamlSequenceNode? Sequence(Dictionary<string, YamlNode> entries, string path, string key)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(Child(path, key), "expected a list", node);
        return null;
    }

    public string? String(Dictionary<string, YamlNode> entries, string path, string key, bool required = false, YamlNode? parent = null)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            if (required)
            {
                Error(Child(path, key), "is required", parent);
            }

            return null;
        }

        return Scalar(node, Child(path, key));
    }

    public string? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Error(key, "expected a single value", node);
        return null;
    }

    public int? Int(Dictionary<string, YamlNode> entries, string path, string key, int min, int max)
    {
        var text = String(entries, path, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(Child(path, key), string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {min} to {max}, found '{text}'"), entries[key]);
        return null;
    }

    public decimal? Decimal(Dictionary<string, YamlNode> entries, string path, string key)
    {
        var text = String(entries, path, key);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Error(Child(path, key), $"expected a positive number, found '{text}'", entries[key]);
        return null;
    }

    public bool? Bool(Dictionary<string, YamlNode> entries, string path, string key)
    {
        var text = String(entries, path, key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(Child(path, key), $"expected true or false, found '{text}'", entries[key]);
        return null;
    }

    /// <summary>A list of strings; a single value is accepted as a list of one.</summary>
    public List<string>? StringList(Dictionary<string, YamlNode> entries, string path, string key)
    {
        if (!entries.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return [scalar.Value ?? string.Empty];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(Child(path, key), "expected a list", node);
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var value = Scalar(sequence.Children[i], Item(Child(path, key), i));
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result;
    }

    public static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && (scalar.Value is null or "" or "~" or "null");
}
