using System.Buffers;
using System.Text.Unicode;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>Finds invalid UTF-8 in a whole stream before any record is read, so that a bad file yields nothing.</summary>
internal static class Utf8Check
{
    public static void Report(DocumentReadContext context, int line)
        => context.Fail(Problem.Error(ProblemCodes.EncodingInvalid, $"line {line} has bytes that are not valid UTF-8: the file is in another encoding (set csv.encoding in the profile, e.g. windows-1252)", context.At(line)));

    /// <summary>Scans from the current position to the end; returns the 1-based line of the first invalid byte, or 0.</summary>
    public static int FindInvalidLine(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent(1 << 20);
        try
        {
            var carry = 0;
            var line = 1;
            while (true)
            {
                var read = stream.Read(buffer, carry, (1 << 20) - carry);
                var total = carry + read;
                var final = read == 0;
                var data = buffer.AsSpan(0, total);
                var status = Utf8.ToUtf16(data, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    return line + data[..consumed].Count((byte)'\n');
                }

                line += data[..consumed].Count((byte)'\n');
                carry = total - consumed;
                if (final)
                {
                    return 0;
                }

                data[consumed..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
