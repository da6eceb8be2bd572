using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>
/// Structured remittance information (RmtInf/Strd) as lines: each referred document (RfrdDocInf: type, number) and
/// each creditor reference (CdtrRefInf: SCOR, ISR, QRR) is a line; the block's amounts (RfrdDocAmt) go on its first line.
/// </summary>
internal static class CamtRemittanceInfo
{
    public static IReadOnlyList<RemittanceLine> Lines(XElement? remittanceInfo, CamtValues values, List<Problem> problems)
    {
        var lines = new List<RemittanceLine>();
        foreach (var block in remittanceInfo.All("Strd"))
        {
            var amounts = block.Child("RfrdDocAmt");
            var text = string.Join(" | ", block.All("AddtlRmtInf").Select(a => a.Text()).OfType<string>());
            var first = true;
            foreach (var document in block.All("RfrdDocInf"))
            {
                var kind = Kind(document.At("Tp", "CdOrPrtry", "Cd").Text());
                lines.Add(Line(lines.Count + 1, document.At("Nb").Text(), kind, first ? amounts : null, text, document, values, problems));
                first = false;
            }

            foreach (var creditorReference in block.All("CdtrRefInf"))
            {
                lines.Add(Line(lines.Count + 1, creditorReference.At("Ref").Text(), ReferenceKind.CreditorReference, first ? amounts : null, text, creditorReference, values, problems));
                first = false;
            }

            if (first && amounts is not null)
            {
                // Amounts without any reference: keep them, the matcher may still use them with the free text.
                lines.Add(Line(lines.Count + 1, null, ReferenceKind.Unknown, amounts, text, block, values, problems));
            }
        }

        return lines;
    }

    private static RemittanceLine Line(int number, string? reference, ReferenceKind kind, XElement? amounts, string text, XElement where, CamtValues values, List<Problem> problems)
    {
        var adjustment = amounts.Child("AdjstmntAmtAndRsn");
        var deduction = Amount(adjustment.Child("Amt"), values, problems);
        if (deduction is not null && CamtValues.Direction(adjustment.Child("CdtDbtInd")) == EntryDirection.Credit)
        {
            deduction = -deduction;
        }

        var paid = Amount(amounts.Child("RmtdAmt"), values, problems);
        if (paid is null && kind == ReferenceKind.CreditNote)
        {
            paid = Amount(amounts.Child("CdtNoteAmt"), values, problems);
        }

        // DscntApldAmt is an amount in v02 and a typed amount (Tp, Amt) from v04.
        var discount = amounts.Child("DscntApldAmt");
        var spot = where.Spot();
        return new RemittanceLine
        {
            LineNumber = number,
            Reference = reference,
            Kind = kind,
            AmountPaid = paid,
            InvoiceAmount = Amount(amounts.Child("DuePyblAmt"), values, problems),
            DiscountTaken = Amount(discount.Child("Amt") ?? discount, values, problems),
            Deduction = deduction,
            DeductionReason = adjustment.At("Rsn").Text() ?? adjustment.At("AddtlInf").Text(),
            Text = text.Length == 0 ? null : text,
            Source = new SourceLocation(values.DocumentName, spot.Line, spot.Path),
        };
    }

    private static decimal? Amount(XElement? element, CamtValues values, List<Problem> problems)
    {
        if (element is null)
        {
            return null;
        }

        var amount = CamtValues.Amount(element);
        if (amount is null)
        {
            problems.Add(Problem.Error(ProblemCodes.FieldInvalidNumber, $"'{element.Value.Trim()}' is not an amount.", values.At(element), element.Name.LocalName, element.Value.Trim()));
        }

        return amount;
    }

    /// <summary>The referred document's type code (ISO DocumentType3/6Code) as a reference kind.</summary>
    private static ReferenceKind Kind(string? code) => code switch
    {
        "CINV" or "CMCN" or "HIRI" or "SBIN" or "CMIN" or "AROI" => ReferenceKind.Invoice,
        "CREN" or "CNFA" => ReferenceKind.CreditNote,
        "DEBN" or "DNFA" => ReferenceKind.DebitNote,
        "PUOR" => ReferenceKind.PurchaseOrder,
        "SOAC" => ReferenceKind.CustomerAccount,
        "SCOR" or "RPIN" => ReferenceKind.CreditorReference,
        null => ReferenceKind.Unknown,
        _ => ReferenceKind.Other,
    };
}
