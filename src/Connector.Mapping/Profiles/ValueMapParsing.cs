using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

internal static class ValueMapParsing
{
    /// <summary>Parses a mapping of map name to a mapping of source value to canonical value.</summary>
    public static Dictionary<string, ValueMap> ParseMaps(YamlDoc doc, YamlMappingNode? node, string path)
    {
        var result = new Dictionary<string, ValueMap>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        foreach (var (name, mapNode) in doc.Entries(node, path))
        {
            var key = YamlDoc.Child(path, name);
            if (mapNode is not YamlMappingNode entriesNode)
            {
                doc.Error(key, "expected a mapping of source value: canonical value", mapNode);
                continue;
            }

            var entries = new List<KeyValuePair<string, string>>();
            foreach (var (k, v) in entriesNode.Children)
            {
                var from = doc.Scalar(k, key);
                var to = doc.Scalar(v, YamlDoc.Child(key, from ?? "?"));
                if (from is not null && to is not null)
                {
                    entries.Add(new(from, to));
                }
            }

            result[name] = new ValueMap(name, entries);
        }

        return result;
    }
}

/// <summary>Parses <c>shared/value-maps.yaml</c>: a mapping of map name to its entries.</summary>
internal static class SharedValueMapsParser
{
    public static ConfigResult<IReadOnlyDictionary<string, ValueMap>> Parse(string yaml, string filePath)
    {
        var doc = YamlDoc.Load(yaml, filePath, out var root);
        if (root is null)
        {
            return new(null, doc.Errors);
        }

        IReadOnlyDictionary<string, ValueMap> maps = ValueMapParsing.ParseMaps(doc, root, string.Empty);
        return ConfigResult<IReadOnlyDictionary<string, ValueMap>>.From(maps, doc.Errors);
    }
}
