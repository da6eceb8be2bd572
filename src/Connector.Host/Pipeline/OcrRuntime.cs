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
    /// installed (its workers are made once, then kept for the scans).
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
            // Every worker the machine can use is made now (a model load each), so the first scans do not wait for them.
            Engine().Prepare(language, Environment.ProcessorCount);
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
}
