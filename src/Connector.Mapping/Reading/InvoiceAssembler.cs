using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>
/// Groups consecutive rows with the same invoice number into invoices. Header fields come from the first row of an
/// invoice; a later row that disagrees is an <see cref="ProblemCodes.InconsistentHeader"/> problem.
/// </summary>
internal sealed class InvoiceAssembler : IRecordAssembler<MappedInvoice>
{
    private readonly ResolvedProfile _profile;
    private readonly FieldEvaluator _eval;
    private readonly DocumentReadContext _context;
    private readonly string _entityCode;
    private readonly string? _sheet;
    private readonly ResolvedField _number;
    private readonly HeaderTracker _header;
    private readonly List<Problem> _scratch = [];
    private InvoiceBuilder? _current;

    public InvoiceAssembler(ResolvedProfile profile, string entityCode, DocumentReadContext context, string? sheet)
    {
        _profile = profile;
        _context = context;
        _entityCode = entityCode;
        _sheet = sheet;
        _eval = new FieldEvaluator(profile, context.DocumentName, sheet);
        _number = profile[CanonicalField.InvoiceNumber]!;
        _header = new HeaderTracker(profile, context.DocumentName, sheet);
    }

    /// <summary>Takes one data row; returns the previous invoice when this row starts a new one.</summary>
    public MappedInvoice? Add(ISourceRow row)
    {
        _context.RowsRead++;
        var scratch = _scratch;
        scratch.Clear();
        var number = _eval.Text(_number, row, scratch)?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            if (!SourceRows.IsBlank(row))
            {
                var why = scratch.Count > 0 ? scratch[0].Message : "the invoice number is empty";
                _context.Report(Problem.Error(ProblemCodes.FieldRequired, $"row skipped: {why}", new SourceLocation(_context.DocumentName, row.Line, _number.Column, _sheet), "invoice_number", scratch.Count > 0 ? scratch[0].Value : string.Empty));
            }

            return null;
        }

        MappedInvoice? completed = null;
        if (_current is null || !string.Equals(_current.Number, number, StringComparison.Ordinal))
        {
            completed = Complete();
            _current = new InvoiceBuilder(_profile, _eval, _entityCode, number, row.Line, new SourceLocation(_context.DocumentName, row.Line, null, _sheet));
            _current.ReadHeader(row);
            _header.Start(row);
        }
        else
        {
            _header.Check(row, _current.Problems, ProblemCodes.InconsistentHeader, "invoice", _current.Number, _current.FirstLine);
        }

        if (_current.RowCount >= _context.Limits.MaxRowsPerInvoice)
        {
            _current.TooManyRows(row, _context.Limits.MaxRowsPerInvoice);
            return completed;
        }

        _current.AddLine(row);
        return completed;
    }

    /// <summary>Finishes the invoice being assembled, if any.</summary>
    public MappedInvoice? Complete()
    {
        var done = _current?.Build();
        _current = null;
        return done;
    }
}
