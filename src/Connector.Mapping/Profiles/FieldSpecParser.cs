using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>Parses the <c>fields:</c> section of a profile.</summary>
internal static class FieldSpecParser
{
    private static readonly string[] SourceKeys = ["column", "position", "value", "concat"];
    private static readonly string[] Kinds = ["invoice", "credit_note"];

    public static Dictionary<CanonicalField, FieldSpec> ParseFields(
        YamlDoc doc,
        YamlMappingNode? node,
        YamlMappingNode root,
        IReadOnlyDictionary<string, ValueMap> localMaps,
        IReadOnlyDictionary<string, ValueMap> sharedMaps,
        bool hasHeader,
        IReadOnlyList<string>? knownColumns = null,
        ProfileRecord record = ProfileRecord.Invoice)
    {
        var result = new Dictionary<CanonicalField, FieldSpec>();
        var key = CanonicalFields.Name(CanonicalFields.Key(record));
        if (node is null && knownColumns is not null)
        {
            return result;
        }

        if (node is null)
        {
            doc.Error("fields", $"is required and must map {key} at least", root);
            return result;
        }

        foreach (var (name, specNode) in doc.Entries(node, "fields"))
        {
            var path = YamlDoc.Child("fields", name);
            if (!CanonicalFields.TryParse(name, out var field) || !CanonicalFields.Belongs(field, record))
            {
                doc.Error(path, CanonicalFields.NotAField(name, record), specNode);
                continue;
            }

            if (specNode is not YamlMappingNode mapping)
            {
                doc.Error(path, "expected a field spec such as { column: \"Name\" }", specNode);
                continue;
            }

            var spec = ParseSpec(doc, field, mapping, path, localMaps, sharedMaps, hasHeader);
            if (spec is not null)
            {
                CheckKnownColumns(doc, spec, path, mapping, knownColumns);
                result[field] = spec;
            }
        }

        if (knownColumns is null && !result.ContainsKey(CanonicalFields.Key(record)) && !doc.Errors.Any(e => e.Key == "fields." + key))
        {
            doc.Error("fields." + key, record == ProfileRecord.Remittance
                ? "is required: every remittance profile maps the payment number (it groups rows into payments)"
                : "is required: every profile maps the invoice number", node);
        }

        return result;
    }

    /// <summary>An e-invoice profile's columns are business terms: a name that is none of them is refused with the list.</summary>
    private static void CheckKnownColumns(YamlDoc doc, FieldSpec spec, string path, YamlNode node, IReadOnlyList<string>? known)
    {
        if (known is null)
        {
            return;
        }

        var names = spec.Parts.Select(p => p.Column).Append(spec.Column).OfType<string>();
        foreach (var name in names.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            doc.Error(YamlDoc.Child(path, "column"), $"'{name}' is not a business term an e-invoice profile knows: {string.Join(", ", known)}", node);
        }
    }

    private static FieldSpec? ParseSpec(
        YamlDoc doc,
        CanonicalField field,
        YamlMappingNode node,
        string path,
        IReadOnlyDictionary<string, ValueMap> localMaps,
        IReadOnlyDictionary<string, ValueMap> sharedMaps,
        bool hasHeader)
    {
        var e = doc.Entries(node, path, "column", "position", "value", "concat", "transforms", "map", "default", "required", "format");
        var sources = SourceKeys.Where(e.ContainsKey).ToList();
        if (sources.Count > 1)
        {
            doc.Error(path, $"has {sources.Count.ToString(CultureInfo.InvariantCulture)} sources ({string.Join(", ", sources)}): keep one", node);
        }

        var spec = new FieldSpec { Field = field };
        var column = doc.String(e, path, "column");
        if (column is not null)
        {
            if (!hasHeader)
            {
                doc.Error(YamlDoc.Child(path, "column"), "the file has no header (header: false): use position", e["column"]);
            }

            spec = spec with { Source = FieldSourceKind.Column, Column = column.Trim() };
        }
        else if (e.ContainsKey("position"))
        {
            spec = spec with { Source = FieldSourceKind.Position, Position = doc.Int(e, path, "position", 1, 16_384) };
        }
        else if (e.ContainsKey("value"))
        {
            spec = spec with { Source = FieldSourceKind.Value, Value = doc.String(e, path, "value") ?? string.Empty };
        }
        else if (e.ContainsKey("concat"))
        {
            spec = spec with { Source = FieldSourceKind.Concat, Parts = ParseConcat(doc, doc.Sequence(e, path, "concat"), YamlDoc.Child(path, "concat"), hasHeader) };
        }

        var dflt = doc.String(e, path, "default");
        if (spec.Source == FieldSourceKind.None && dflt is null)
        {
            doc.Error(path, "has no source: give column, position, value, concat or default", node);
        }

        var formats = doc.StringList(e, path, "format");
        if (formats is not null)
        {
            if (CanonicalFields.TypeOf(field) != FieldType.Date)
            {
                doc.Error(YamlDoc.Child(path, "format"), "format is for date fields only", e["format"]);
            }
            else
            {
                DateFormats.Check(doc, formats, YamlDoc.Child(path, "format"), e["format"]);
            }
        }

        var map = ResolveMap(doc, e, path, localMaps, sharedMaps);
        spec = spec with
        {
            Transforms = TransformParser.Parse(doc, doc.Sequence(e, path, "transforms"), YamlDoc.Child(path, "transforms")),
            Map = map,
            Default = dflt,
            Required = doc.Bool(e, path, "required") ?? false,
            Formats = formats is { Count: > 0 } ? formats : null,
        };

        if (field == CanonicalField.Kind)
        {
            CheckValues(doc, spec, path, node, Kinds, "kind values must be invoice or credit_note");
        }
        else if (RemittanceValues.Allowed(field) is { } allowed)
        {
            CheckValues(doc, spec, path, node, allowed, $"{CanonicalFields.Name(field)} values must be one of {string.Join(", ", allowed)}", StringComparer.OrdinalIgnoreCase);
        }

        return spec;
    }

    private static ValueMap? ResolveMap(YamlDoc doc, Dictionary<string, YamlNode> e, string path, IReadOnlyDictionary<string, ValueMap> localMaps, IReadOnlyDictionary<string, ValueMap> sharedMaps)
    {
        var name = doc.String(e, path, "map");
        if (name is null)
        {
            return null;
        }

        const string prefix = "shared:";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            if (sharedMaps.TryGetValue(name[prefix.Length..], out var shared))
            {
                return shared;
            }

            doc.Error(YamlDoc.Child(path, "map"), $"no shared value map '{name[prefix.Length..]}' in shared/value-maps.yaml (found: {List(sharedMaps.Keys)})", e["map"]);
            return null;
        }

        if (localMaps.TryGetValue(name, out var local))
        {
            return local;
        }

        doc.Error(YamlDoc.Child(path, "map"), $"no value map '{name}' in value_maps (found: {List(localMaps.Keys)}); shared maps are named shared:<name>", e["map"]);
        return null;
    }

    private static string List(IEnumerable<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length == 0 ? "none" : text;
    }

    private static void CheckValues(YamlDoc doc, FieldSpec spec, string path, YamlNode node, IReadOnlyList<string> allowed, string rule, StringComparer? comparer = null)
    {
        var values = new List<string?> { spec.Map is null ? spec.Value : null, spec.Map is null ? spec.Default : null };
        if (spec.Map is not null)
        {
            values.AddRange(spec.Map.Values);
            values.Add(spec.Map.Fallback);
        }

        foreach (var value in values.Where(v => v is not null).Distinct())
        {
            if (!allowed.Contains(comparer is null ? value! : value!.Trim(), comparer ?? StringComparer.Ordinal))
            {
                doc.Error(path, $"{rule}, found '{value}'", node);
            }
        }
    }

    private static List<ConcatPart> ParseConcat(YamlDoc doc, YamlSequenceNode? sequence, string path, bool hasHeader)
    {
        var parts = new List<ConcatPart>();
        if (sequence is null)
        {
            doc.Error(path, "expected a list of parts");
            return parts;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var key = YamlDoc.Item(path, i);
            switch (sequence.Children[i])
            {
                case YamlScalarNode scalar:
                    parts.Add(new ConcatPart(Literal: scalar.Value ?? string.Empty));
                    break;
                case YamlMappingNode mapping:
                    var e = doc.Entries(mapping, key, "column", "position");
                    var column = doc.String(e, key, "column");
                    var position = doc.Int(e, key, "position", 1, 16_384);
                    if (column is not null && !hasHeader)
                    {
                        doc.Error(YamlDoc.Child(key, "column"), "the file has no header (header: false): use position", mapping);
                    }

                    if ((column is null) == (position is null))
                    {
                        doc.Error(key, "a part is a text, { column: X } or { position: N }", mapping);
                    }

                    parts.Add(new ConcatPart(Column: column?.Trim(), Position: position));
                    break;
                default:
                    doc.Error(key, "a part is a text, { column: X } or { position: N }", sequence.Children[i]);
                    break;
            }
        }

        return parts;
    }
}
