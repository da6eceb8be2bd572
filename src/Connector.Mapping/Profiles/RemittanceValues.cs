using Connector.Mapping.Model;

namespace Connector.Mapping.Profiles;

/// <summary>
/// The canonical values of a remittance profile's coded fields: what <c>payment_method</c> and <c>reference_kind</c>
/// must end up as (write a value map from the source's codes to these).
/// </summary>
internal static class RemittanceValues
{
    private static readonly (string Name, PaymentMethod Value)[] Methods =
    [
        ("cheque", PaymentMethod.Cheque), ("ach", PaymentMethod.Ach), ("wire", PaymentMethod.Wire),
        ("credit_transfer", PaymentMethod.CreditTransfer), ("direct_debit", PaymentMethod.DirectDebit),
        ("card", PaymentMethod.Card), ("cash", PaymentMethod.Cash), ("other", PaymentMethod.Other),
    ];

    private static readonly (string Name, ReferenceKind Value)[] Kinds =
    [
        ("invoice", ReferenceKind.Invoice), ("credit_note", ReferenceKind.CreditNote), ("debit_note", ReferenceKind.DebitNote),
        ("purchase_order", ReferenceKind.PurchaseOrder), ("creditor_reference", ReferenceKind.CreditorReference),
        ("customer_account", ReferenceKind.CustomerAccount), ("other", ReferenceKind.Other), ("unknown", ReferenceKind.Unknown),
    ];

    public static IReadOnlyList<string> MethodNames { get; } = [.. Methods.Select(m => m.Name)];

    public static IReadOnlyList<string> KindNames { get; } = [.. Kinds.Select(k => k.Name)];

    public static bool TryMethod(string text, out PaymentMethod method)
    {
        var index = Array.FindIndex(Methods, m => string.Equals(m.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        method = index >= 0 ? Methods[index].Value : PaymentMethod.Unknown;
        return index >= 0;
    }

    public static bool TryKind(string text, out ReferenceKind kind)
    {
        var index = Array.FindIndex(Kinds, k => string.Equals(k.Name, text.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = index >= 0 ? Kinds[index].Value : ReferenceKind.Unknown;
        return index >= 0;
    }

    /// <summary>The names a coded field's values must be among; null for a field with free values.</summary>
    public static IReadOnlyList<string>? Allowed(CanonicalField field) => field switch
    {
        CanonicalField.PaymentMethod => MethodNames,
        CanonicalField.ReferenceKind => KindNames,
        _ => null,
    };
}
