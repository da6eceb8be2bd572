using System.Globalization;

namespace Connector.Mapping.Model;

/// <summary>
/// The deterministic key a record carries into the ERP so that it is posted once: entity + record type + the
/// source's business number. It never depends on time, file name or row position.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>The short record-type code used in keys and in the Oracle transaction flexfield.</summary>
    public static string TypeCode(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? "CM" : "INV";

    public static string ForInvoice(string entityCode, InvoiceKind kind, string number)
        => string.Create(CultureInfo.InvariantCulture, $"{entityCode}|{TypeCode(kind)}|{number}");
}
