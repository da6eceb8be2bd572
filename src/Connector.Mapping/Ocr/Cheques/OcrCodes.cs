using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>Short names for the OCR problem codes of <see cref="ProblemCodes"/>.</summary>
internal static class OcrCodes
{
    public const string Missing = ProblemCodes.OcrFieldMissing;
    public const string LowConfidence = ProblemCodes.OcrLowConfidence;
    public const string Ambiguous = ProblemCodes.OcrAmbiguous;
    public const string RowArithmetic = ProblemCodes.OcrRowArithmetic;
    public const string Total = ProblemCodes.OcrTotalMismatch;
    public const string ChequeStub = ProblemCodes.OcrChequeStubMismatch;
    public const string WordsFigures = ProblemCodes.OcrWordsFigures;
    public const string MicrCheckDigit = ProblemCodes.MicrCheckDigit;
}
