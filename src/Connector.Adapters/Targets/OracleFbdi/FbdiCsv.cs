using System.Text;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>RFC 4180 reading and field quoting for the files this target writes (package rows and manifest).</summary>
internal static class FbdiCsv
{
    /// <summary>Splits CSV text into rows of fields; quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
    /// <exception cref="InvalidDataException">An unterminated quoted field or text after a closing quote.</exception>
    public static List<string[]> ReadRows(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            i = ReadField(text, i, field);
            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                if (i == text.Length)
                {
                    fields.Add(string.Empty);
                }

                continue;
            }

            // End of row: CRLF, CR, LF or the end of the text.
            if (i < text.Length)
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }

            rows.Add([.. fields]);
            fields.Clear();
        }

        if (fields.Count > 0)
        {
            rows.Add([.. fields]);
        }

        return rows;
    }

    /// <summary>A field quoted only when it must be (delimiter, quote or line break inside, or edge spaces).</summary>
    public static string QuoteIfNeeded(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static int ReadField(string text, int i, StringBuilder field)
    {
        if (i < text.Length && text[i] == '"')
        {
            i++;
            while (true)
            {
                if (i >= text.Length)
                {
                    throw new InvalidDataException("Unterminated quoted field.");
                }

                if (text[i] == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new InvalidDataException("Text after a closing quote.");
                    }

                    return i;
                }

                field.Append(text[i]);
                i++;
            }
        }

        while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
        {
            field.Append(text[i]);
            i++;
        }

        return i;
    }
}
