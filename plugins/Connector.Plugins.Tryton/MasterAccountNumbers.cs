using System.Text;

namespace Connector.Plugins.Tryton;

/// <summary>
/// The <c>account_number</c> column of an entity's customer master (UTF-8 CSV with a header, see mappings/README.md),
/// read for the parties check only: the plugin keeps to the public contracts, so it reads the column itself.
/// </summary>
internal static class MasterAccountNumbers
{
    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            return [];
        }

        var column = Fields(lines[0]).FindIndex(h => string.Equals(h.Trim(), "account_number", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            return [];
        }

        return lines.Skip(1)
            .Select(Fields)
            .Where(f => f.Count > column && f[column].Trim().Length > 0)
            .Select(f => f[column].Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One CSV line's fields: commas separate, double quotes enclose, a doubled quote is a quote.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
