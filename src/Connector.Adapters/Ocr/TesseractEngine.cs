using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Ocr;

/// <summary>
/// The OCR engine: Debian's libtesseract 5 called in-process. An image is read by leptonica (PNG, JPEG, TIFF, ...),
/// made 8-bit gray, binarised with global Otsu and recognised with PSM 6 (see <see cref="TesseractOptions"/>).
/// Thread-safe: a pool of TessBaseAPI per language, at most <see cref="TesseractOptions.MaxEngines"/> in use at once,
/// each created once (about 50 ms) and reused. <c>OMP_THREAD_LIMIT=1</c> is set in the native environment before
/// libtesseract is loaded unless already set. Throws <see cref="OcrUnavailableException"/> when the libraries or the
/// language model are missing; <see cref="InvalidDataException"/> when the bytes are no image leptonica reads.
/// </summary>
internal sealed class TesseractEngine : IOcrEngine, IDisposable
{
    private const int MinimumCredibleDpi = 100;

    private readonly TesseractOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, ConcurrentBag<TesseractWorker>> _idle = new(StringComparer.Ordinal);
    private readonly string _version;
    private bool _disposed;

    public TesseractEngine(TesseractOptions? options = null)
    {
        _options = options ?? new TesseractOptions();
        _options.Check();
        TesseractLibrary.Load(_options.TesseractLibraryNames, _options.LeptonicaLibraryNames);
        _version = Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "?";
        _slots = new SemaphoreSlim(_options.MaxEngines, _options.MaxEngines);
    }

    /// <summary>The engine's name and version as reported on each page, e.g. <c>tesseract 5.3.0</c>.</summary>
    public string Name => "tesseract " + _version;

    /// <summary>Whether the engine can run here; <paramref name="reason"/> says why not.</summary>
    public static bool IsAvailable(TesseractOptions? options, out string? reason)
    {
        try
        {
            options ??= new TesseractOptions();
            TesseractLibrary.Load(options.TesseractLibraryNames, options.LeptonicaLibraryNames);
            reason = null;
            return true;
        }
        catch (OcrUnavailableException ex)
        {
            reason = ex.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public OcrPage Read(ReadOnlyMemory<byte> image, string language, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var pix = ReadImage(image.Span) ?? throw new InvalidDataException("The bytes are not an image leptonica can read (PNG, JPEG, TIFF, BMP, GIF, WebP, PNM).");
        return Recognize(pix, language, cancellationToken);
    }

    /// <summary>
    /// Reads every page of a multi-page TIFF (a single-page image of any format gives one page), at most
    /// maxPages. Pages leptonica cannot decode end the list; none at all throws <see cref="InvalidDataException"/>.
    /// </summary>
    public IReadOnlyList<OcrPage> ReadPages(ReadOnlyMemory<byte> image, string language, CancellationToken cancellationToken = default)
        => ReadPages(image, language, int.MaxValue, cancellationToken);

    /// <inheritdoc cref="ReadPages(ReadOnlyMemory{byte}, string, CancellationToken)"/>
    public IReadOnlyList<OcrPage> ReadPages(ReadOnlyMemory<byte> image, string language, int maxPages, CancellationToken cancellationToken = default)
    {
        if (!IsTiff(image.Span))
        {
            return [Read(image, language, cancellationToken)];
        }

        var pages = new List<OcrPage>();
        nuint offset = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var pix = PixHandle.Own(LeptonicaNative.pixReadMemFromMultipageTiff(ref MemoryMarshal.GetReference(image.Span), (nuint)image.Length, ref offset));
            if (pix is null)
            {
                break;
            }

            pages.Add(Recognize(pix, language, cancellationToken));
        }
        while (offset != 0 && pages.Count < maxPages);

        return pages.Count > 0 ? pages : throw new InvalidDataException("The TIFF has no page leptonica can read.");
    }

    /// <summary>
    /// Creates engines for <paramref name="language"/> now (at start-up) until <paramref name="engines"/> of them are
    /// idle, at most <see cref="TesseractOptions.MaxEngines"/>, so the first pages do not wait for a model to load.
    /// </summary>
    public void Prepare(string language, int engines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var bag = _idle.GetOrAdd(language, _ => []);
        var wanted = Math.Min(engines, _options.MaxEngines);
        while (bag.Count < wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bag.Add(new TesseractWorker(language, _options));
        }
    }

    /// <summary>How many engines for the language are idle now (for tests and diagnostics).</summary>
    internal int IdleEngines(string language) => _idle.TryGetValue(language, out var bag) ? bag.Count : 0;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var i = 0; i < _options.MaxEngines; i++)
        {
            _slots.Wait();
        }

        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var worker))
            {
                worker.Dispose();
            }
        }

        _slots.Dispose();
    }

    internal static bool IsTiff(ReadOnlySpan<byte> image)
        => image.Length > 4 && ((image[0] == 'I' && image[1] == 'I' && image[2] == 42 && image[3] == 0) || (image[0] == 'M' && image[1] == 'M' && image[2] == 0 && image[3] == 42));

    private static PixHandle? ReadImage(ReadOnlySpan<byte> image)
        => image.IsEmpty ? null : PixHandle.Own(LeptonicaNative.pixReadMem(ref MemoryMarshal.GetReference(image), (nuint)image.Length));

    /// <summary>How much better (mean confidence) the turned reading must be to be kept.</summary>
    private const double UpsideDownMargin = 20;

    private static double MeanConfidence(IReadOnlyList<OcrWord> words) => words.Average(w => w.Confidence);

    /// <summary>
    /// A page that reads badly read turned: upside down first (a stack fed the wrong way), then sideways either way;
    /// the first turn that reads clearly better (by <see cref="UpsideDownMargin"/> in mean confidence) wins.
    /// </summary>
    private static (int Rotation, IReadOnlyList<OcrWord> Words)? Turned(TesseractWorker worker, PixHandle binary, int dpi, double upright)
    {
        foreach (var rotation in (int[])[180, 270, 90])
        {
            using var turned = PixHandle.Own(rotation == 180
                ? LeptonicaNative.pixRotate180(IntPtr.Zero, binary.Pointer)
                : LeptonicaNative.pixRotate90(binary.Pointer, rotation == 90 ? 1 : -1));
            var words = turned is null ? [] : worker.Recognize(turned, dpi);
            if (words.Count > 0 && MeanConfidence(words) >= upright + UpsideDownMargin)
            {
                return (rotation, words);
            }
        }

        return null;
    }

    private OcrPage Recognize(PixHandle pix, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var dpi = pix.XResolution >= MinimumCredibleDpi ? pix.XResolution : _options.DefaultDpi;
        var (width, height) = (pix.Width, pix.Height);
        using var binary = pix.Binarize() ?? throw new InvalidDataException("The image could not be binarised (leptonica).");
        _slots.Wait(cancellationToken);
        try
        {
            var bag = _idle.GetOrAdd(language, _ => []);
            var worker = bag.TryTake(out var idle) ? idle : new TesseractWorker(language, _options);
            try
            {
                var words = worker.Recognize(binary, dpi);
                var settings = $"{Name} ({language}, psm {_options.PageSegmentationMode.ToString(System.Globalization.CultureInfo.InvariantCulture)}, otsu";
                if (words.Count > 0 && MeanConfidence(words) < _options.UpsideDownBelow && Turned(worker, binary, dpi, MeanConfidence(words)) is { } turned)
                {
                    var (turnedWidth, turnedHeight) = turned.Rotation == 180 ? (width, height) : (height, width);
                    return new OcrPage(turnedWidth, turnedHeight, dpi, turned.Words, settings + $", turned {turned.Rotation.ToString(System.Globalization.CultureInfo.InvariantCulture)})") { Rotation = turned.Rotation };
                }

                return new OcrPage(width, height, dpi, words, settings + ")");
            }
            finally
            {
                bag.Add(worker);
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}
