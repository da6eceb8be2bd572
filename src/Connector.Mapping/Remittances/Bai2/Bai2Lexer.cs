using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>One BAI2 record as written: its code, the text after "NN," up to its ending '/', and its physical line.</summary>
internal sealed class Bai2RawRecord(string code, string content, int line)
{
    public string Code { get; } = code;

    public string Content { get; set; } = content;

    public int Line { get; } = line;

    /// <summary>The record ended with '/' (a record with no text, or text closed by a slash).</summary>
    public bool Terminated { get; set; }
}

/// <summary>
/// Cuts the physical lines of a BAI2 file into records. A record starts with a known two-digit code and a comma;
/// '/' ends it when only blanks or a record that may follow come after it on the line (several records on one line,
/// moov sample3), otherwise a '/' is data (a reference such as AB/GS/RP0001, text with dates). A line that does not
/// start with a record code continues the text of an open 16 or 88 record (text split by a newline, moov sample3/5).
/// </summary>
internal static class Bai2Lexer
{
    private static readonly string[] Codes = ["01", "02", "03", "16", "49", "88", "98", "99"];

    public static List<Bai2RawRecord>? Split(IReadOnlyList<string> lines, DocumentReadContext context)
    {
        var records = new List<Bai2RawRecord>();
        var baseCode = "";
        for (var index = 0; index < lines.Count; index++)
        {
            var number = index + 1;
            var text = lines[index].TrimEnd();
            if (text.Length == 0)
            {
                continue;
            }

            var position = 0;
            Bai2RawRecord current;
            if (StartsRecord(text, 0))
            {
                current = new Bai2RawRecord(text[..2], "", number);
                position = 3;
                records.Add(current);
            }
            else if (records.Count > 0 && records[^1] is { Terminated: false, Code: "16" or "88" } open && baseCode == "16")
            {
                current = open;
                open.Content += " ";
            }
            else
            {
                var message = records.Count == 0
                    ? "not a BAI2 file: it does not begin with a 01 file header record"
                    : $"line {number} does not start with a BAI2 record code (01, 02, 03, 16, 49, 88, 98, 99) and continues no open text";
                context.Fail(Problem.Error(records.Count == 0 ? ProblemCodes.BankUnknownFormat : ProblemCodes.BankMalformed, message, context.At(number), "record code", Clip(text)));
                return null;
            }

            while (true)
            {
                if (current.Code != "88")
                {
                    baseCode = current.Code;
                }

                var (end, next) = FindEnd(text, position, baseCode);
                current.Content += text[position..end];
                current.Terminated = end < text.Length;
                if (next < 0)
                {
                    break;
                }

                current = new Bai2RawRecord(text.Substring(next, 2), "", number);
                records.Add(current);
                position = next + 3;
            }
        }

        return records;
    }

    public static bool StartsRecord(string text, int at)
        => text.Length >= at + 3 && text[at + 2] == ',' && Codes.Contains(text.Substring(at, 2));

    private static string Clip(string text) => text.Length > 40 ? text[..40] : text;

    /// <summary>Where the record starting at <paramref name="from"/> ends (a '/' or the line end) and where the next starts (-1: none).</summary>
    private static (int End, int Next) FindEnd(string text, int from, string baseCode)
    {
        for (var slash = text.IndexOf('/', from); slash >= 0; slash = text.IndexOf('/', slash + 1))
        {
            var after = slash + 1;
            while (after < text.Length && text[after] is ' ' or '\t')
            {
                after++;
            }

            if (after == text.Length)
            {
                return (slash, -1);
            }

            if (StartsRecord(text, after) && MayFollow(baseCode, text.Substring(after, 2)))
            {
                return (slash, after);
            }
        }

        return (text.Length, -1);
    }

    private static bool MayFollow(string previous, string next) => next == "88" || (previous, next) switch
    {
        ("01", "02") => true,
        ("02", "03" or "98") => true,
        ("03" or "16", "16" or "49") => true,
        ("49", "03" or "98") => true,
        ("98", "02" or "99") => true,
        _ => false,
    };
}
