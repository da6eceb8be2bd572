using System.Runtime.InteropServices;

namespace Connector.Adapters.Ocr;

/// <summary>
/// libtesseract's C API (capi.h, 5.x), imported by the logical name <see cref="Library"/>; <see cref="TesseractLibrary"/>
/// resolves it to the SONAME found on this machine. Handles are IntPtr; every char* result is freed with
/// <see cref="TessDeleteText"/>.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "connector-tesseract";

    public const int PageIteratorBlockLevel = 0;
    public const int PageIteratorParagraphLevel = 1;
    public const int PageIteratorLineLevel = 2;
    public const int PageIteratorWordLevel = 3;

    [LibraryImport(Library)]
    public static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(IntPtr handle, string? dataPath, string language);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetTsvText(IntPtr handle, int pageNumber);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);

    /// <summary>The page iterator the result iterator is (the same object): never deleted on its own.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorIsAtBeginningOf(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(IntPtr iterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr handle);
}

/// <summary>leptonica (allheaders.h, 1.82+): reading images into PIX and binarising them. Every PIX is destroyed.</summary>
internal static partial class LeptonicaNative
{
    public const string Library = "connector-leptonica";

    [LibraryImport(Library)]
    public static partial IntPtr pixReadMem(ref byte data, nuint size);

    [LibraryImport(Library)]
    public static partial IntPtr pixReadMemFromMultipageTiff(ref byte data, nuint size, ref nuint offset);

    [LibraryImport(Library)]
    public static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixConvertTo8(IntPtr pix, int colormapFlag);

    /// <summary>A new PIX: <paramref name="pixs"/> turned by 90 degrees, clockwise (direction 1) or counter-clockwise (-1).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixRotate90(IntPtr pixs, int direction);

    /// <summary>A new PIX: <paramref name="pixs"/> turned by 180 degrees (pixd NULL).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixRotate180(IntPtr pixd, IntPtr pixs);

    [LibraryImport(Library)]
    public static partial int pixOtsuAdaptiveThreshold(IntPtr pix, int sx, int sy, int smoothX, int smoothY, float scoreFraction, IntPtr thresholds, out IntPtr binary);

    [LibraryImport(Library)]
    public static partial int pixGetWidth(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetHeight(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetXRes(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixEqual(IntPtr pix1, IntPtr pix2, out int same);

    [LibraryImport(Library)]
    public static partial IntPtr pixGetColormap(IntPtr pix);

    /// <summary>Otsu's threshold of an 8-bit image from its histogram (scoreFraction 0: the plain maximum); no copy of the image.</summary>
    [LibraryImport(Library)]
    public static partial int pixSplitDistributionFgBg(IntPtr pix, float scoreFraction, int factor, out int threshold, IntPtr foreground, IntPtr background, IntPtr histogramPlot);

    /// <summary>1-bit image: 1 (black) where the 8-bit value is below <paramref name="threshold"/>.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixThresholdToBinary(IntPtr pix, int threshold);
}

/// <summary>libc's setenv: .NET's Environment.SetEnvironmentVariable does not reach native getenv (libgomp's).</summary>
internal static partial class LibcNative
{
    public const string Library = "connector-libc";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr getenv(string name);

    /// <summary>RUSAGE_CHILDREN: the children that ended and were waited for.</summary>
    public const int ResourceUsageChildren = -1;

    /// <summary>getrusage (sys/resource.h): CPU time used, here by the process's ended children.</summary>
    [LibraryImport(Library)]
    public static partial int getrusage(int who, out ResourceUsage usage);

    /// <summary>glibc's mallopt (malloc.h); 1 when the value was taken.</summary>
    [LibraryImport(Library)]
    public static partial int mallopt(int parameter, int value);
}

/// <summary>leptonica (allheaders.h): cutting, scaling and writing images, for showing an operator a region of a page.</summary>
internal static partial class LeptonicaNative
{
    /// <summary>IFF_PNG in leptonica's image file format enum.</summary>
    public const int FormatPng = 3;

    [LibraryImport(Library)]
    public static partial int pixGetDepth(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetWpl(IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixGetData(IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr boxCreate(int x, int y, int width, int height);

    [LibraryImport(Library)]
    public static partial void boxDestroy(ref IntPtr box);

    /// <summary>The part of <paramref name="pix"/> inside <paramref name="box"/>; <paramref name="clippedBox"/> may be IntPtr.Zero.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixClipRectangle(IntPtr pix, IntPtr box, IntPtr clippedBox);

    [LibraryImport(Library)]
    public static partial IntPtr pixScaleToSize(IntPtr pix, int width, int height);

    /// <summary>Encodes <paramref name="pix"/>; the bytes are leptonica's and are freed with <see cref="lept_free"/>.</summary>
    [LibraryImport(Library)]
    public static partial int pixWriteMem(out IntPtr data, out nuint size, IntPtr pix, int format);

    [LibraryImport(Library)]
    public static partial void lept_free(IntPtr memory);
}

/// <summary>struct rusage on 64-bit Linux: user and system CPU time (timeval: seconds, microseconds), then 14 longs.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ResourceUsage
{
    public long UserSeconds;
    public long UserMicroseconds;
    public long SystemSeconds;
    public long SystemMicroseconds;
    public fixed long Counters[14];

    public readonly TimeSpan Cpu => TimeSpan.FromSeconds(UserSeconds + SystemSeconds) + TimeSpan.FromMicroseconds(UserMicroseconds + SystemMicroseconds);
}
