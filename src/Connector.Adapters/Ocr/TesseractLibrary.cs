using System.Reflection;
using System.Runtime.InteropServices;

namespace Connector.Adapters.Ocr;

/// <summary>
/// Finds libtesseract and leptonica under the SONAMEs of the Debian / Ubuntu releases (the unversioned names exist only
/// with the -dev packages; leptonica 1.83+ is libleptonica.so.6), and sets <c>OMP_THREAD_LIMIT=1</c> in the native
/// environment before libtesseract (and with it libgomp) is loaded: Debian builds it with OpenMP, which on a small box
/// makes every page 5-10x slower. A value already set (service unit, Dockerfile, CI) is kept.
/// </summary>
internal static class TesseractLibrary
{
    public const string OmpThreadLimit = "OMP_THREAD_LIMIT";

    public static readonly IReadOnlyList<string> DefaultTesseractNames = ["libtesseract.so.5", "libtesseract.so.4", "libtesseract.so", "libtesseract.5.dylib", "tesseract53", "tesseract50"];

    public static readonly IReadOnlyList<string> DefaultLeptonicaNames = ["liblept.so.5", "libleptonica.so.6", "liblept.so", "libleptonica.so", "libleptonica.6.dylib", "leptonica-1.83.1", "leptonica-1.82.0"];

    private static readonly Lock Gate = new();
    private static IntPtr _tesseract;
    private static IntPtr _leptonica;
    private static IntPtr _libc;
    private static bool _resolverSet;

    /// <summary>The file name libtesseract was loaded from (for reports), once loaded.</summary>
    public static string? LoadedTesseract { get; private set; }

    /// <summary>
    /// Loads the libraries (first name that loads wins), or throws <see cref="OcrUnavailableException"/> naming the
    /// names tried and the packages to install. Safe to call from any thread, any number of times.
    /// </summary>
    public static void Load(IReadOnlyList<string> tesseractNames, IReadOnlyList<string> leptonicaNames)
    {
        lock (Gate)
        {
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(TesseractLibrary).Assembly, Resolve);
                _resolverSet = true;
            }

            var leptonica = TryLoadFirst(leptonicaNames, out _)
                ?? throw new OcrUnavailableException(Missing("leptonica", leptonicaNames));
            LimitOpenMp();
            if (!OperatingSystem.IsWindows())
            {
                NativeHeap.Tune(Libc());
            }

            var tesseract = TryLoadFirst(tesseractNames, out var loadedName)
                ?? throw new OcrUnavailableException(Missing("libtesseract", tesseractNames));
            if (_tesseract == IntPtr.Zero)
            {
                _leptonica = leptonica;
                _tesseract = tesseract;
                LoadedTesseract = loadedName;
            }
        }
    }

    /// <summary>Sets OMP_THREAD_LIMIT=1 for libgomp (native environment) and this process, unless already set.</summary>
    private static void LimitOpenMp()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OmpThreadLimit)))
        {
            Environment.SetEnvironmentVariable(OmpThreadLimit, "1");
        }

        if (LibcNative.getenv(OmpThreadLimit) == IntPtr.Zero)
        {
            _ = LibcNative.setenv(OmpThreadLimit, "1", 0);
        }
    }

    private static IntPtr? TryLoadFirst(IReadOnlyList<string> names, out string? loadedName)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                loadedName = name;
                return handle;
            }
        }

        loadedName = null;
        return null;
    }

    private static string Missing(string what, IReadOnlyList<string> names)
        => $"The OCR engine is not available: {what} could not be loaded (tried {string.Join(", ", names)}). "
            + $"Install Debian's {OcrUnavailableException.Packages} (apt-get install, or .ci/install-tesseract.sh).";

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        TesseractNative.Library => _tesseract,
        LeptonicaNative.Library => _leptonica,
        LibcNative.Library => Libc(),
        _ => IntPtr.Zero,
    };

    private static IntPtr Libc()
    {
        if (_libc == IntPtr.Zero)
        {
            _libc = NativeLibrary.TryLoad("libc.so.6", out var handle) ? handle : NativeLibrary.Load("libc");
        }

        return _libc;
    }
}
