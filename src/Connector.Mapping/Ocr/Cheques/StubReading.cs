namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The columns a remittance stub's table can have.</summary>
internal enum StubColumn
{
    Invoice,
    Date,
    Amount,
    Discount,
    Net,
}

/// <summary>A cell with text that is not a value of its column (an amount in no number style, a date that is no date).</summary>
internal sealed record UnreadableCell(StubColumn Column, string Text, double Confidence, OcrBox Region);

/// <summary>A cell the arithmetic repaired (<see cref="StubRepair"/>): what was read, and the value that adds up.</summary>
internal sealed record RepairedCell(StubColumn Column, string Text, decimal Read, decimal Value, OcrBox Region);

/// <summary>
/// One row of a stub's table (or its total line, without invoice and date), each cell a field; a cell whose text
/// could not be read as its column's value is null here and listed in <see cref="Unreadable"/> with its text.
/// </summary>
internal sealed record StubRow(
    int Index,
    OcrField<string>? Invoice,
    OcrField<DateOnly>? Date,
    OcrField<decimal>? Amount,
    OcrField<decimal>? Discount,
    OcrField<decimal>? Net,
    OcrBox Region)
{
    public IReadOnlyList<UnreadableCell> Unreadable { get; init; } = [];

    /// <summary>The cells whose misread digit the arithmetic repaired (see <see cref="StubRepair"/>).</summary>
    public IReadOnlyList<RepairedCell> Repaired { get; init; } = [];
}

/// <summary>What a remittance stub says: the cheque it goes with, the payer and payee, its rows and its total line.</summary>
internal sealed record StubReading
{
    public required string EntityCode { get; init; }

    public required string Document { get; init; }

    public OcrField<string>? ChequeNumber { get; init; }

    public OcrField<DateOnly>? Date { get; init; }

    public OcrField<string>? Payer { get; init; }

    public OcrField<string>? Payee { get; init; }

    public string? Currency { get; init; }

    /// <summary>The columns found, left to right, as the headings named them.</summary>
    public IReadOnlyList<StubColumn> Columns { get; init; } = [];

    public IReadOnlyList<StubRow> Rows { get; init; } = [];

    public StubRow? Total { get; init; }

    public required FigureStyle Style { get; init; }
}
