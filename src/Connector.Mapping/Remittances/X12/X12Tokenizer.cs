using System.Text;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.X12;

/// <summary>
/// Splits an X12 interchange into segments. The ISA header gives the separators: the element separator is its 4th
/// character, the sub-element separator ISA16 and the segment terminator the character after it (character 106 of a
/// fixed-width ISA). Segments may be indented or on separate lines; a leading byte-order mark is skipped.
/// </summary>
internal static class X12Tokenizer
{
    /// <summary>Whether the text, after whitespace and a byte-order mark, starts with an ISA segment.</summary>
    public static bool StartsWithIsa(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return head[i..].StartsWith("ISA"u8) && head.Length > i + 3 && !char.IsAsciiLetterOrDigit((char)head[i + 3]) && head[i + 3] != (byte)' ';
    }

    public static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: X12's basic and extended character sets are within Latin-1.
            return Encoding.Latin1.GetString(content);
        }
    }

    /// <summary>The segments, or null with the reason when the text has no readable ISA header.</summary>
    public static List<X12Segment>? Split(string text, string documentName, out X12Separators? separators, out Problem? problem)
    {
        separators = null;
        problem = null;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (string.CompareOrdinal(text, start, "ISA", 0, 3) != 0 || text.Length < start + 4)
        {
            problem = Problem.Error(ProblemCodes.EdiMalformed, "The file does not start with an ISA interchange header: not an X12 file.", new SourceLocation(documentName, 1));
            return null;
        }

        var element = text[start + 3];
        var position = start + 3;
        for (var count = 1; count < 16 && position >= 0; count++)
        {
            position = text.IndexOf(element, position + 1);
        }

        if (char.IsAsciiLetterOrDigit(element) || char.IsWhiteSpace(element) || position < 0 || position + 2 >= text.Length)
        {
            problem = Problem.Error(ProblemCodes.EdiMalformed, "The ISA header is incomplete: its 16 elements and the segment terminator after ISA16 were not found.", new SourceLocation(documentName, 1, "ISA"));
            return null;
        }

        var sub = text[position + 1];
        var terminator = text[position + 2];
        if (sub == element || terminator == element || sub == terminator || char.IsAsciiLetterOrDigit(terminator))
        {
            problem = Problem.Error(
                ProblemCodes.EdiMalformed,
                $"The ISA header declares unusable separators: element '{element}', sub-element '{sub}', segment terminator '{terminator}'.",
                new SourceLocation(documentName, 1, "ISA16"));
            return null;
        }

        separators = new X12Separators(element, sub, terminator);
        return Segments(text, start, separators);
    }

    private static List<X12Segment> Segments(string text, int start, X12Separators separators)
    {
        var segments = new List<X12Segment>();
        var line = 1 + text.AsSpan(0, start).Count('\n');
        var position = start;
        while (position < text.Length)
        {
            var end = text.IndexOf(separators.Segment, position);
            if (end < 0)
            {
                end = text.Length;
            }

            var raw = text.AsSpan(position, end - position);
            var lead = 0;
            while (lead < raw.Length && char.IsWhiteSpace(raw[lead]))
            {
                lead++;
            }

            var startLine = line + raw[..lead].Count('\n');
            line += raw.Count('\n') + (separators.Segment == '\n' && end < text.Length ? 1 : 0);
            var body = raw[lead..].TrimEnd();
            if (body.Length > 0)
            {
                var elements = body.ToString().Split(separators.Element);
                for (var i = 0; i < elements.Length; i++)
                {
                    elements[i] = elements[i].Trim();
                }

                segments.Add(new X12Segment(segments.Count + 1, startLine, elements));
            }

            position = end + 1;
        }

        return segments;
    }
}
