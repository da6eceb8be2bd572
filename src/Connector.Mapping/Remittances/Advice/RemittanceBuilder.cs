using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Advice;

/// <summary>Collects the payment fields and the lines of one payment of a remittance advice and builds the canonical remittance.</summary>
internal sealed class RemittanceBuilder : IRowGroupBuilder<MappedRemittance>
{
    private readonly ResolvedProfile _profile;
    private readonly FieldEvaluator _eval;
    private readonly SourceLocation _source;
    private readonly List<RemittanceLine> _lines = [];
    private Remittance _header;
    private decimal? _declared;
    private bool _declaredFailed;
    private bool _paidFailed;
    private int? _firstLineWithoutAmount;

    public RemittanceBuilder(ResolvedProfile profile, FieldEvaluator eval, string entityCode, string number, SourceLocation source)
    {
        _profile = profile;
        _eval = eval;
        _source = source;
        Number = number;
        _header = new Remittance { EntityCode = entityCode, PaymentNumber = number, Amount = 0m, AdviceOnly = profile.Profile.AdviceOnly, Source = source };
    }

    public string Number { get; }

    public int FirstLine => _source.Line ?? 0;

    public int RowCount { get; private set; }

    public List<Problem> Problems { get; } = [];

    public void ReadHeader(ISourceRow row)
    {
        var method = PaymentMethod.Unknown;
        if (Text(CanonicalField.PaymentMethod, row) is { } text && !RemittanceValues.TryMethod(text, out method))
        {
            Unmapped(CanonicalField.PaymentMethod, text, RemittanceValues.MethodNames, row);
        }

        _declared = Num(CanonicalField.PaymentAmount, row, out _declaredFailed);
        _header = _header with
        {
            PaymentDate = Date(CanonicalField.PaymentDate, row),
            Method = method,
            Currency = Text(CanonicalField.Currency, row)?.Trim().ToUpperInvariant(),
            Payer = new PayerReference
            {
                Name = Text(CanonicalField.PayerName, row),
                CustomerAccount = Text(CanonicalField.PayerAccount, row),
                BankAccount = Text(CanonicalField.PayerBankAccount, row),
                BankId = Text(CanonicalField.PayerBankId, row),
                TaxId = Text(CanonicalField.PayerTaxId, row),
            },
            ReceivingAccount = Text(CanonicalField.ReceivingAccount, row),
            FreeText = Text(CanonicalField.FreeText, row),
        };
    }

    public void AddLine(ISourceRow row)
    {
        RowCount++;
        var kind = ReferenceKind.Unknown;
        if (Text(CanonicalField.ReferenceKind, row) is { } text && !RemittanceValues.TryKind(text, out kind))
        {
            Unmapped(CanonicalField.ReferenceKind, text, RemittanceValues.KindNames, row);
        }

        var paid = Num(CanonicalField.AmountPaid, row, out var failed);
        _paidFailed |= failed;
        if (paid is null && !failed)
        {
            _firstLineWithoutAmount ??= row.Line;
        }

        // A credit note the payer offsets is kept positive and subtracted, however the sheet signs it.
        var credit = kind == ReferenceKind.CreditNote;
        var invoiceAmount = Num(CanonicalField.InvoiceAmount, row, out _);
        _lines.Add(new RemittanceLine
        {
            LineNumber = _lines.Count + 1,
            Reference = Text(CanonicalField.InvoiceReference, row)?.Trim(),
            Kind = kind,
            AmountPaid = credit && paid < 0m ? -paid : paid,
            InvoiceAmount = credit && invoiceAmount < 0m ? -invoiceAmount : invoiceAmount,
            DiscountTaken = Num(CanonicalField.Discount, row, out _),
            Deduction = Num(CanonicalField.Deduction, row, out _),
            DeductionReason = Text(CanonicalField.DeductionReason, row),
            Text = Text(CanonicalField.LineText, row),
            Source = new SourceLocation(_source.Document, row.Line, null, _source.Sheet),
        });
    }

    /// <summary>The remittance: its amount is payment_amount, else the lines' amounts (credit notes subtracted), which must agree.</summary>
    public MappedRemittance Build()
    {
        var paid = _lines.Sum(l => l.AmountPaid is not { } a ? 0m : l.Kind == ReferenceKind.CreditNote ? -a : a);
        var amountField = _profile[CanonicalField.PaymentAmount];
        if (_declared is { } declared && !_paidFailed && _firstLineWithoutAmount is null && declared != paid)
        {
            Problems.Add(Problem.Error(
                ProblemCodes.RemittanceTotal,
                string.Create(CultureInfo.InvariantCulture, $"payment {Number} is {BankFields.Money(declared)} (payment_amount) but its {_lines.Count} lines pay {BankFields.Money(paid)} (amount_paid, credit notes subtracted): {BankFields.Money(paid - declared)} off"),
                new SourceLocation(_source.Document, _source.Line, amountField?.Column, _source.Sheet),
                "payment_amount",
                BankFields.Money(declared)));
        }
        else if (_declared is null && !_declaredFailed && _firstLineWithoutAmount is { } line)
        {
            var f = _profile[CanonicalField.AmountPaid];
            Problems.Add(Problem.Error(
                ProblemCodes.FieldRequired,
                $"payment {Number} gives no payment_amount and this line no amount_paid: the payment's amount is unknown",
                new SourceLocation(_source.Document, line, f?.Column, _source.Sheet),
                "amount_paid",
                string.Empty));
        }

        return new MappedRemittance(_header with { Amount = _declared ?? paid, Lines = _lines }, Problems);
    }

    private void Unmapped(CanonicalField field, string value, IReadOnlyList<string> allowed, ISourceRow row)
    {
        var name = CanonicalFields.Name(field);
        Problems.Add(Problem.Error(
            ProblemCodes.FieldUnmappedValue,
            $"{name} '{value}' is none of {string.Join(", ", allowed)}: map it with a value map",
            new SourceLocation(_source.Document, row.Line, _profile[field]!.Column, _source.Sheet),
            name,
            value));
    }

    private string? Text(CanonicalField field, ISourceRow row)
        => _profile[field] is { } f ? _eval.Text(f, row, Problems) : null;

    private DateOnly? Date(CanonicalField field, ISourceRow row)
        => _profile[field] is { } f ? _eval.Date(f, row, Problems) : null;

    private decimal? Num(CanonicalField field, ISourceRow row, out bool failed)
    {
        failed = false;
        return _profile[field] is { } f ? _eval.Number(f, row, Problems, out failed) : null;
    }
}
