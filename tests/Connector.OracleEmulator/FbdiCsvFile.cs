using System.IO.Compression;
using System.Text;

namespace Connector.OracleEmulator;

/// <summary>
/// Reads an uploaded FBDI zip: guards its size (entry count, uncompressed bytes counted while reading, not trusted from
/// the headers) and parses <c>RaInterfaceLinesAll.csv</c>, positional CSV without header (RFC 4180 quoting).
/// </summary>
internal static class FbdiCsvFile
{
    public const string LinesFileName = "RaInterfaceLinesAll.csv";

    /// <summary>The rows of RaInterfaceLinesAll.csv, or an error text saying why the package is refused.</summary>
    public static (List<string[]>? Rows, string? Error) ReadLines(byte[] zipBytes, EmulatorSetup setup)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > setup.FbdiMaxZipEntries)
            {
                return (null, $"The file has {zip.Entries.Count} entries; at most {setup.FbdiMaxZipEntries} are allowed.");
            }

            var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, LinesFileName, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return (null, $"The file doesn't contain {LinesFileName}, which the AutoInvoice import requires.");
            }

            var text = ReadGuarded(entry, setup.FbdiMaxUncompressedBytes);
            return text is null
                ? (null, $"The file is larger than {setup.FbdiMaxUncompressedBytes} bytes uncompressed.")
                : (Parse(text), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"The file isn't a valid zip file: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            return (null, $"{LinesFileName} isn't valid UTF-8 text.");
        }
        catch (FormatException e)
        {
            return (null, $"{LinesFileName} isn't valid CSV: {e.Message}");
        }
    }

    private static string? ReadGuarded(ZipArchiveEntry entry, long maxBytes)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(copy.GetBuffer(), 0, (int)copy.Length);
    }

    /// <summary>Splits CSV text into rows; quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"row {rows.Count + 1} has an unterminated quoted field");
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
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new FormatException($"row {rows.Count + 1} has text after a closing quote");
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    field.Append(text[i++]);
                }
            }

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
}
