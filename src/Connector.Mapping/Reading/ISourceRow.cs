namespace Connector.Mapping.Reading;

/// <summary>One data row of a document as the mapper sees it: cells by 0-based column index.</summary>
internal interface ISourceRow
{
    /// <summary>The line (CSV) or spreadsheet row (XLSX) of the row, 1-based.</summary>
    int Line { get; }

    int FieldCount { get; }

    /// <summary>The cell as text; empty when the row has no such cell.</summary>
    string GetText(int index);

    /// <summary>The cell's UTF-8 bytes without making a string (CSV); false where the source has no such view.</summary>
    bool TryGetUtf8(int index, out ReadOnlySpan<byte> value);

    /// <summary>A typed date cell (XLSX); false for text cells and CSV.</summary>
    bool TryGetDate(int index, out DateOnly value);

    /// <summary>A typed number cell (XLSX); false for text cells and CSV.</summary>
    bool TryGetNumber(int index, out decimal value);
}

/// <summary>The columns of a document: names from its header (if any), for resolving and for naming cells in problems.</summary>
internal sealed class ColumnSet
{
    private readonly string[] _names;
    private readonly bool _letters;

    public ColumnSet(IReadOnlyList<string> names, bool letters)
    {
        _names = names.Select(n => n.Trim()).ToArray();
        _letters = letters;
    }

    public IReadOnlyList<string> Names => _names;

    /// <summary>The 0-based index of the first column with that name (trimmed, case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How a problem names a column: its header, with the letter in a spreadsheet (<c>Total (D)</c>), or its number.</summary>
    public string Describe(int index)
    {
        var name = index < _names.Length && _names[index].Length > 0 ? _names[index] : null;
        var position = _letters ? Letter(index) : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name is null ? (_letters ? position : "#" + position) : $"{name} ({position})";
    }

    public static string Letter(int index)
    {
        var text = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            text = (char)('A' + ((n - 1) % 26)) + text;
        }

        return text;
    }
}

internal static class SourceRows
{
    /// <summary>True when every cell of the row is empty or white space (such a row is skipped without a word).</summary>
    public static bool IsBlank(ISourceRow row)
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
