using System.Text;

namespace Connector.Tests.Shared;

/// <summary>
/// A plain RFC 4180 reader for the CSV files tests compare against (the corpus's expected values, the emulator's
/// reports): quoted fields may hold commas, doubled quotes and line breaks. Linked into the test projects that need it.
/// </summary>
internal static class Rfc4180
{
    /// <summary>Every record of <paramref name="text"/>, each as its fields.</summary>
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                record.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }

    /// <summary>The fields of one line.</summary>
    public static string[] Fields(string line) => [.. Parse(line).SingleOrDefault() ?? [string.Empty]];

    /// <summary>The records after the header, as column name to field (records of another width left out).</summary>
    public static List<IReadOnlyDictionary<string, string>> Table(string text)
    {
        var records = Parse(text);
        var header = records[0];
        return [.. records.Skip(1).Where(r => r.Count == header.Count).Select(r => (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }
}
