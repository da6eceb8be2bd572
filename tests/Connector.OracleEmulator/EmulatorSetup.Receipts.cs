namespace Connector.OracleEmulator;

/// <summary>The setup standardReceipts validates against: receipt methods per business unit, ids, and today's date.</summary>
public sealed partial record EmulatorSetup
{
    /// <summary>Receipt methods with their remittance bank accounts; by default one or two per sample business unit.</summary>
    public IReadOnlyList<EmulatedReceiptMethod> ReceiptMethods { get; init; } =
    [
        new("DE01 Ueberweisung", De, ["DE89370400440532013000"]),
        new("FR01 Virement", Fr, ["FR7630006000011234567890189"]),
        new("US01 Check", Us, ["10271-17621-619"]),
        new("US01 Lockbox", Us, ["10271-17621-620", "10271-17621-621"]),
    ];

    /// <summary>The first StandardReceiptId handed out; later ones count up by one.</summary>
    public long FirstStandardReceiptId { get; init; } = 300100153164586;

    /// <summary>The clock that gives a receipt without ReceiptDate its date (today, UTC).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <param name="Name">The ReceiptMethod value callers send.</param>
/// <param name="BusinessUnit">The business unit the method is used in.</param>
/// <param name="RemittanceBankAccounts">Bank account numbers receipts of this method may be remitted to; the first is the default.</param>
public sealed record EmulatedReceiptMethod(string Name, string BusinessUnit, IReadOnlyList<string> RemittanceBankAccounts);

/// <summary>A receipt the emulator has stored (immutable; the item is kept as JSON text).</summary>
public sealed record EmulatedReceipt(
    long StandardReceiptId,
    string ReceiptNumber,
    string BusinessUnit,
    DateOnly ReceiptDate,
    decimal Amount,
    string? CustomerAccountNumber,
    string Json)
{
    /// <summary>An attribute as text (numbers in their JSON form), or null.</summary>
    public string? Attribute(string name) => EmulatedInvoice.JsonText(System.Text.Json.Nodes.JsonNode.Parse(Json)![name]);
}
