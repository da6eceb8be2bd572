using Connector.Mapping.Model;

namespace Connector.Mapping.Remittances;

/// <summary>
/// The idempotency keys of a document's payments (<see cref="IdempotencyKey.ForReceipt"/>): payments alike in every
/// part of the key are numbered 1, 2... in document order, so that a statement received twice, or two statements that
/// overlap, give the same keys again, while two genuine identical payments of one day keep two keys.
/// </summary>
internal static class ReceiptKeys
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<Remittance> remittances)
    {
        ArgumentNullException.ThrowIfNull(remittances);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string[remittances.Count];
        for (var i = 0; i < remittances.Count; i++)
        {
            var alike = IdempotencyKey.ForReceipt(remittances[i], 1);
            var occurrence = seen[alike] = seen.GetValueOrDefault(alike) + 1;
            keys[i] = occurrence == 1 ? alike : IdempotencyKey.ForReceipt(remittances[i], occurrence);
        }

        return keys;
    }
}
