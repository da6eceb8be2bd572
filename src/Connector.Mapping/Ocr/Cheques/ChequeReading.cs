namespace Connector.Mapping.Ocr.Cheques;

/// <summary>Options of the cheque and stub readers.</summary>
/// <param name="DayFirst">A numeric date that reads both ways (03/04/2026) is day first (Europe, Canada) rather than month first (US).</param>
/// <param name="Currency">The currency when the page does not show it (the entity's); a page's € sign makes it EUR.</param>
internal sealed record OcrReaderOptions(bool DayFirst = false, string? Currency = null)
{
    /// <summary>The entity says how its payers write dates (<see cref="DayFirst"/>): a date that reads both ways is then read that way, not flagged.</summary>
    public bool DateOrderKnown { get; init; }

    public static OcrReaderOptions Default { get; } = new();
}

/// <summary>What a cheque says, field by field, each with its confidence, region and competing readings.</summary>
internal sealed record ChequeReading
{
    public required string EntityCode { get; init; }

    public required string Document { get; init; }

    public OcrField<string>? Number { get; init; }

    public OcrField<DateOnly>? Date { get; init; }

    public OcrField<decimal>? AmountInFigures { get; init; }

    public OcrField<decimal>? AmountInWords { get; init; }

    public OcrField<string>? Payer { get; init; }

    public OcrField<string>? Payee { get; init; }

    public OcrField<string>? Memo { get; init; }

    public MicrLine? Micr { get; init; }

    public string? Currency { get; init; }
}
