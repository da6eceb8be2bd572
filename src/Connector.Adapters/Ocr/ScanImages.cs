using System.Globalization;
using System.Runtime.InteropServices;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Ocr;

/// <summary>One page of a scanned file as an 8-bit grey PNG, with its size in pixels (the space of its OCR boxes).</summary>
internal sealed record PageImage(int Width, int Height, byte[] Png);

/// <summary>
/// Shows an operator where on a scanned page a field was read: the page of a scanned file (image, TIFF, PDF, X9.37
/// cheque), the field's region cut out as a PNG, and the region scaled down for a terminal preview. All the image work
/// is leptonica's (the library the OCR engine already loads); every PIX, BOX and buffer it allocates is freed here.
/// Throws <see cref="OcrUnavailableException"/> when leptonica cannot be loaded.
/// </summary>
internal static class ScanImages
{
    public const int DefaultMargin = 24;

    /// <summary>
    /// The page (1-based) of a scanned file: an image's only page, a TIFF's page N, a PDF's page N rendered with
    /// pdftoppm (at <see cref="PdfScanOptions.Dpi"/>, within its time limit), an X9.37 file's N-th cheque front image.
    /// Null when there is no such page; <see cref="InvalidDataException"/> when the file or the page cannot be read.
    /// </summary>
    public static PageImage? Page(ReadOnlyMemory<byte> file, int page, PdfScanOptions? pdf = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ct.ThrowIfCancellationRequested();
        LoadLeptonica();
        using var pix = ScanPageReader.Read(file, page, pdf ?? new PdfScanOptions(), ct);
        if (pix is null)
        {
            return null;
        }

        using var grey = ToGrey(pix);
        return new PageImage(grey.Width, grey.Height, Png(grey));
    }

    /// <summary>The region (clamped to the page, with <paramref name="margin"/> pixels around it) cut out as an 8-bit grey PNG.</summary>
    public static byte[] Crop(PageImage page, OcrBox region, int margin = DefaultMargin)
    {
        using var clip = Clip(page, region, margin);
        return Png(clip);
    }

    /// <summary>
    /// The region (with its margin, clamped to the page) scaled to fit <paramref name="columns"/> x <paramref name="rows"/>
    /// pixels, aspect kept, as grey levels 0 (black) to 255 (white) indexed [row, column]: for a terminal preview.
    /// </summary>
    public static byte[,] Preview(PageImage page, OcrBox region, int columns, int rows, int margin = DefaultMargin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        using var clip = Clip(page, region, margin);
        var scale = Math.Min((double)columns / clip.Width, (double)rows / clip.Height);
        var width = Math.Clamp((int)Math.Round(clip.Width * scale, MidpointRounding.AwayFromZero), 1, columns);
        var height = Math.Clamp((int)Math.Round(clip.Height * scale, MidpointRounding.AwayFromZero), 1, rows);
        using var scaled = PixHandle.Own(LeptonicaNative.pixScaleToSize(clip.Pointer, width, height))
            ?? throw new InvalidOperationException("leptonica could not scale the region.");
        return Grey(scaled);
    }

    /// <summary>The grey levels of an image leptonica reads (PNG, JPEG, TIFF's first page, PNM), indexed [row, column].</summary>
    public static byte[,] Pixels(ReadOnlySpan<byte> image)
    {
        LoadLeptonica();
        using var pix = Decode(image) ?? throw new InvalidDataException("The bytes are not an image leptonica can read.");
        return Grey(pix);
    }

    private static PixHandle Clip(PageImage page, OcrBox region, int margin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        if (region.Width <= 0 || region.Height <= 0)
        {
            throw new ArgumentException($"The region {Describe(region)} is empty: it has no width or no height.", nameof(region));
        }

        LoadLeptonica();
        using var pix = Decode(page.Png) ?? throw new InvalidDataException("The page image is not an image leptonica can read.");
        var (width, height) = (pix.Width, pix.Height);
        if (region.Left >= width || region.Top >= height || (long)region.Left + region.Width <= 0 || (long)region.Top + region.Height <= 0)
        {
            throw new ArgumentException(
                $"The region {Describe(region)} lies outside the page ({width.ToString(CultureInfo.InvariantCulture)} x {height.ToString(CultureInfo.InvariantCulture)} pixels).",
                nameof(region));
        }

        var left = (int)Math.Max(0L, (long)region.Left - margin);
        var top = (int)Math.Max(0L, (long)region.Top - margin);
        var right = (int)Math.Min(width, (long)region.Left + region.Width + margin);
        var bottom = (int)Math.Min(height, (long)region.Top + region.Height + margin);
        var box = LeptonicaNative.boxCreate(left, top, right - left, bottom - top);
        if (box == IntPtr.Zero)
        {
            throw new InvalidOperationException("leptonica could not create a box.");
        }

        try
        {
            return PixHandle.Own(LeptonicaNative.pixClipRectangle(pix.Pointer, box, IntPtr.Zero))
                ?? throw new InvalidOperationException("leptonica could not cut the region out of the page.");
        }
        finally
        {
            LeptonicaNative.boxDestroy(ref box);
        }
    }

    /// <summary>Reads an image and makes it 8-bit grey without colour map (1-bit black is 0, white 255; colour by luminance).</summary>
    private static PixHandle? Decode(ReadOnlySpan<byte> image)
    {
        if (image.IsEmpty)
        {
            return null;
        }

        using var pix = PixHandle.Own(LeptonicaNative.pixReadMem(ref MemoryMarshal.GetReference(image), (nuint)image.Length));
        return pix is null ? null : ToGrey(pix);
    }

    internal static PixHandle ToGrey(PixHandle pix)
        => PixHandle.Own(LeptonicaNative.pixConvertTo8(pix.Pointer, 0))
            ?? throw new InvalidDataException($"leptonica could not make the {LeptonicaNative.pixGetDepth(pix.Pointer).ToString(CultureInfo.InvariantCulture)}-bit image 8-bit grey.");

    private static byte[] Png(PixHandle pix)
    {
        if (LeptonicaNative.pixWriteMem(out var data, out var size, pix.Pointer, LeptonicaNative.FormatPng) != 0 || data == IntPtr.Zero)
        {
            throw new InvalidOperationException("leptonica could not write the image as PNG.");
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

    /// <summary>
    /// The pixels of an 8-bit PIX. leptonica keeps each row as 32-bit words, the leftmost pixel in a word's most
    /// significant byte, whatever the machine's byte order.
    /// </summary>
    private static byte[,] Grey(PixHandle pix)
    {
        if (LeptonicaNative.pixGetDepth(pix.Pointer) != 8)
        {
            using var grey = ToGrey(pix);
            return Grey(grey);
        }

        var (width, height, wpl) = (pix.Width, pix.Height, LeptonicaNative.pixGetWpl(pix.Pointer));
        var words = new int[checked(wpl * height)];
        Marshal.Copy(LeptonicaNative.pixGetData(pix.Pointer), words, 0, words.Length);
        var pixels = new byte[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var word = (uint)words[(y * wpl) + (x >> 2)];
                pixels[y, x] = (byte)(word >> (24 - ((x & 3) << 3)));
            }
        }

        return pixels;
    }

    private static void LoadLeptonica() => TesseractLibrary.Load(TesseractLibrary.DefaultTesseractNames, TesseractLibrary.DefaultLeptonicaNames);

    private static string Describe(OcrBox r)
        => string.Create(CultureInfo.InvariantCulture, $"(left {r.Left}, top {r.Top}, width {r.Width}, height {r.Height})");
}
