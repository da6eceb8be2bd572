using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.Plugins.Tryton;

/// <summary>Tryton's JSON encodings: Decimal and date objects with <c>__class__</c>, read back with the invariant culture.</summary>
internal static class TrytonJson
{
    public static JsonObject Decimal(decimal value) => new()
    {
        ["__class__"] = "Decimal",
        ["decimal"] = value.ToString(CultureInfo.InvariantCulture),
    };

    public static JsonObject Date(DateOnly value) => new()
    {
        ["__class__"] = "date",
        ["year"] = value.Year,
        ["month"] = value.Month,
        ["day"] = value.Day,
    };

    /// <summary>A Decimal as Tryton sends it (<c>{"__class__":"Decimal","decimal":"0"}</c>), or a plain number; null when null.</summary>
    public static decimal? ToDecimal(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o when o["decimal"] is JsonValue d => decimal.Parse(d.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<decimal>(out var n) => n,
        _ => null,
    };

    public static DateOnly? ToDate(JsonNode? node) => node is JsonObject o && o["year"] is not null
        ? new DateOnly(o["year"]!.GetValue<int>(), o["month"]!.GetValue<int>(), o["day"]!.GetValue<int>())
        : null;

    public static int? ToId(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var id) ? id : null;

    public static string? ToText(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A dotted field read back (<c>"party.code"</c> comes as <c>"party.": {"code": ...}</c>).</summary>
    public static JsonNode? Dotted(JsonNode? record, string relation, string field) => record?[relation + "."]?[field];

    public static JsonArray Array(params JsonNode?[] items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    /// <summary>A domain clause <c>[field, operator, value]</c>.</summary>
    public static JsonArray Clause(string field, string op, JsonNode? value) => Array(field, op, value);

    public static JsonArray Fields(params string[] names) => new([.. names.Select(n => (JsonNode)n)]);
}
