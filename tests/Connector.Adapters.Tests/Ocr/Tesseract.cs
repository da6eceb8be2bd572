using Connector.Adapters.Ocr;
using Connector.Adapters.Tests.EInvoicing;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>Whether libtesseract (with the eng and fra models) can run here, and where the cheque corpus is.</summary>
internal static class Tesseract
{
    private static readonly Lazy<string?> Unavailable = new(() => TesseractEngine.IsAvailable(null, out var reason) ? null : reason);

    public static bool IsInstalled => Unavailable.Value is null;

    public static string Missing => "libtesseract is not available: run .ci/install-tesseract.sh (apt-get install " + OcrUnavailableException.Packages + "). " + Unavailable.Value;

    /// <summary>The shared corpus's <c>cheques</c> folder, or null when absent.</summary>
    public static string? Cheques
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CONNECTOR_CORPUS");
            var corpus = string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(Path.Combine(Poppler.RepositoryRoot, "..", "shared", "corpus")) : configured;
            var cheques = Path.Combine(corpus, "cheques");
            return Directory.Exists(cheques) ? cheques : null;
        }
    }

    public const string ChequesMissing = "The shared corpus (CONNECTOR_CORPUS, default ../shared/corpus) with its cheques folder was not found.";

    /// <summary>The why a Tesseract test cannot run, or null; under CI a missing library fails instead of skipping.</summary>
    public static string? SkipReason(bool corpus, bool poppler = false)
    {
        if (!IsInstalled && !Poppler.InCi)
        {
            return Missing;
        }

        if (poppler && !Poppler.IsInstalled && !Poppler.InCi)
        {
            return Poppler.Missing;
        }

        return corpus && Cheques is null ? ChequesMissing : null;
    }
}

/// <summary>A fact that runs libtesseract: skipped with the reason when it is missing, failed instead under CI.</summary>
internal sealed class TesseractFactAttribute : FactAttribute
{
    public TesseractFactAttribute() => Skip = Tesseract.SkipReason(corpus: false);
}

/// <summary>A fact that runs libtesseract and pdftoppm.</summary>
internal sealed class TesseractPdfFactAttribute : FactAttribute
{
    public TesseractPdfFactAttribute() => Skip = Tesseract.SkipReason(corpus: false, poppler: true);
}

/// <summary>A fact that runs libtesseract on the shared corpus (skipped when the corpus is absent).</summary>
internal sealed class TesseractCorpusFactAttribute : FactAttribute
{
    public TesseractCorpusFactAttribute() => Skip = Tesseract.SkipReason(corpus: true);
}

/// <summary>A theory that runs libtesseract on the shared corpus.</summary>
internal sealed class TesseractCorpusTheoryAttribute : TheoryAttribute
{
    public TesseractCorpusTheoryAttribute() => Skip = Tesseract.SkipReason(corpus: true);
}

/// <summary>One engine for a test class: engines are created once and reused, as in production.</summary>
public sealed class TesseractEngineFixture : IDisposable
{
    private readonly Lazy<TesseractEngine> _engine = new(() => new TesseractEngine(new TesseractOptions { MaxEngines = 2 }));

    internal TesseractEngine Engine => _engine.Value;

    public void Dispose()
    {
        if (_engine.IsValueCreated)
        {
            _engine.Value.Dispose();
        }
    }
}
