using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>Collects the header and lines of one invoice and builds the canonical record.</summary>
internal sealed class InvoiceBuilder : IRowGroupBuilder<MappedInvoice>
{
    private readonly ResolvedProfile _profile;
    private readonly FieldEvaluator _eval;
    private readonly string _entityCode;
    private readonly SourceLocation _source;
    private readonly List<InvoiceLine> _lines = [];
    private Invoice _header;
    private string? _kind;

    public InvoiceBuilder(ResolvedProfile profile, FieldEvaluator eval, string entityCode, string number, int firstLine, SourceLocation source)
    {
        _profile = profile;
        _eval = eval;
        _entityCode = entityCode;
        _source = source;
        Number = number;
        FirstLine = firstLine;
        _header = new Invoice { EntityCode = entityCode, Number = number, Source = source };
    }

    public string Number { get; }

    public int FirstLine { get; }

    public int RowCount { get; private set; }

    public List<Problem> Problems { get; } = [];

    public void ReadHeader(ISourceRow row)
    {
        var p = Problems;
        _kind = Text(CanonicalField.Kind, row);
        if (_kind is not null and not "invoice" and not "credit_note")
        {
            var f = _profile[CanonicalField.Kind]!;
            p.Add(Problem.Error(ProblemCodes.FieldUnmappedValue, $"kind '{_kind}' is neither invoice nor credit_note: map it with a value map", new SourceLocation(_source.Document, row.Line, f.Column, _source.Sheet), "kind", _kind));
            _kind = null;
        }

        _header = _header with
        {
            IssueDate = Date(CanonicalField.IssueDate, row),
            DueDate = Date(CanonicalField.DueDate, row),
            Currency = Text(CanonicalField.Currency, row)?.Trim().ToUpperInvariant(),
            PaymentTerms = Text(CanonicalField.PaymentTerms, row),
            Customer = new CustomerReference(Text(CanonicalField.CustomerAccount, row), Text(CanonicalField.CustomerTaxId, row), Text(CanonicalField.CustomerName, row)),
            PurchaseOrder = Text(CanonicalField.PurchaseOrder, row),
            OriginalInvoiceNumber = Text(CanonicalField.OriginalInvoiceNumber, row),
            Comments = Text(CanonicalField.Comments, row),
            DeclaredNetTotal = Num(CanonicalField.TotalNet, row, out _),
            DeclaredTaxTotal = Num(CanonicalField.TotalTax, row, out _),
            DeclaredGrossTotal = Num(CanonicalField.TotalGross, row, out _),
        };
    }

    public void AddLine(ISourceRow row)
    {
        RowCount++;
        var quantity = Num(CanonicalField.Quantity, row, out var quantityFailed);
        var price = Num(CanonicalField.UnitPrice, row, out var priceFailed);
        var amount = Num(CanonicalField.Amount, row, out var amountFailed);
        var qty = quantityFailed ? 0m : quantity ?? 1m;
        var unitPrice = priceFailed ? 0m : price ?? (quantity is null ? amount ?? 0m : 0m);
        var net = amountFailed ? 0m : amount ?? Math.Round(qty * unitPrice, 2, MidpointRounding.AwayFromZero);

        _lines.Add(new InvoiceLine
        {
            LineNumber = LineNumber(row),
            ItemCode = Text(CanonicalField.ItemCode, row),
            Description = Text(CanonicalField.Description, row) ?? string.Empty,
            Quantity = qty,
            UnitOfMeasure = Text(CanonicalField.Unit, row),
            UnitPrice = unitPrice,
            Amount = net,
            TaxCode = Text(CanonicalField.TaxCode, row),
            TaxRate = Num(CanonicalField.TaxRate, row, out _),
            TaxAmount = Num(CanonicalField.TaxAmount, row, out _) ?? 0m,
            SourceLine = row.Line,
        });
    }

    public MappedInvoice Build()
    {
        var kind = _kind == "credit_note" ? InvoiceKind.CreditNote : InvoiceKind.Invoice;
        var invoice = _header with { Kind = kind, Lines = _lines };
        var options = _profile.Profile.CreditNotes;
        if (kind == InvoiceKind.CreditNote && options.FlipSign)
        {
            invoice = invoice with
            {
                Lines = _lines.Select(l => l with { Quantity = -l.Quantity, Amount = -l.Amount, TaxAmount = -l.TaxAmount }).ToList(),
                DeclaredNetTotal = -invoice.DeclaredNetTotal,
                DeclaredTaxTotal = -invoice.DeclaredTaxTotal,
                DeclaredGrossTotal = -invoice.DeclaredGrossTotal,
            };
        }

        if (kind == InvoiceKind.Invoice && options.NegativeTotalIsCredit && invoice.NetTotal < 0)
        {
            invoice = invoice with { Kind = InvoiceKind.CreditNote };
        }

        return new MappedInvoice(invoice, Problems);
    }

    private int LineNumber(ISourceRow row)
    {
        var f = _profile[CanonicalField.LineNumber];
        var value = f is null ? null : _eval.Number(f, row, Problems, out _);
        if (value is { } v)
        {
            if (v == decimal.Truncate(v) && v is > 0 and <= int.MaxValue)
            {
                return (int)v;
            }

            Problems.Add(Problem.Error(ProblemCodes.FieldInvalidNumber, $"line_number '{FieldEvaluator.Invariant(v)}' is not a positive whole number", new SourceLocation(_source.Document, row.Line, f!.Column, _source.Sheet), "line_number", FieldEvaluator.Invariant(v)));
        }

        return RowCount;
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
