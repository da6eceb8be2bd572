using System.Globalization;
using ExcelDataReader;

namespace Connector.Mapping.Reading;

/// <summary>The current row of an ExcelDataReader sheet as a source row, with its typed cells.</summary>
internal sealed class XlsxRowView : ISourceRow
{
    private readonly IExcelDataReader _reader;

    public XlsxRowView(IExcelDataReader reader) => _reader = reader;

    public int Line { get; set; }

    public int FieldCount => _reader.FieldCount;

    public string GetText(int index)
    {
        var value = index < _reader.FieldCount ? _reader.GetValue(index) : null;
        return value switch
        {
            null => string.Empty,
            string s => s,
            double d => ToDecimal(d)?.ToString(CultureInfo.InvariantCulture) ?? d.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }

    public bool TryGetUtf8(int index, out ReadOnlySpan<byte> value)
    {
        value = [];
        return false;
    }

    public bool TryGetDate(int index, out DateOnly value)
    {
        if (index < _reader.FieldCount && _reader.GetValue(index) is DateTime t)
        {
            value = DateOnly.FromDateTime(t);
            return true;
        }

        value = default;
        return false;
    }

    public bool TryGetNumber(int index, out decimal value)
    {
        if (index < _reader.FieldCount && _reader.GetValue(index) is double d && ToDecimal(d) is { } m)
        {
            value = m;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A double cell as a decimal rounded to 6 places (binary noise such as 0.1 + 0.2 goes away).</summary>
    private static decimal? ToDecimal(double d)
        => double.IsFinite(d) && Math.Abs(d) < 7.9e27 ? Math.Round((decimal)d, 6, MidpointRounding.AwayFromZero) : null;
}
