using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Advice;

/// <summary>
/// Groups consecutive rows with the same payment number into payments. Payment fields come from the first row of a
/// payment; a later row that disagrees is a <see cref="ProblemCodes.RemittanceHeaderInconsistent"/> problem.
/// </summary>
internal sealed class RemittanceAssembler : IRecordAssembler<MappedRemittance>
{
    private readonly ResolvedProfile _profile;
    private readonly FieldEvaluator _eval;
    private readonly DocumentReadContext _context;
    private readonly string _entityCode;
    private readonly string? _sheet;
    private readonly ResolvedField _number;
    private readonly HeaderTracker _header;
    private readonly List<Problem> _scratch = [];
    private RemittanceBuilder? _current;

    public RemittanceAssembler(ResolvedProfile profile, string entityCode, DocumentReadContext context, string? sheet)
    {
        _profile = profile;
        _context = context;
        _entityCode = entityCode;
        _sheet = sheet;
        _eval = new FieldEvaluator(profile, context.DocumentName, sheet);
        _number = profile[CanonicalField.PaymentNumber]!;
        _header = new HeaderTracker(profile, context.DocumentName, sheet);
    }

    public MappedRemittance? Add(ISourceRow row)
    {
        _context.RowsRead++;
        _scratch.Clear();
        var number = _eval.Text(_number, row, _scratch)?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            if (!SourceRows.IsBlank(row))
            {
                var why = _scratch.Count > 0 ? _scratch[0].Message : "the payment number is empty";
                _context.Report(Problem.Error(ProblemCodes.FieldRequired, $"row skipped: {why}", new SourceLocation(_context.DocumentName, row.Line, _number.Column, _sheet), "payment_number", _scratch.Count > 0 ? _scratch[0].Value : string.Empty));
            }

            return null;
        }

        MappedRemittance? completed = null;
        if (_current is null || !string.Equals(_current.Number, number, StringComparison.Ordinal))
        {
            completed = Complete();
            _current = new RemittanceBuilder(_profile, _eval, _entityCode, number, new SourceLocation(_context.DocumentName, row.Line, null, _sheet));
            _current.ReadHeader(row);
            _header.Start(row);
        }
        else
        {
            _header.Check(row, _current.Problems, ProblemCodes.RemittanceHeaderInconsistent, "payment", _current.Number, _current.FirstLine);
        }

        if (_current.RowCount >= _context.Limits.MaxRowsPerInvoice)
        {
            _current.TooManyRows(row, _context.Limits.MaxRowsPerInvoice);
            return completed;
        }

        _current.AddLine(row);
        return completed;
    }

    public MappedRemittance? Complete()
    {
        var done = _current?.Build();
        _current = null;
        return done;
    }
}
