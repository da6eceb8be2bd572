using Connector.Mapping.Ocr;

namespace Connector.Adapters.Ocr;

/// <summary>
/// One TessBaseAPI, initialised once for one language and reused for many images by one thread at a time (the API is
/// not shareable across threads; separate ones run in parallel with identical output). <see cref="Recognize"/> clears
/// the engine after each image; every char* it gets back is freed.
/// </summary>
internal sealed class TesseractWorker : IDisposable
{
    private IntPtr _handle;

    public TesseractWorker(string language, TesseractOptions options)
    {
        Language = language;
        _handle = TesseractNative.TessBaseAPICreate();
        if (_handle == IntPtr.Zero)
        {
            throw new OcrUnavailableException("libtesseract could not create an engine (TessBaseAPICreate returned NULL).");
        }

        try
        {
            if (TesseractNative.TessBaseAPIInit3(_handle, options.DataPath, language) != 0)
            {
                var packages = string.Join(' ', language.Split('+').Select(l => "tesseract-ocr-" + l));
                throw new OcrUnavailableException(
                    $"Tesseract could not load the language model '{language}' from {options.DataPath ?? "its default tessdata folder"}: install {packages}.");
            }

            _ = TesseractNative.TessBaseAPISetVariable(_handle, "preserve_interword_spaces", "1");
            _ = TesseractNative.TessBaseAPISetVariable(_handle, "tessedit_do_invert", options.TryInvertedLines ? "1" : "0");
            // Every line is proportional text: no search for fixed-pitch character cells in layout analysis, which the
            // LSTM does not use (4 % of the time; same fields on the corpus). A process-wide Tesseract setting.
            _ = TesseractNative.TessBaseAPISetVariable(_handle, "textord_all_prop", "1");
            TesseractNative.TessBaseAPISetPageSegMode(_handle, options.PageSegmentationMode);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Language { get; }

    /// <summary>Recognises a (binarised) image at the given resolution; the engine keeps its own copy of the PIX.</summary>
    public IReadOnlyList<OcrWord> Recognize(PixHandle pix, int dpi) => Recognize(pix, dpi, TesseractWords.Read);

    /// <summary>Recognises the image, then gives the API to <paramref name="read"/> before the results are cleared.</summary>
    internal T Recognize<T>(PixHandle pix, int dpi, Func<IntPtr, T> read)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        try
        {
            TesseractNative.TessBaseAPISetImage2(_handle, pix.Pointer);
            TesseractNative.TessBaseAPISetSourceResolution(_handle, dpi);
            if (TesseractNative.TessBaseAPIRecognize(_handle, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Tesseract could not recognise the image (TessBaseAPIRecognize failed).");
            }

            return read(_handle);
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_handle);
        }
    }

    public void Dispose()
    {
        var handle = _handle;
        _handle = IntPtr.Zero;
        if (handle != IntPtr.Zero)
        {
            TesseractNative.TessBaseAPIEnd(handle);
            TesseractNative.TessBaseAPIDelete(handle);
        }
    }
}
