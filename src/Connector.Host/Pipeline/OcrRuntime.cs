using Connector.Adapters.Ocr;

namespace Connector.Host.Pipeline;

/// <summary>
/// The process's one OCR engine: created at the first scan (libtesseract loaded, OMP_THREAD_LIMIT=1 set), its
/// per-thread workers reused by every run and entity after, freed when the process ends.
/// </summary>
internal static class OcrRuntime
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Readable = new(StringComparer.Ordinal);
    private static TesseractEngine? _engine;

    /// <summary>Whether scans can be read here (libtesseract and leptonica load); if not, why.</summary>
    public static bool IsAvailable(out string? why) => TesseractEngine.IsAvailable(null, out why);

    /// <summary>
    /// Whether scans in <paramref name="language"/> can be read here: the libraries load and every language's model is
    /// installed (tried once on a blank page; the worker made for it is kept for the first scan).
    /// </summary>
    public static bool CanRead(string language, out string? why)
    {
        lock (Gate)
        {
            if (Readable.Contains(language))
            {
                why = null;
                return true;
            }
        }

        if (!IsAvailable(out why))
        {
            return false;
        }

        try
        {
            Engine().Read(BlankPage, language);
        }
        catch (OcrUnavailableException e)
        {
            why = e.Message;
            return false;
        }

        lock (Gate)
        {
            Readable.Add(language);
        }

        return true;
    }

    /// <summary>Frees the engine and its workers (at the end of the process); a later scan makes a new one.</summary>
    public static void Shutdown()
    {
        lock (Gate)
        {
            _engine?.Dispose();
            _engine = null;
            Readable.Clear();
        }
    }

    public static TesseractEngine Engine()
    {
        lock (Gate)
        {
            return _engine ??= new TesseractEngine();
        }
    }

    /// <summary>An 8 x 8 white greyscale page (binary PGM), which leptonica reads without any codec.</summary>
    private static byte[] BlankPage { get; } = [.. "P5\n8 8\n255\n"u8, .. Enumerable.Repeat((byte)255, 64)];
}
