using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>An invoice the emulator has stored (immutable; the JSON is kept as text).</summary>
public sealed record EmulatedInvoice(
    long CustomerTransactionId,
    string TransactionNumber,
    string BusinessUnit,
    string TransactionSource,
    string HeaderJson,
    IReadOnlyList<EmulatedInvoiceLine> Lines)
{
    public decimal TotalAmount => Lines.Sum(l => l.LineAmount);

    /// <summary>A header attribute as text (numbers in their JSON form), or null.</summary>
    public string? Attribute(string name) => JsonText(Header()[name]);

    internal JsonObject Header() => JsonNode.Parse(HeaderJson)!.AsObject();

    internal static string? JsonText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}

public sealed record EmulatedInvoiceLine(
    long CustomerTransactionLineId,
    int LineNumber,
    decimal Quantity,
    decimal UnitSellingPrice,
    decimal LineAmount,
    string Json);
