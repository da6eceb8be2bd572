using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
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
[JsonSerializable(typeof(Remittance))]
[JsonSerializable(typeof(List<StoredApplication>))]
[JsonSerializable(typeof(List<StoredCandidate>))]
[JsonSerializable(typeof(ScannedReadings))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

internal static class StoreJson
{
    public static string Serialize(Invoice invoice) => JsonSerializer.Serialize(invoice, StoreJsonContext.Default.Invoice);

    private static byte[] SerializeToUtf8(Invoice invoice) => JsonSerializer.SerializeToUtf8Bytes(invoice, StoreJsonContext.Default.Invoice);

    /// <summary>
    /// The stored form of a record's content: its canonical JSON (UTF-8), deflated. About a quarter of the JSON's size,
    /// which is what the store's write rate is bound by (see docs/adr/0001).
    /// </summary>
    public static byte[] Pack(Invoice invoice) => Deflate(SerializeToUtf8(invoice));

    /// <summary>Packs canonical JSON text (an operator's corrected record).</summary>
    public static byte[] Pack(string json) => Deflate(Encoding.UTF8.GetBytes(json));

    /// <summary>The canonical JSON text of a packed record.</summary>
    public static string Unpack(byte[] packed) => Encoding.UTF8.GetString(Inflate(packed));

    public static Invoice UnpackInvoice(byte[] packed)
        => JsonSerializer.Deserialize(Inflate(packed), StoreJsonContext.Default.Invoice)
           ?? throw new InvalidDataException("A stored record holds no invoice.");

    /// <summary>The stored form of a remittance: its canonical JSON, deflated like a record's.</summary>
    public static byte[] Pack(Remittance remittance) => Deflate(JsonSerializer.SerializeToUtf8Bytes(remittance, StoreJsonContext.Default.Remittance));

    /// <summary>The stored form of a scanned payment's readings: JSON, deflated.</summary>
    public static byte[] Pack(ScannedReadings readings) => Deflate(JsonSerializer.SerializeToUtf8Bytes(readings, StoreJsonContext.Default.ScannedReadings));

    public static ScannedReadings UnpackScan(byte[] packed)
        => JsonSerializer.Deserialize(Inflate(packed), StoreJsonContext.Default.ScannedReadings)
           ?? throw new InvalidDataException("A stored scan holds no readings.");

    public static Remittance UnpackRemittance(byte[] packed)
        => JsonSerializer.Deserialize(Inflate(packed), StoreJsonContext.Default.Remittance)
           ?? throw new InvalidDataException("A stored remittance holds no payment.");

    public static string Serialize(IReadOnlyList<StoredApplication> applications)
        => JsonSerializer.Serialize(applications as List<StoredApplication> ?? [.. applications], StoreJsonContext.Default.ListStoredApplication);

    public static IReadOnlyList<StoredApplication> DeserializeApplications(string json)
        => json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListStoredApplication) ?? [];

    public static string Serialize(IReadOnlyList<StoredCandidate> candidates)
        => JsonSerializer.Serialize(candidates as List<StoredCandidate> ?? [.. candidates], StoreJsonContext.Default.ListStoredCandidate);

    public static IReadOnlyList<StoredCandidate> DeserializeCandidates(string json)
        => json == "[]" ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListStoredCandidate) ?? [];

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 3);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Inflate(byte[] packed)
    {
        using var input = new MemoryStream(packed, writable: false);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 4);
        inflate.CopyTo(output);
        return output.ToArray();
    }

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
