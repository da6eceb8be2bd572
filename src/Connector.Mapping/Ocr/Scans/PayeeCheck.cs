using Connector.Mapping.Matching;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Scans;

/// <summary>
/// The cheque's payee against the entity's name: a payee that reads as the entity's name is confirmed by it (a low
/// confidence on it is then a warning, not a reason to stop the payment); a payee that reads as someone else is said
/// as a warning (a cheque for another company of the group, or for the customer's other supplier, was scanned here).
/// </summary>
internal static class PayeeCheck
{
    public const int SameName = 85;

    public static IReadOnlyList<OcrCheck> Apply(IReadOnlyList<OcrCheck> checks, ChequeReading? cheque, IReadOnlyList<string> entityNames)
    {
        if (cheque?.Payee is not { } payee || entityNames.Count == 0)
        {
            return checks;
        }

        var (name, score) = entityNames.Select(n => (Name: n, Score: Score(payee.Value, n))).MaxBy(s => s.Score);
        if (score >= SameName)
        {
            return [.. checks.Select(c => c.Field == "Payee" && c.Severity == ProblemSeverity.Error && c.Code is OcrCodes.LowConfidence or OcrCodes.Ambiguous
                ? c with { Severity = ProblemSeverity.Warning, Message = $"{c.Message}; it reads as {name}, the entity's name" }
                : c)];
        }

        return
        [
            .. checks,
            new OcrCheck(ProblemSeverity.Warning, ProblemCodes.OcrPayeeNotEntity, cheque.Document, "Payee",
                $"the cheque is made out to '{payee.Value}', not to {name}: check that it is this company's", payee.Region, [payee.Value, name]),
        ];
    }

    /// <summary>How well the payee reads as the name (0-100): the name's letters against the end of the payee's, where OCR junk of the "pay to the order of" label does not reach.</summary>
    internal static int Score(string payee, string name)
    {
        var p = Letters(payee);
        var n = Letters(name);
        if (n.Length == 0 || p.Length == 0)
        {
            return 0;
        }

        if (p.Contains(n, StringComparison.Ordinal))
        {
            return 100;
        }

        return Math.Max(IndelRatio.Ratio(p, n), IndelRatio.Ratio(p.Length > n.Length ? p[^n.Length..] : p, n));
    }

    private static string Letters(string text) => new([.. OcrText.Fold(text).Where(char.IsLetterOrDigit)]);
}
