namespace Connector.Adapters.Ocr;

/// <summary>How the Tesseract engine is set up. The defaults are the tested recipe (docs: ocr-tesseract.md).</summary>
internal sealed record TesseractOptions
{
    /// <summary>The tessdata folder itself (not its parent), or null for the compiled-in default / TESSDATA_PREFIX.</summary>
    public string? DataPath { get; init; }

    /// <summary>Tesseract's page segmentation mode: 6 (a single uniform block) keeps table rows as lines.</summary>
    public int PageSegmentationMode { get; init; } = 6;

    /// <summary>The resolution assumed when the image does not say its own (PNG pHYs, JPEG JFIF, TIFF).</summary>
    public int DefaultDpi { get; init; } = 300;

    /// <summary>Engines (one per worker thread) per language; default the number of processors.</summary>
    public int MaxEngines { get; init; } = Environment.ProcessorCount;

    /// <summary>The SONAMEs tried for libtesseract, first that loads wins.</summary>
    public IReadOnlyList<string> TesseractLibraryNames { get; init; } = TesseractLibrary.DefaultTesseractNames;

    /// <summary>The SONAMEs tried for leptonica (liblept.so.5 up to Debian 12, libleptonica.so.6 after).</summary>
    public IReadOnlyList<string> LeptonicaLibraryNames { get; init; } = TesseractLibrary.DefaultLeptonicaNames;

    /// <summary>
    /// Whether a text line read with low confidence is read again inverted (white on black): off, since it reads some
    /// lines twice (about 4 % of the time on the synthetic cheques and stubs, with the same words); turn it on for
    /// documents with white text on dark bands.
    /// </summary>
    public bool TryInvertedLines { get; init; }

    /// <summary>
    /// A page whose words read with a mean confidence below this (0-100) is read again turned (by 180 degrees, then 90
    /// either way), and the first turned reading that is clearly better kept (a page fed upside down reads about 30
    /// against 80 and more upright). 0 turns nothing.
    /// </summary>
    public double UpsideDownBelow { get; init; } = 55;

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PageSegmentationMode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PageSegmentationMode, 13);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DefaultDpi);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEngines);
        ArgumentOutOfRangeException.ThrowIfZero(TesseractLibraryNames.Count);
        ArgumentOutOfRangeException.ThrowIfZero(LeptonicaLibraryNames.Count);
    }
}
