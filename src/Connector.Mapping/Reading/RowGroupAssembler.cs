using System.Globalization;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>What a record being built from consecutive rows exposes to <see cref="RowGroupAssembler{TRecord, TBuilder}"/>.</summary>
internal interface IRowGroupBuilder<out TRecord>
{
    string Number { get; }

    int FirstLine { get; }

    int RowCount { get; }

    List<Problem> Problems { get; }

    void ReadHeader(ISourceRow row);

    void AddLine(ISourceRow row);

    TRecord Build();
}

/// <summary>
/// How the rows of one record are told: the field holding its number, how the record and that field are named in
/// problems, and the codes of a header that changes within the record and of a record with too many rows.
/// </summary>
internal sealed record RowGroupKind(CanonicalField NumberField, string FieldName, string Noun, string InconsistentHeaderCode, string TooManyRowsCode)
{
    public static RowGroupKind Invoice { get; } = new(CanonicalField.InvoiceNumber, "invoice_number", "invoice", ProblemCodes.InconsistentHeader, ProblemCodes.InvoiceTooManyLines);

    public static RowGroupKind Remittance { get; } = new(CanonicalField.PaymentNumber, "payment_number", "payment", ProblemCodes.RemittanceHeaderInconsistent, ProblemCodes.RemittanceTooManyLines);
}

/// <summary>
/// Groups consecutive rows with the same number into records (invoices, payments of a remittance advice). Header
/// fields come from the first row of a record; a later row that disagrees is the kind's inconsistent-header problem;
/// rows beyond the limit per record are left out with one problem.
/// </summary>
internal sealed class RowGroupAssembler<TRecord, TBuilder> : IRecordAssembler<TRecord>
    where TRecord : class
    where TBuilder : class, IRowGroupBuilder<TRecord>
{
    private readonly RowGroupKind _kind;
    private readonly FieldEvaluator _eval;
    private readonly DocumentReadContext _context;
    private readonly string? _sheet;
    private readonly ResolvedField _number;
    private readonly HeaderTracker _header;
    private readonly Func<FieldEvaluator, string, ISourceRow, SourceLocation, TBuilder> _create;
    private readonly List<Problem> _scratch = [];
    private TBuilder? _current;
    private bool _tooManyReported;

    /// <param name="profile">The resolved profile.</param>
    /// <param name="kind">What a record is.</param>
    /// <param name="context">The document being read.</param>
    /// <param name="sheet">The sheet, for a workbook.</param>
    /// <param name="create">A builder for the record with this number, starting at this row (and its location).</param>
    public RowGroupAssembler(ResolvedProfile profile, RowGroupKind kind, DocumentReadContext context, string? sheet, Func<FieldEvaluator, string, ISourceRow, SourceLocation, TBuilder> create)
    {
        _kind = kind;
        _context = context;
        _sheet = sheet;
        _create = create;
        _eval = new FieldEvaluator(profile, context.DocumentName, sheet);
        _number = profile[kind.NumberField]!;
        _header = new HeaderTracker(profile, context.DocumentName, sheet);
    }

    /// <summary>Takes one data row; returns the previous record when this row starts a new one.</summary>
    public TRecord? Add(ISourceRow row)
    {
        _context.RowsRead++;
        _scratch.Clear();
        var number = _eval.Text(_number, row, _scratch)?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            if (!SourceRows.IsBlank(row))
            {
                var why = _scratch.Count > 0 ? _scratch[0].Message : $"the {_kind.Noun} number is empty";
                _context.Report(Problem.Error(ProblemCodes.FieldRequired, $"row skipped: {why}", new SourceLocation(_context.DocumentName, row.Line, _number.Column, _sheet), _kind.FieldName, _scratch.Count > 0 ? _scratch[0].Value : string.Empty));
            }

            return null;
        }

        TRecord? completed = null;
        if (_current is null || !string.Equals(_current.Number, number, StringComparison.Ordinal))
        {
            completed = Complete();
            _current = _create(_eval, number, row, new SourceLocation(_context.DocumentName, row.Line, null, _sheet));
            _current.ReadHeader(row);
            _header.Start(row);
        }
        else
        {
            _header.Check(row, _current.Problems, _kind.InconsistentHeaderCode, _kind.Noun, _current.Number, _current.FirstLine);
        }

        var limit = _context.Limits.MaxRowsPerInvoice;
        if (_current.RowCount < limit)
        {
            _current.AddLine(row);
        }
        else if (!_tooManyReported)
        {
            _tooManyReported = true;
            _current.Problems.Add(Problem.Error(
                _kind.TooManyRowsCode,
                string.Create(CultureInfo.InvariantCulture, $"{_kind.Noun} {_current.Number} has more than {limit} rows; the rows from here on are left out"),
                new SourceLocation(_context.DocumentName, row.Line, null, _sheet),
                _kind.FieldName,
                _current.Number));
        }

        return completed;
    }

    /// <summary>Finishes the record being assembled, if any.</summary>
    public TRecord? Complete()
    {
        var done = _current?.Build();
        _current = null;
        _tooManyReported = false;
        return done;
    }
}
