using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>Parses a field's <c>transforms</c> list.</summary>
internal static class TransformParser
{
    public static List<Transform> Parse(YamlDoc doc, YamlSequenceNode? sequence, string path)
    {
        var result = new List<Transform>();
        if (sequence is null)
        {
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var key = YamlDoc.Item(path, i);
            var transform = sequence.Children[i] switch
            {
                YamlScalarNode s => Simple(doc, s, key),
                YamlMappingNode m => Complex(doc, m, key),
                var other => Fail(doc, key, other),
            };
            if (transform is not null)
            {
                result.Add(transform);
            }
        }

        return result;
    }

    private static Transform? Simple(YamlDoc doc, YamlScalarNode node, string key) => node.Value switch
    {
        "trim" => new Transform(TransformKind.Trim),
        "upper" => new Transform(TransformKind.Upper),
        "lower" => new Transform(TransformKind.Lower),
        "collapse_spaces" => new Transform(TransformKind.CollapseSpaces),
        "negate" => new Transform(TransformKind.Negate),
        _ => Fail(doc, key, node, $"unknown transform '{node.Value}': trim, upper, lower, collapse_spaces, negate, regex, replace, prefix, suffix"),
    };

    private static Transform? Complex(YamlDoc doc, YamlMappingNode node, string key)
    {
        var e = doc.Entries(node, key, "regex", "replace", "prefix", "suffix");
        if (e.Count != 1)
        {
            return e.Count == 0 ? null : Fail(doc, key, node, "one transform per list item");
        }

        var (name, value) = e.First();
        var path = YamlDoc.Child(key, name);
        switch (name)
        {
            case "regex":
                var regex = Regex(doc, doc.Scalar(value, path), path, value);
                return regex is null ? null : new Transform(TransformKind.Regex, regex);
            case "replace":
                if (value is not YamlMappingNode replace)
                {
                    return Fail(doc, path, value, "expected { pattern: \"x\", with: \"y\" }");
                }

                var r = doc.Entries(replace, path, "pattern", "with");
                var pattern = Regex(doc, doc.String(r, path, "pattern", required: true, parent: replace), YamlDoc.Child(path, "pattern"), replace);
                var with = doc.String(r, path, "with") ?? string.Empty;
                return pattern is null ? null : new Transform(TransformKind.Replace, pattern, with);
            default:
                var text = doc.Scalar(value, path);
                return text is null ? null : new Transform(name == "prefix" ? TransformKind.Prefix : TransformKind.Suffix, Text: text);
        }
    }

    private static Regex? Regex(YamlDoc doc, string? pattern, string key, YamlNode node)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return Transform.CreateRegex(pattern);
        }
        catch (ArgumentException ex)
        {
            doc.Error(key, $"invalid regular expression '{pattern}': {ex.Message}", node);
            return null;
        }
    }

    private static Transform? Fail(YamlDoc doc, string key, YamlNode node, string message = "expected a transform name or { regex: ... }")
    {
        doc.Error(key, message, node);
        return null;
    }
}
