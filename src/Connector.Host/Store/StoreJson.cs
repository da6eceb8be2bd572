using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Store;

/// <summary>How the store writes canonical records, problems and suggestions as JSON (source-generated, fast).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(List<Problem>))]
[JsonSerializable(typeof(List<Suggestion>))]
[JsonSerializable(typeof(List<ControlTotal>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

internal static class StoreJson
{
    public static string Serialize(Invoice invoice) => JsonSerializer.Serialize(invoice, StoreJsonContext.Default.Invoice);

    public static byte[] SerializeToUtf8(Invoice invoice) => JsonSerializer.SerializeToUtf8Bytes(invoice, StoreJsonContext.Default.Invoice);

    public static Invoice DeserializeInvoice(string json)
        => JsonSerializer.Deserialize(json, StoreJsonContext.Default.Invoice)
           ?? throw new InvalidDataException("A stored record holds no invoice.");

    public static string Serialize(IReadOnlyList<Problem> problems)
        => problems.Count == 0 ? "[]" : JsonSerializer.Serialize(problems as List<Problem> ?? [.. problems], StoreJsonContext.Default.ListProblem);

    public static IReadOnlyList<Problem> DeserializeProblems(string json)
        => json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListProblem) ?? [];

    public static string Serialize(IReadOnlyList<Suggestion> suggestions)
        => suggestions.Count == 0 ? "[]" : JsonSerializer.Serialize(suggestions as List<Suggestion> ?? [.. suggestions], StoreJsonContext.Default.ListSuggestion);

    public static string Serialize(IReadOnlyList<ControlTotal> totals)
        => totals.Count == 0 ? "[]" : JsonSerializer.Serialize(totals as List<ControlTotal> ?? [.. totals], StoreJsonContext.Default.ListControlTotal);

    public static string Serialize(List<string> texts) => JsonSerializer.Serialize(texts, StoreJsonContext.Default.ListString);

    public static IReadOnlyList<ControlTotal> DeserializeControl(string json)
        => json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListControlTotal) ?? [];

    public static IReadOnlyList<Suggestion> DeserializeSuggestions(string json)
        => json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListSuggestion) ?? [];
}
