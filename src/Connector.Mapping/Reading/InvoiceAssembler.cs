using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;

namespace Connector.Mapping.Reading;

/// <summary>
/// Groups consecutive rows with the same invoice number into invoices. Header fields come from the first row of an
/// invoice; a later row that disagrees is an <see cref="ProblemCodes.InconsistentHeader"/> problem.
/// </summary>
internal sealed class InvoiceAssembler
{
    private readonly ResolvedProfile _profile;
    private readonly FieldEvaluator _eval;
    private readonly DocumentReadContext _context;
    private readonly string _entityCode;
    private readonly string? _sheet;
    private readonly ResolvedField _number;
    private readonly string?[] _firstHeaderRaw;
    private readonly bool[] _reportedInconsistent;
    private readonly byte[][] _firstHeaderUtf8;
    private readonly int[] _firstHeaderUtf8Length;
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
        _firstHeaderRaw = new string?[profile.Header.Length];
        _reportedInconsistent = new bool[profile.Header.Length];
        _firstHeaderUtf8 = profile.Header.Select(_ => new byte[64]).ToArray();
        _firstHeaderUtf8Length = new int[profile.Header.Length];
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
            if (!IsBlank(row))
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
            Array.Clear(_reportedInconsistent);
            for (var i = 0; i < _profile.Header.Length; i++)
            {
                _firstHeaderRaw[i] = RawKey(_profile.Header[i], row);
                KeepUtf8(i, row);
            }
        }
        else
        {
            CheckHeader(row);
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

    private void CheckHeader(ISourceRow row)
    {
        for (var i = 0; i < _profile.Header.Length; i++)
        {
            if (_reportedInconsistent[i])
            {
                continue;
            }

            var field = _profile.Header[i];
            if (SameUtf8(i, field, row))
            {
                continue;
            }

            var raw = RawKey(field, row);
            if (!string.Equals(raw, _firstHeaderRaw[i], StringComparison.OrdinalIgnoreCase))
            {
                _reportedInconsistent[i] = true;
                _current!.Problems.Add(Problem.Error(
                    ProblemCodes.InconsistentHeader,
                    $"{field.Name} is '{raw}' here but '{_firstHeaderRaw[i]}' on the first line of invoice {_current.Number} (line {_current.FirstLine})",
                    new SourceLocation(_context.DocumentName, row.Line, field.Column, _sheet),
                    field.Name,
                    raw));
            }
        }
    }

    /// <summary>Keeps the first row's bytes of a header cell (CSV), so later rows compare without making strings.</summary>
    private void KeepUtf8(int i, ISourceRow row)
    {
        var field = _profile.Header[i];
        _firstHeaderUtf8Length[i] = -1;
        if (field.Index < 0 || !row.TryGetUtf8(field.Index, out var utf8))
        {
            return;
        }

        utf8 = utf8.Trim((byte)' ');
        if (_firstHeaderUtf8[i].Length < utf8.Length)
        {
            _firstHeaderUtf8[i] = new byte[utf8.Length];
        }

        utf8.CopyTo(_firstHeaderUtf8[i]);
        _firstHeaderUtf8Length[i] = utf8.Length;
    }

    /// <summary>True when the cell has exactly the first row's bytes; false means "compare the text".</summary>
    private bool SameUtf8(int i, ResolvedField field, ISourceRow row)
        => _firstHeaderUtf8Length[i] >= 0
            && row.TryGetUtf8(field.Index, out var utf8)
            && utf8.Trim((byte)' ').SequenceEqual(_firstHeaderUtf8[i].AsSpan(0, _firstHeaderUtf8Length[i]));

    /// <summary>The source text of a header field, trimmed, for comparing rows (literal values never differ).</summary>
    private static string? RawKey(ResolvedField field, ISourceRow row)
    {
        if (field.Index >= 0)
        {
            return row.GetText(field.Index).Trim();
        }

        if (field.PartIndexes.Length == 0)
        {
            return null;
        }

        var parts = new string[field.PartIndexes.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = field.PartIndexes[i] >= 0 ? row.GetText(field.PartIndexes[i]).Trim() : string.Empty;
        }

        return string.Join('\u001f', parts);
    }

    private static bool IsBlank(ISourceRow row)
    {
        for (var i = 0; i < row.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(row.GetText(i)))
            {
                return false;
            }
        }

        return true;
    }
}
