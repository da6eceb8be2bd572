using System.Text.Json;
using Connector.Tests.Shared;

namespace Connector.Mapping.Tests.Ocr;

/// <summary>
/// The synthetic cheques and stubs of the shared corpus (<c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside
/// the folder holding Connector.slnx): their ground-truth JSON, read in place.
/// </summary>
internal static class ChequeCorpus
{
    private static readonly Lazy<string?> Root = new(() => SharedCorpus.Holding(Path.Combine("cheques", "synthetic")));

    public const string Missing = "The shared corpus was not found (set CONNECTOR_CORPUS, or place it at ../shared/corpus beside the repository): cheque corpus tests skipped.";

    public static bool Present => Root.Value is not null;

    public static JsonElement Truth(string name)
    {
        var path = Path.Combine(Root.Value ?? throw new InvalidOperationException(Missing), "cheques", "synthetic", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}

/// <summary>A theory over the corpus's cheques and stubs: skipped, saying why, when the corpus is absent.</summary>
internal sealed class ChequeCorpusTheoryAttribute : TheoryAttribute
{
    public ChequeCorpusTheoryAttribute()
    {
        if (!ChequeCorpus.Present)
        {
            Skip = ChequeCorpus.Missing;
        }
    }
}

/// <summary>A fact over the corpus's cheques and stubs: skipped, saying why, when the corpus is absent.</summary>
internal sealed class ChequeCorpusFactAttribute : FactAttribute
{
    public ChequeCorpusFactAttribute()
    {
        if (!ChequeCorpus.Present)
        {
            Skip = ChequeCorpus.Missing;
        }
    }
}
