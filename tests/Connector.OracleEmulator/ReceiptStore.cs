using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>The emulator's standard receipts; the duplicate rule and id assignment happen atomically under one lock.</summary>
internal sealed class ReceiptStore(EmulatorSetup setup)
{
    public const string DuplicateCode = "AR_RCP_DUP_NUM";

    private readonly Lock _lock = new();
    private readonly List<EmulatedReceipt> _receipts = [];
    private long _nextId = setup.FirstStandardReceiptId;

    public IReadOnlyList<EmulatedReceipt> Snapshot()
    {
        lock (_lock)
        {
            return [.. _receipts];
        }
    }

    /// <summary>
    /// Stores the receipt, or refuses it (AR_RCP_DUP_NUM) when a receipt of the business unit has the same number,
    /// date, amount and customer; any other combination is a different receipt.
    /// </summary>
    public (EmulatedReceipt? Receipt, OracleError? Error) Add(ValidatedReceipt receipt)
    {
        lock (_lock)
        {
            if (_receipts.Exists(r => r.BusinessUnit == receipt.BusinessUnit && r.ReceiptNumber == receipt.Number
                    && r.ReceiptDate == receipt.Date && r.Amount == receipt.Amount
                    && string.Equals(r.CustomerAccountNumber, receipt.Customer, StringComparison.Ordinal)))
            {
                return (null, new OracleError(DuplicateCode,
                    $"A receipt with the number {receipt.Number} and the same receipt date, amount and customer already exists.",
                    "ReceiptNumber"));
            }

            var id = _nextId++;
            var item = new JsonObject { ["StandardReceiptId"] = id };
            foreach (var (name, value) in receipt.Item)
            {
                item[name] = value?.DeepClone();
            }

            var stored = new EmulatedReceipt(id, receipt.Number, receipt.BusinessUnit, receipt.Date, receipt.Amount,
                receipt.Customer, item.ToJsonString());
            _receipts.Add(stored);
            return (stored, null);
        }
    }
}
