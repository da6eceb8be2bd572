using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>
/// One 820 transaction set as a remittance: BPR (handling, amount, credit/debit, method, accounts, date), TRN (trace
/// number, originating company), CUR, N1*PR payer and N1*PE payee, the lines (RMR, ADX), header REF/DTM/NTE kept in
/// the free text. When BPR01 is C or I and BPR02 a number, BPR02 must be Σ RMR04 + Σ ADX01, else REMITTANCE_TOTAL.
/// </summary>
internal static class X12Remittance
{
    public static MappedRemittance Map(X12TransactionSet set, string entityCode, string documentName)
    {
        var problems = new List<Problem>();
        var lines = new X12Lines(documentName, problems);
        var notes = new List<string>();
        X12Segment? bpr = null, trn = null, cur = null, payer = null, payee = null;
        string? party = null;
        foreach (var segment in set.Body)
        {
            switch (segment.Id)
            {
                case "BPR":
                    bpr ??= segment;
                    continue;
                case "TRN":
                    trn ??= segment;
                    continue;
                case "CUR":
                    cur ??= segment;
                    continue;
                case "N1":
                    party = segment[1];
                    if (party == "PR")
                    {
                        payer ??= segment;
                    }
                    else if (party == "PE")
                    {
                        payee ??= segment;
                    }

                    lines.Take(segment);
                    continue;
            }

            if (lines.Take(segment))
            {
                party = null;
                continue;
            }

            if (segment.Id is "REF" or "DTM" or "NTE" && party is null)
            {
                notes.Add(X12Values.Describe(segment));
            }
        }

        if (bpr is null)
        {
            problems.Add(Problem.Error(ProblemCodes.FieldRequired, $"Transaction set {set.ControlNumber} has no BPR segment: the payment's amount is unknown.", set.Header.At(documentName), "BPR"));
        }

        var amount = bpr is null ? null : X12Values.Amount(bpr, 2, documentName, problems);
        if (payee is not null)
        {
            notes.Add("payee " + string.Join(' ', new[] { payee[2], payee[3], payee[4] }.Where(s => s is not null)));
        }

        var remittance = new Remittance
        {
            EntityCode = entityCode,
            PaymentNumber = trn?[2],
            Method = bpr is null ? PaymentMethod.Unknown : Method(bpr[4]),
            Direction = bpr?[3] == "D" ? EntryDirection.Debit : EntryDirection.Credit,
            AdviceOnly = bpr?[1] == "I",
            PaymentDate = bpr is null ? null : X12Values.Date(bpr, 16, documentName, problems),
            Amount = amount is { } value ? Math.Abs(value) : 0m,
            Currency = cur?[2]?.ToUpperInvariant(),
            Payer = Payer(bpr, trn, payer),
            ReceivingAccount = bpr?[15],
            BankTransactionCode = bpr is null ? null : string.Join('/', new[] { bpr[4], bpr[5] }.Where(s => s is not null)),
            FreeText = notes.Count == 0 ? null : string.Join(" | ", notes),
            Lines = lines.Lines(),
            Source = set.Header.At(documentName),
        };

        Reconcile(bpr, amount, lines, documentName, problems);
        return new MappedRemittance(remittance, problems);
    }

    private static void Reconcile(X12Segment? bpr, decimal? amount, X12Lines lines, string documentName, List<Problem> problems)
    {
        if (bpr?[1] is not ("C" or "I") || amount is not { } total || lines.PaidSum is not { } paid || lines.AdjustmentSum is not { } adjustments)
        {
            return;
        }

        if (paid + adjustments != total)
        {
            problems.Add(Problem.Error(
                ProblemCodes.RemittanceTotal,
                $"The payment is {Text(total)} (BPR02) but its {lines.RmrCount.ToString(CultureInfo.InvariantCulture)} RMR lines pay {Text(paid)} (Σ RMR04) and its adjustments come to {Text(adjustments)} (Σ ADX01): {Text(paid + adjustments)}, {Text(paid + adjustments - total)} off.",
                bpr.At(documentName, 2),
                "BPR02",
                bpr[2]));
        }
    }

    /// <summary>The payer: N1*PR name and id, the originating bank (BPR07) and account (BPR09), the originating company (TRN03, else BPR10).</summary>
    private static PayerReference Payer(X12Segment? bpr, X12Segment? trn, X12Segment? n1)
    {
        // N103 91 is an id the payee (seller) assigned: the customer's account; others (FI, 1, 9, 92...) identify the payer.
        var assignedBySeller = n1?[3] == "91";
        return new PayerReference
        {
            Name = n1?[2],
            CustomerAccount = assignedBySeller ? n1![4] : null,
            BankId = bpr?[7],
            BankAccount = bpr?[9],
            TaxId = trn?[3] ?? bpr?[10] ?? (assignedBySeller ? null : n1?[4]),
        };
    }

    /// <summary>BPR04, the payment method code.</summary>
    private static PaymentMethod Method(string? code) => code switch
    {
        "ACH" => PaymentMethod.Ach,
        "CHK" => PaymentMethod.Cheque,
        "FWT" or "SWT" => PaymentMethod.Wire,
        "BOP" or "ZZZ" => PaymentMethod.Other,
        "NON" => PaymentMethod.Other,
        _ => PaymentMethod.Unknown,
    };

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
