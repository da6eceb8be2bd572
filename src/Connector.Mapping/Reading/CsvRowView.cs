using CsvHelper;

namespace Connector.Mapping.Reading;

/// <summary>The current record of a CsvHelper reader as a source row; cells become strings only when asked for.</summary>
internal sealed class CsvRowView : ISourceRow
{
    private readonly CsvReader _reader;

    public CsvRowView(CsvReader reader) => _reader = reader;

    public int Line => (int)_reader.LineNumber;

    public int FieldCount => _reader.FieldCount;

    public string GetText(int index) => index < _reader.FieldCount ? _reader.GetString(index) ?? string.Empty : string.Empty;

    public bool TryGetUtf8(int index, out ReadOnlySpan<byte> value)
    {
        value = index < _reader.FieldCount ? _reader.GetSpan(index) : [];
        return true;
    }

    public bool TryGetDate(int index, out DateOnly value)
    {
        value = default;
        return false;
    }

    public bool TryGetNumber(int index, out decimal value)
    {
        value = 0;
        return false;
    }
}
