using System.Globalization;
using System.Text;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// One positional row of an FBDI CSV: text fields are always quoted (quotes doubled, line breaks turned into spaces
/// because the FBDI loader reads line by line), numbers and dates are written bare, unused positions stay empty.
/// </summary>
internal sealed class FbdiRow
{
    private const string NumberFormat = "0.00####";
    private const string DateFormat = "yyyy/MM/dd";

    private readonly string?[] _values;
    private readonly bool[] _quoted;

    public FbdiRow(int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldCount, 1);
        _values = new string?[fieldCount];
        _quoted = new bool[fieldCount];
    }

    /// <summary>Sets a text field; null writes an empty quoted field.</summary>
    public void SetText(int position, string? value)
    {
        var index = Index(position);
        _values[index] = OneLine(value ?? string.Empty);
        _quoted[index] = true;
    }

    /// <summary>Sets a bare (unquoted) literal such as the END marker.</summary>
    public void SetLiteral(int position, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            throw new ArgumentException($"A bare literal cannot hold a delimiter, quote or line break: '{value}'.", nameof(value));
        }

        var index = Index(position);
        _values[index] = value;
        _quoted[index] = false;
    }

    public void SetNumber(int position, decimal? value)
    {
        var index = Index(position);
        _values[index] = value?.ToString(NumberFormat, CultureInfo.InvariantCulture);
        _quoted[index] = false;
    }

    public void SetDate(int position, DateOnly? value)
    {
        var index = Index(position);
        _values[index] = value?.ToString(DateFormat, CultureInfo.InvariantCulture);
        _quoted[index] = false;
    }

    /// <summary>Appends the row and its CRLF to <paramref name="builder"/>.</summary>
    public void AppendTo(StringBuilder builder)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var value = _values[i];
            if (_quoted[i])
            {
                builder.Append('"').Append(value!.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else if (value is not null)
            {
                builder.Append(value);
            }
        }

        builder.Append("\r\n");
    }

    /// <summary>Line breaks of any kind become one space each: AutoInvoice's loader reads a row per line.</summary>
    internal static string OneLine(string value)
        => value.AsSpan().IndexOfAny('\r', '\n') < 0
            ? value
            : value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

    private int Index(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, _values.Length);
        return position - 1;
    }
}
