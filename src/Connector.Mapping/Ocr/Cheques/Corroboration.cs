namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// Which independent reading confirms a field read below the confidence floor: the cheque's figures and words confirm
/// each other, a cheque and its stub confirm each other's number, date, payer, payee and amount, and the MICR line the
/// cheque's number. Each method gives what confirms the field (for the warning's message), or null when nothing does.
/// </summary>
internal sealed class Corroboration(ChequeReading? cheque, StubReading? stub)
{
    public string? ChequeNumber()
    {
        if (cheque?.Number is not { } number)
        {
            return null;
        }

        if (stub?.ChequeNumber is { } other && other.Value == number.Value)
        {
            return "the stub's cheque number agrees";
        }

        return cheque.Micr?.ChequeNumber is { } micr && micr.TrimStart('0') == number.Value.TrimStart('0') ? "the MICR line agrees" : null;
    }

    public string? StubNumber()
        => stub?.ChequeNumber is { } number && cheque?.Number?.Value == number.Value ? "the cheque's number agrees" : null;

    public string? Date()
        => cheque?.Date is { } date && stub?.Date is { IsAmbiguous: false } other && other.Value == date.Value ? "the stub's date agrees" : null;

    public string? StubDate()
        => stub?.Date is { } date && cheque?.Date is { IsAmbiguous: false } other && other.Value == date.Value ? "the cheque's date agrees" : null;

    public string? Figures()
    {
        if (cheque?.AmountInFigures is not { } figures)
        {
            return null;
        }

        if (cheque.AmountInWords is { } words && words.Value == figures.Value)
        {
            return "the amount in words agrees";
        }

        return stub?.Total?.Net is { } total && total.Value == figures.Value ? "the stub's total paid agrees" : null;
    }

    public string? Words()
        => cheque?.AmountInWords is { } words && cheque.AmountInFigures is { } figures && figures.Value == words.Value ? "the amount in figures agrees" : null;

    public string? Payer() => SameName(cheque?.Payer, stub?.Payer) ? "the stub's payer agrees" : null;

    public string? StubPayer() => SameName(stub?.Payer, cheque?.Payer) ? "the cheque's payer agrees" : null;

    public string? Payee() => SameName(cheque?.Payee, stub?.Payee) ? "the stub's payee agrees" : null;

    /// <summary>Two names that are the same but for case and spacing.</summary>
    private static bool SameName(OcrField<string>? a, OcrField<string>? b)
        => a is not null && b is not null && string.Equals(Squeeze(a.Value), Squeeze(b.Value), StringComparison.OrdinalIgnoreCase);

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
