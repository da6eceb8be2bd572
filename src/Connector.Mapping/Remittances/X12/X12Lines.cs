using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>
/// The remittance lines of an 820: one per RMR (qualifier as kind, RMR02 reference, RMR04 paid, RMR05 invoice amount,
/// RMR06 discount, RMR07/08 adjustment) with the ADX, REF, DTM and NTE under it, and one per ADX that stands at the
/// ENT or header level (its own adjustment line). Also the sums the payment total is reconciled against.
/// </summary>
internal sealed class X12Lines
{
    private readonly string _documentName;
    private readonly List<Problem> _problems;
    private readonly List<Draft> _drafts = [];
    private Draft? _current;
    private bool _inDetail;

    public X12Lines(string documentName, List<Problem> problems)
    {
        _documentName = documentName;
        _problems = problems;
    }

    /// <summary>Σ RMR04 as written (null when one of them is not a number).</summary>
    public decimal? PaidSum { get; private set; } = 0m;

    /// <summary>Σ ADX01 as written, wherever the ADX stands (null when one is not a number).</summary>
    public decimal? AdjustmentSum { get; private set; } = 0m;

    public int RmrCount { get; private set; }

    /// <summary>Takes the next segment of the set (after the header); returns false when it is not part of a line.</summary>
    public bool Take(X12Segment segment)
    {
        switch (segment.Id)
        {
            case "N1":
                _current = null;
                return false;
            case "ENT" or "NM1":
                _current = null;
                _inDetail = true;
                return true;
            case "RMR":
                _current = Rmr(segment);
                _inDetail = true;
                return true;
            case "ADX":
                Adx(segment);
                _inDetail = true;
                return true;
            case "REF" or "DTM" or "NTE":
                // Under an RMR or ADX: a note of its line. Under ENT or NM1 (an individual, a unit): not the payment's, left out.
                _current?.Notes.Add(X12Values.Describe(segment));
                return _current is not null || _inDetail;
            case "IT1" or "SAC" or "SLN" or "TXP" or "TX1" or "QTY" or "PID":
                return true;
            default:
                return false;
        }
    }

    public IReadOnlyList<RemittanceLine> Lines()
        => [.. _drafts.Select((d, i) => d.Line with
        {
            LineNumber = i + 1,
            Deduction = d.Deduction ?? d.Line.Deduction,
            DeductionReason = d.Reasons.Count > 0 ? string.Join(", ", d.Reasons) : d.Line.DeductionReason,
            Text = d.Notes.Count > 0 ? string.Join(" | ", d.Notes) : null,
        })];

    private Draft Rmr(X12Segment rmr)
    {
        RmrCount++;
        var paid = X12Values.Amount(rmr, 4, _documentName, _problems);
        PaidSum = X12Values.IsInvalidAmount(rmr, 4) ? null : PaidSum + (paid ?? 0m);
        var adjustment = X12Values.Amount(rmr, 8, _documentName, _problems);
        var draft = new Draft(new RemittanceLine
        {
            LineNumber = 0,
            Reference = rmr[2],
            Kind = Kind(rmr[1]),
            AmountPaid = paid,
            InvoiceAmount = X12Values.Amount(rmr, 5, _documentName, _problems),
            DiscountTaken = X12Values.Amount(rmr, 6, _documentName, _problems),
            Deduction = adjustment is 0m ? null : adjustment,
            DeductionReason = adjustment is null or 0m ? null : rmr[7],
            Source = rmr.At(_documentName),
        });
        if (rmr[3] is { } action)
        {
            draft.Notes.Add("RMR03 " + action);
        }

        _drafts.Add(draft);
        return draft;
    }

    /// <summary>ADX01 is signed as the payer writes it: negative reduces the payment, so the deduction is its opposite.</summary>
    private void Adx(X12Segment adx)
    {
        var amount = X12Values.Amount(adx, 1, _documentName, _problems);
        AdjustmentSum = X12Values.IsInvalidAmount(adx, 1) ? null : AdjustmentSum + (amount ?? 0m);
        if (_current is { IsAdjustment: false } rmr)
        {
            rmr.Deduction = (rmr.Deduction ?? 0m) - (amount ?? 0m);
            if (adx[2] is { } reason)
            {
                rmr.Reasons.Add(reason);
            }

            rmr.Notes.Add(X12Values.Describe(adx));
            return;
        }

        _current = new Draft(new RemittanceLine
        {
            LineNumber = 0,
            Reference = adx[4],
            Kind = adx[3] is { } qualifier ? Kind(qualifier) : ReferenceKind.Unknown,
            Deduction = amount is null ? null : -amount,
            DeductionReason = adx[2],
            Source = adx.At(_documentName),
        })
        { IsAdjustment = true };
        _drafts.Add(_current);
    }

    /// <summary>The reference qualifier (X12 element 128) as a kind.</summary>
    private static ReferenceKind Kind(string? qualifier) => qualifier switch
    {
        "IV" or "IK" or "R7" or "OI" => ReferenceKind.Invoice,
        "CM" or "CR" => ReferenceKind.CreditNote,
        "DB" or "DM" => ReferenceKind.DebitNote,
        "PO" => ReferenceKind.PurchaseOrder,
        "11" or "12" or "14" => ReferenceKind.CustomerAccount,
        "AP" => ReferenceKind.Unknown,
        null => ReferenceKind.Unknown,
        _ => ReferenceKind.Other,
    };

    private sealed class Draft(RemittanceLine line)
    {
        public RemittanceLine Line { get; } = line;

        public bool IsAdjustment { get; init; }

        public decimal? Deduction { get; set; }

        public List<string> Reasons { get; } = [];

        public List<string> Notes { get; } = [];
    }
}
