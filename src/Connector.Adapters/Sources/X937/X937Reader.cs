using System.Buffers.Binary;
using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Sources.X937;

/// <summary>
/// Reads an X9.37 image cash letter: 4-byte big-endian length-prefixed records, text in ASCII or EBCDIC (detected from
/// the file header), file (01) / cash letter (10) / bundle (20) headers, check detail (25) with its addenda (26-28) and
/// image views (50 detail + 52 data), and the bundle (70), cash letter (90) and file (99) controls, whose counts and
/// totals are checked. Never throws for bad content: what is wrong is in <see cref="X937File.Problems"/>.
/// </summary>
internal static class X937Reader
{
    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    public static X937File Read(Stream stream, string document, long maxBytes = DefaultMaxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                var tooLarge = Problem.Error(ProblemCodes.FileTooLarge, $"The file is larger than {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes.", new SourceLocation(document));
                return new X937File(X937Encoding.Ascii, false, string.Empty, string.Empty, null, [], [tooLarge]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), document);
    }

    public static X937File Read(ReadOnlyMemory<byte> file, string document)
    {
        var state = new X937ReadState(document);
        if (file.Length < 6 || !X937Record.TryDetect(file.Span[4..], out var encoding))
        {
            state.Problems.Add(Problem.Error(ProblemCodes.BankUnknownFormat, "The file does not start with an X9.37 file header record (01) in ASCII or EBCDIC.", new SourceLocation(document)));
            return state.ToFile(X937Encoding.Ascii);
        }

        var text = X937Record.TextEncoding(encoding);
        long offset = 0;
        var number = 0;
        while (offset < file.Length && !state.Ended)
        {
            number++;
            if (file.Length - offset < 4)
            {
                state.Malformed(number, $"{(file.Length - offset).ToString(CultureInfo.InvariantCulture)} stray bytes after the last record.");
                break;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(file.Span.Slice((int)offset, 4));
            if (length < 2 || length > file.Length - offset - 4)
            {
                state.Malformed(number, $"The record at byte {offset.ToString(CultureInfo.InvariantCulture)} claims {length.ToString(CultureInfo.InvariantCulture)} bytes, beyond the end of the file.");
                break;
            }

            var record = new X937Record(file.Slice((int)offset + 4, (int)length), offset + 4, number, text);
            state.Accept(record);
            offset += 4 + length;
        }

        if (!state.Ended)
        {
            state.Problems.Add(Problem.Error(ProblemCodes.BankMalformed, "The file has no file control record (99): it is incomplete.", new SourceLocation(document)));
        }
        else if (offset < file.Length)
        {
            state.Malformed(number, "Data follows the file control record (99).");
        }

        return state.ToFile(encoding);
    }
}
