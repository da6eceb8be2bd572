using Connector.Adapters.EInvoicing;

namespace Connector.Adapters.Tests.EInvoicing;

/// <summary>Whether poppler's tools are installed, the repository root and the shared corpus of real e-invoices.</summary>
internal static class Poppler
{
    private static readonly Lazy<bool> Installed = new(() => PopplerPdfAttachments.IsAvailable(new PdfToolOptions(), out _));

    public static bool IsInstalled => Installed.Value;

    public const string Missing = "poppler-utils (pdfdetach, pdfinfo) is not installed: run .ci/install-poppler.sh (apt-get install poppler-utils).";

    /// <summary>When CI is set, missing poppler fails the tests instead of skipping them.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string RepositoryRoot => SharedCorpus.Repository;

    /// <summary>The shared corpus (<c>CONNECTOR_CORPUS</c>, default <c>../shared/corpus</c> beside the repository), or null when absent.</summary>
    public static string? Corpus => SharedCorpus.Holding("einvoice");

    public const string CorpusMissing = "The shared corpus (CONNECTOR_CORPUS, default ../shared/corpus) with its einvoice folder was not found.";

    public static string SamplesFolder => Path.Combine(RepositoryRoot, "mappings", "fr-dupont", "samples");
}

/// <summary>A fact that runs poppler's tools: skipped with the reason when they are missing, failed instead under CI.</summary>
internal sealed class PopplerFactAttribute : FactAttribute
{
    public PopplerFactAttribute()
    {
        if (!Poppler.IsInstalled && !Poppler.InCi)
        {
            Skip = Poppler.Missing;
        }
    }
}

/// <summary>A fact that runs poppler on the shared corpus: skipped when the corpus is absent, or as <see cref="PopplerFactAttribute"/>.</summary>
internal sealed class PopplerCorpusFactAttribute : FactAttribute
{
    public PopplerCorpusFactAttribute()
    {
        if (!Poppler.IsInstalled && !Poppler.InCi)
        {
            Skip = Poppler.Missing;
        }
        else if (Poppler.Corpus is null)
        {
            Skip = Poppler.CorpusMissing;
        }
    }
}

/// <summary>A theory that runs poppler's tools, skipped or failed as <see cref="PopplerFactAttribute"/>.</summary>
internal sealed class PopplerTheoryAttribute : TheoryAttribute
{
    public PopplerTheoryAttribute()
    {
        if (!Poppler.IsInstalled && !Poppler.InCi)
        {
            Skip = Poppler.Missing;
        }
    }
}

/// <summary>The extractor's tests run one after the other: they count the extractor's temporary folders.</summary>
[CollectionDefinition(Name)]
public sealed class PopplerCollection
{
    public const string Name = "poppler";
}

/// <summary>A temporary folder for a test's inputs, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("connector-pdf-test-").FullName;

    public string Write(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
