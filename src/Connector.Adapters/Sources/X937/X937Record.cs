using System.Globalization;
using System.Text;

namespace Connector.Adapters.Sources.X937;

/// <summary>
/// One record of an X9.37 file: its bytes (without the 4-byte length), where it starts in the file, and its text
/// fields read by the 1-based positions of the standard, decoded from ASCII or EBCDIC (code page 037).
/// </summary>
internal readonly struct X937Record(ReadOnlyMemory<byte> bytes, long fileOffset, int number, Encoding encoding)
{
    /// <summary>The first record type byte pair in ASCII ("01") and EBCDIC (0xF0 0xF1).</summary>
    public static bool TryDetect(ReadOnlySpan<byte> firstRecord, out X937Encoding encoding)
    {
        encoding = X937Encoding.Ascii;
        if (firstRecord.Length < 2)
        {
            return false;
        }

        if (firstRecord[0] == (byte)'0' && firstRecord[1] == (byte)'1')
        {
            return true;
        }

        encoding = X937Encoding.Ebcdic;
        return firstRecord[0] == 0xF0 && firstRecord[1] == 0xF1;
    }

    public static Encoding TextEncoding(X937Encoding encoding) => encoding == X937Encoding.Ebcdic
        ? CodePagesEncodingProvider.Instance.GetEncoding(37) ?? throw new InvalidOperationException("EBCDIC (code page 037) is not available.")
        : Encoding.Latin1;

    public ReadOnlyMemory<byte> Bytes => bytes;

    /// <summary>Where the record's data (after its length) starts in the file.</summary>
    public long FileOffset => fileOffset;

    /// <summary>The record's number in the file, from 1.</summary>
    public int Number => number;

    public int Length => bytes.Length;

    public string Type => Text(1, 2);

    /// <summary>The field at 1-based <paramref name="start"/> of <paramref name="length"/> characters, trimmed; empty when beyond the record.</summary>
    public string Text(int start, int length)
    {
        if (start - 1 >= bytes.Length)
        {
            return string.Empty;
        }

        var slice = bytes.Span.Slice(start - 1, Math.Min(length, bytes.Length - start + 1));
        return encoding.GetString(slice).Trim();
    }

    /// <summary>A numeric field: null when blank or not all digits.</summary>
    public long? Number64(int start, int length)
    {
        var text = Text(start, length);
        return text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A YYYYMMDD field, or null.</summary>
    public DateOnly? Date(int start)
        => DateOnly.TryParseExact(Text(start, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
