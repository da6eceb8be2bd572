namespace Connector.Mapping.Tests.Remittances;

/// <summary>
/// The bank files of the shared corpus: <c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside the folder that
/// holds Connector.slnx. Read in place, never copied.
/// </summary>
internal static class CamtX12Corpus
{
    public const string Missing = "The shared corpus (bank files) was not found (set CONNECTOR_CORPUS, or place it at ../shared/corpus beside the repository): corpus tests skipped.";

    /// <summary>The corpus's <c>bank</c> folder, or null when it is not there.</summary>
    public static string? Directory => TextBankCorpus.Directory is { } corpus ? Path.Combine(corpus, "bank") : null;

    public static string CamtFolder => Path.Combine(Directory ?? throw new InvalidOperationException(Missing), "camt-genkgo", "test", "data");

    public static string X12Folder => Path.Combine(Directory ?? throw new InvalidOperationException(Missing), "edi820-oopfactory", "tests", "OopFactory.X12.Tests.Unit", "Parsing", "_SampleEdiFiles", "ORD", "_820");

    /// <summary>The lines of <c>bank/control_totals.txt</c> for one folder: file path (relative to bank/) to the rest of the line.</summary>
    public static Dictionary<string, string> ControlTotals(string folderPrefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(Directory!, "control_totals.txt")))
        {
            if (line.StartsWith(folderPrefix, StringComparison.Ordinal))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                result[line[..tab]] = line[(tab + 1)..];
            }
        }

        return result;
    }
}

/// <summary>A fact that reads the corpus's bank files: skipped, saying why, when they are absent.</summary>
internal sealed class CamtX12CorpusFactAttribute : FactAttribute
{
    public CamtX12CorpusFactAttribute()
    {
        if (CamtX12Corpus.Directory is null)
        {
            Skip = CamtX12Corpus.Missing;
        }
    }
}
