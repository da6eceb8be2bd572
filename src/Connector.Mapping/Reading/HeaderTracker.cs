using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>
/// Remembers the header fields of a record's first row and reports a later row of the same record that disagrees
/// (once per field and record). CSV cells are compared as bytes, without making strings.
/// </summary>
internal sealed class HeaderTracker
{
    private readonly ResolvedField[] _header;
    private readonly string _document;
    private readonly string? _sheet;
    private readonly string?[] _firstRaw;
    private readonly bool[] _reported;
    private readonly byte[][] _firstUtf8;
    private readonly int[] _firstUtf8Length;

    public HeaderTracker(ResolvedProfile profile, string document, string? sheet)
    {
        _header = profile.Header;
        _document = document;
        _sheet = sheet;
        _firstRaw = new string?[_header.Length];
        _reported = new bool[_header.Length];
        _firstUtf8 = _header.Select(_ => new byte[64]).ToArray();
        _firstUtf8Length = new int[_header.Length];
    }

    /// <summary>The row is the first of a new record.</summary>
    public void Start(ISourceRow row)
    {
        Array.Clear(_reported);
        for (var i = 0; i < _header.Length; i++)
        {
            _firstRaw[i] = RawKey(_header[i], row);
            KeepUtf8(i, row);
        }
    }

    /// <summary>
    /// Compares a later row of the record with its first row; a difference is a <paramref name="code"/> problem
    /// naming the record (<paramref name="noun"/> and <paramref name="number"/>, e.g. <c>invoice F-1</c>) and its first line.
    /// </summary>
    public void Check(ISourceRow row, List<Problem> problems, string code, string noun, string number, int firstLine)
    {
        for (var i = 0; i < _header.Length; i++)
        {
            if (_reported[i])
            {
                continue;
            }

            var field = _header[i];
            if (SameUtf8(i, field, row))
            {
                continue;
            }

            var raw = RawKey(field, row);
            if (!string.Equals(raw, _firstRaw[i], StringComparison.OrdinalIgnoreCase))
            {
                _reported[i] = true;
                problems.Add(Problem.Error(
                    code,
                    string.Create(CultureInfo.InvariantCulture, $"{field.Name} is '{raw}' here but '{_firstRaw[i]}' on the first line of {noun} {number} (line {firstLine})"),
                    new SourceLocation(_document, row.Line, field.Column, _sheet),
                    field.Name,
                    raw));
            }
        }
    }

    /// <summary>Keeps the first row's bytes of a header cell (CSV), so later rows compare without making strings.</summary>
    private void KeepUtf8(int i, ISourceRow row)
    {
        var field = _header[i];
        _firstUtf8Length[i] = -1;
        if (field.Index < 0 || !row.TryGetUtf8(field.Index, out var utf8))
        {
            return;
        }

        utf8 = utf8.Trim((byte)' ');
        if (_firstUtf8[i].Length < utf8.Length)
        {
            _firstUtf8[i] = new byte[utf8.Length];
        }

        utf8.CopyTo(_firstUtf8[i]);
        _firstUtf8Length[i] = utf8.Length;
    }

    /// <summary>True when the cell has exactly the first row's bytes; false means "compare the text".</summary>
    private bool SameUtf8(int i, ResolvedField field, ISourceRow row)
        => _firstUtf8Length[i] >= 0
            && row.TryGetUtf8(field.Index, out var utf8)
            && utf8.Trim((byte)' ').SequenceEqual(_firstUtf8[i].AsSpan(0, _firstUtf8Length[i]));

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
}
