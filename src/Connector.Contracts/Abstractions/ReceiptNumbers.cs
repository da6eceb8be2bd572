using System.Security.Cryptography;
using System.Text;
using Connector.Mapping.Model;

namespace Connector.Adapters.Abstractions;

/// <summary>
/// The deterministic receipt number of a remittance (contract 1.1): its own number (cheque number, trace, end-to-end id),
/// else the bank's reference, else a short hash of its idempotency key; the same remittance always gets the same number,
/// so a retry collides with the ERP's duplicate rule instead of creating a second receipt.
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>Oracle's ReceiptNumber is 30 characters.</summary>
    public const int MaxLength = 30;

    /// <summary>
    /// The number for <paramref name="remittance"/>: <see cref="Remittance.PaymentNumber"/>, else
    /// <see cref="Remittance.BankReference"/>, trimmed, when it fits in <see cref="MaxLength"/> characters; else
    /// <see cref="FromKey"/> of <paramref name="idempotencyKey"/>. Occurrences after the first (two identical payments
    /// on one day) get <c>-2</c>, <c>-3</c>... so they stay two receipts.
    /// </summary>
    public static string For(Remittance remittance, string idempotencyKey, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        var suffix = occurrence == 1 ? string.Empty : "-" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var own = Clean(remittance.PaymentNumber) ?? Clean(remittance.BankReference);
        return own is not null && own.Length + suffix.Length <= MaxLength ? own + suffix : FromKey(idempotencyKey);
    }

    /// <summary><c>R</c> and the first 15 hexadecimal digits of the key's SHA-256 (16 characters).</summary>
    public static string FromKey(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return "R" + Convert.ToHexString(hash)[..15];
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
