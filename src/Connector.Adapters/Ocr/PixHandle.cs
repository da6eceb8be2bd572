using System.Runtime.InteropServices;

namespace Connector.Adapters.Ocr;

/// <summary>A leptonica PIX owned by .NET: destroyed (pixDestroy) on dispose or, at the latest, on finalisation.</summary>
internal sealed class PixHandle : SafeHandle
{
    private PixHandle(IntPtr pix)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(pix);

    public override bool IsInvalid => handle == IntPtr.Zero;

    public IntPtr Pointer => handle;

    public int Width => LeptonicaNative.pixGetWidth(handle);

    public int Height => LeptonicaNative.pixGetHeight(handle);

    /// <summary>The horizontal resolution the image says (0 when it says none).</summary>
    public int XResolution => LeptonicaNative.pixGetXRes(handle);

    /// <summary>Takes ownership of a PIX* returned by leptonica; null when it returned NULL.</summary>
    public static PixHandle? Own(IntPtr pix) => pix == IntPtr.Zero ? null : new PixHandle(pix);

    /// <summary>8-bit gray without colour map, then global Otsu (a tile larger than any page): a 1-bit image.</summary>
    public PixHandle? Binarize()
    {
        using var gray = Own(LeptonicaNative.pixConvertTo8(handle, 0));
        if (gray is null)
        {
            return null;
        }

        var status = LeptonicaNative.pixOtsuAdaptiveThreshold(gray.Pointer, 20000, 20000, 0, 0, 0f, IntPtr.Zero, out var binary);
        var result = Own(binary);
        if (status != 0)
        {
            result?.Dispose();
            return null;
        }

        return result;
    }

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        LeptonicaNative.pixDestroy(ref pix);
        return true;
    }
}
