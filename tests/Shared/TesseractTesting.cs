using System.Runtime.InteropServices;
using Connector.Adapters.Ocr;

namespace Connector.Tests.Shared;

/// <summary>
/// Whether libtesseract (with the eng and fra models) can run here, and where the cheque corpus is
/// (<c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside the folder holding Connector.slnx). Linked into each
/// test project that reads scans.
/// </summary>
internal static class Tesseract
{
    private static readonly Lazy<string?> Unavailable = new(() => TesseractEngine.IsAvailable(null, out var reason) ? null : reason);

    public static bool IsInstalled => Unavailable.Value is null;

    /// <summary>Under CI (the variable CI set) a missing library fails the tests instead of skipping them.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string Missing => "libtesseract is not available: run .ci/install-tesseract.sh (apt-get install " + OcrUnavailableException.Packages + "). " + Unavailable.Value;

    public const string ChequesMissing = "The shared corpus (CONNECTOR_CORPUS, default ../shared/corpus) with its cheques folder was not found.";

    /// <summary>The shared corpus's <c>cheques</c> folder, or null when absent.</summary>
    public static string? Cheques => SharedCorpus.Holding("cheques") is { } corpus ? Path.Combine(corpus, "cheques") : null;

    /// <summary>The synthetic cheques and stubs with their ground truth.</summary>
    public static string Synthetic => Path.Combine(Cheques ?? throw new InvalidOperationException(ChequesMissing), "synthetic");

    /// <summary>An image turned by 180 degrees, as PNG (leptonica): a page fed to the scanner upside down.</summary>
    public static byte[] Rotate180(byte[] image) => Turn(image, pix => LeptonicaNative.pixRotate180(IntPtr.Zero, pix));

    /// <summary>An image turned by 90 degrees clockwise, as PNG (leptonica): a page scanned sideways.</summary>
    public static byte[] Rotate90Clockwise(byte[] image) => Turn(image, pix => LeptonicaNative.pixRotate90(pix, 1));

    private static byte[] Turn(byte[] image, Func<IntPtr, IntPtr> rotate)
    {
        using var pix = PixHandle.Own(LeptonicaNative.pixReadMem(ref MemoryMarshal.GetArrayDataReference(image), (nuint)image.Length))
            ?? throw new InvalidDataException("not an image leptonica reads");
        using var turned = PixHandle.Own(rotate(pix.Pointer)) ?? throw new InvalidOperationException("leptonica could not turn the image");
        if (LeptonicaNative.pixWriteMem(out var data, out var size, turned.Pointer, LeptonicaNative.FormatPng) != 0)
        {
            throw new InvalidOperationException("pixWriteMem failed");
        }

        try
        {
            var png = new byte[checked((int)size)];
            Marshal.Copy(data, png, 0, png.Length);
            return png;
        }
        finally
        {
            LeptonicaNative.lept_free(data);
        }
    }

    /// <summary>Why a Tesseract test (on the corpus) cannot run, or null; under CI a missing library fails instead of skipping.</summary>
    public static string? SkipReason(bool corpus)
    {
        if (!IsInstalled && !InCi)
        {
            return Missing;
        }

        return corpus && Cheques is null ? ChequesMissing : null;
    }
}

/// <summary>A fact that runs libtesseract: skipped, saying why, when it is missing; failed instead under CI.</summary>
internal sealed class TesseractFactAttribute : FactAttribute
{
    public TesseractFactAttribute() => Skip = Tesseract.SkipReason(corpus: false);
}

/// <summary>A fact that runs libtesseract on the shared corpus (skipped, saying why, when the library or corpus is absent).</summary>
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
