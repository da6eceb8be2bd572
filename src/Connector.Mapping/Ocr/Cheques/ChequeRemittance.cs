using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// A cheque and its stub (either may be missing) as the canonical remittance cash application takes: method Cheque,
/// the cheque number, date, amount, payer, the stub's rows as lines with their discounts, the memo as free text, and
/// every failed trust check attached as a problem (an error keeps it from being applied until an operator corrects it).
/// </summary>
internal static class ChequeRemittance
{
    public static MappedRemittance Build(ChequeReading? cheque, StubReading? stub, ChequeTrustOptions? options = null)
    {
        if (cheque is null && stub is null)
        {
            throw new ArgumentException("A cheque, a stub or both are needed.", nameof(cheque));
        }

        var checks = ChequeTrust.Check(cheque, stub, options);
        cheque = cheque is null ? null : ChequeTrust.Resolve(cheque, stub);
        var document = cheque?.Document ?? stub!.Document;
        var micr = cheque?.Micr is { RoutingCheckDigitValid: true } valid ? valid : null;
        var amount = cheque?.AmountInFigures?.Value ?? stub?.Total?.Net?.Value ?? stub?.Rows.Sum(r => r.Net?.Value ?? 0) ?? 0;
        var remittance = new Remittance
        {
            EntityCode = cheque?.EntityCode ?? stub!.EntityCode,
            PaymentNumber = cheque?.Number?.Value ?? stub?.ChequeNumber?.Value,
            Method = PaymentMethod.Cheque,
            PaymentDate = cheque?.Date?.Value ?? stub?.Date?.Value,
            Amount = amount,
            Currency = cheque?.Currency ?? stub?.Currency,
            Payer = new PayerReference
            {
                Name = cheque?.Payer?.Value ?? stub?.Payer?.Value,
                BankId = micr?.Routing,
                BankAccount = micr?.Account,
            },
            FreeText = cheque?.Memo?.Value,
            Lines = stub is null ? [] : [.. stub.Rows.Select(row => Line(row, stub.Document))],
            Source = new SourceLocation(document),
        };
        return new MappedRemittance(remittance, [.. checks.Select(c => c.ToProblem())]);
    }

    /// <summary>Whether a built remittance may go to cash application by itself: no error among its problems.</summary>
    public static bool IsClean(MappedRemittance mapped) => mapped.Problems.All(p => p.Severity != ProblemSeverity.Error);

    private static RemittanceLine Line(StubRow row, string document) => new()
    {
        LineNumber = row.Index,
        Reference = row.Invoice?.Value,
        Kind = ReferenceKind.Invoice,
        AmountPaid = row.Net?.Value,
        InvoiceAmount = row.Amount?.Value,
        DiscountTaken = row.Discount is { Value: > 0 } discount ? discount.Value : null,
        Source = new SourceLocation(document, row.Index),
    };
}
