using System.Text;
using System.Text.Unicode;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances;

/// <summary>
/// Reads a text bank file (BAI2, BAI lockbox, CFONB 120) whole: bank files are small. Refuses an empty, binary or
/// oversized file through the context; decodes UTF-8, else ISO-8859-1 (French banks' CFONB files); splits lines on
/// CR LF, LF or CR.
/// </summary>
internal static class BankTextFile
{
    /// <summary>No bank statement or lockbox file of a company comes near this; a larger file is refused unread.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The lines of the file (line 1 first), or null when it cannot be read (the context has failed).</summary>
    public static IReadOnlyList<string>? ReadLines(Stream stream, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var bytes = ReadAll(stream, context);
        if (bytes is null)
        {
            return null;
        }

        ReadOnlySpan<byte> data = bytes;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        if (data.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']) < 0)
        {
            context.Fail(Problem.Error(ProblemCodes.EmptyFile, "the file is empty", context.At()));
            return null;
        }

        if (data.Contains((byte)0))
        {
            context.Fail(Problem.Error(ProblemCodes.BinaryFile, "the file holds NUL bytes: it is binary, not a text bank file", context.At()));
            return null;
        }

        var text = Utf8.IsValid(data) ? Encoding.UTF8.GetString(data) : Encoding.Latin1.GetString(data);
        return SplitLines(text);
    }

    /// <summary>The first bytes without a UTF-8 byte order mark and leading blank lines.</summary>
    public static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var start = head.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)'\r', (byte)'\n']);
        return start < 0 ? [] : head[start..];
    }

    /// <summary>The first line of <paramref name="head"/> (without its line end); <paramref name="complete"/>: its line end was seen.</summary>
    public static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> head, out bool complete)
    {
        var end = head.IndexOfAny((byte)'\r', (byte)'\n');
        complete = end >= 0;
        return end < 0 ? head : head[..end];
    }

    private static byte[]? ReadAll(Stream stream, DocumentReadContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                context.Fail(Problem.Error(ProblemCodes.FileTooLarge, $"the file is larger than {BankFields.Digits(MaxBytes / 1024 / 1024)} MB: no bank file of this kind is; it was not read", context.At()));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
