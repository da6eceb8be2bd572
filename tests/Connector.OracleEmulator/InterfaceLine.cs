namespace Connector.OracleEmulator;

/// <summary>
/// Positions (1-based) of RaInterfaceLinesAll.csv that the emulated AutoInvoice reads. Copied from the product's
/// src/Connector.Adapters/Targets/OracleFbdi/FbdiLinesLayout.cs (the emulator must not reference the product; keep
/// both in step): the layout of the template's GenCSV output, 372 fields ending with the literal END.
/// </summary>
internal static class InterfacePositions
{
    public const int FieldCount = 372;
    public const int OrgId = 1;
    public const int BatchSourceName = 2;
    public const int CustTrxTypeName = 3;
    public const int TermName = 4;
    public const int TrxDate = 5;
    public const int GlDate = 6;
    public const int TrxNumber = 7;
    public const int BillCustomerAccountNumber = 19;
    public const int BillCustomerSiteNumber = 20;
    public const int LineType = 26;
    public const int Description = 27;
    public const int CurrencyCode = 28;
    public const int ConversionType = 29;
    public const int ConversionDate = 30;
    public const int ConversionRate = 31;
    public const int Amount = 32;
    public const int Quantity = 33;
    public const int UnitSellingPrice = 35;
    public const int InterfaceLineContext = 37;
    public const int InterfaceLineAttribute1 = 38;
    public const int PurchaseOrder = 107;
    public const int BuName = 287;
    public const int Comments = 288;
    public const int InternalNotes = 289;
    public const int End = 372;
}

/// <summary>The line transaction flexfield: context and the 15 attributes (empty string for an unused one).</summary>
public sealed record FlexfieldKey(string Context, IReadOnlyList<string> Attributes)
{
    public static FlexfieldKey Of(string context, params string[] attributes) =>
        new(context, [.. attributes, .. Enumerable.Repeat(string.Empty, 15 - attributes.Length)]);

    /// <summary>Context and attributes joined by '|', trailing empty attributes dropped, e.g. CONNECTOR|DE01|INV|42|1.</summary>
    public override string ToString()
    {
        var used = Attributes.Count;
        while (used > 0 && Attributes[used - 1].Length == 0)
        {
            used--;
        }

        return string.Join('|', [Context, .. Attributes.Take(used)]);
    }

    public bool Equals(FlexfieldKey? other) =>
        other is not null && Context == other.Context && Attributes.SequenceEqual(other.Attributes);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}

/// <summary>One row of RA_INTERFACE_LINES_ALL as loaded from the CSV (fields kept as text, by position).</summary>
/// <param name="LoadRequestId">The load (Load Interface File for Import) that brought it in.</param>
/// <param name="RowNumber">1-based row in the CSV.</param>
/// <param name="Fields">The raw fields.</param>
internal sealed record InterfaceLine(long LoadRequestId, int RowNumber, string[] Fields)
{
    public string this[int position] => position <= Fields.Length ? Fields[position - 1].Trim() : string.Empty;

    public FlexfieldKey Key => new(this[InterfacePositions.InterfaceLineContext],
        [.. Enumerable.Range(0, 15).Select(i => this[InterfacePositions.InterfaceLineAttribute1 + i])]);
}

/// <summary>One error of a row AutoInvoice rejected (RA_INTERFACE_ERRORS_ALL); the row stays in the interface until purged.</summary>
/// <param name="LoadRequestId">The load that brought the row in.</param>
/// <param name="RowNumber">1-based row in that load's CSV.</param>
/// <param name="Key">The row's transaction flexfield.</param>
/// <param name="Message">MESSAGE_TEXT.</param>
/// <param name="InvalidValue">INVALID_VALUE, when one value is at fault.</param>
public sealed record InterfaceError(long LoadRequestId, int RowNumber, FlexfieldKey Key, string Message, string? InvalidValue);

/// <summary>A line AutoInvoice created, with the flexfield key it keeps (RA_CUSTOMER_TRX_LINES_ALL).</summary>
public sealed record CreatedLine(long LoadRequestId, FlexfieldKey Key, long CustomerTransactionId, string TransactionNumber,
    decimal TransactionAmount, string Currency);
