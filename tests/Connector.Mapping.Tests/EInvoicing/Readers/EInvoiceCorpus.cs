namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>
/// The shared corpus of real third-party e-invoices: <c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside the
/// folder that holds Connector.slnx. Read in place, never copied.
/// </summary>
internal static class EInvoiceCorpus
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The corpus folder, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    public const string Missing = "The shared corpus was not found (set CONNECTOR_CORPUS, or place it at ../shared/corpus beside the repository): corpus tests skipped.";

    public static string EInvoicePath(string relative) => Path.Combine(Directory ?? throw new InvalidOperationException(Missing), "einvoice", relative);

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CONNECTOR_CORPUS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(Path.Combine(configured, "einvoice")) ? configured : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Connector.slnx")))
            {
                var corpus = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "corpus"));
                return System.IO.Directory.Exists(Path.Combine(corpus, "einvoice")) ? corpus : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that reads the shared corpus: skipped, saying why, when the corpus is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (EInvoiceCorpus.Directory is null)
        {
            Skip = EInvoiceCorpus.Missing;
        }
    }
}

/// <summary>The rows of <c>einvoice/invoices_expected.csv</c> (RFC 4180 quoting), as column name to cell.</summary>
internal static class ExpectedCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows()
    {
        var records = Parse(File.ReadAllText(EInvoiceCorpus.EInvoicePath("invoices_expected.csv")));
        var header = records[0];
        return [.. records.Skip(1).Where(r => r.Count == header.Count).Select(r => (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new System.Text.StringBuilder();
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
}
