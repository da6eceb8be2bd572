using System.Runtime.InteropServices;

namespace Connector.Adapters.Ocr;

/// <summary>
/// Keeps glibc's malloc from handing Tesseract's large per-page buffers back to the kernel after every page. By default
/// glibc serves blocks over 128 KB-32 MB with mmap and trims freed heap tops at 128 KB, so each page maps and unmaps
/// its line and network buffers: about 7,500 page faults and 20-40 ms of kernel time per page, and in a process whose
/// engines run on several threads every munmap also stops the other cores (TLB shootdown). Raising the mmap threshold
/// to 32 MB and the trim threshold to 64 MB keeps those buffers in the heap for reuse: about 1,000 faults and 6-13 ms
/// of kernel time per page, at the cost of keeping the busiest page's working memory (measured +15 MB with 2 engines).
/// Done once, when libtesseract is loaded, on glibc only; left alone when the operator tuned malloc already
/// (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_, GLIBC_TUNABLES).
/// </summary>
internal static class NativeHeap
{
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 64 * 1024 * 1024;

    private static readonly string[] OperatorSettings = ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"];

    /// <summary>Whether the thresholds were set by <see cref="Tune"/> in this process.</summary>
    public static bool Tuned { get; private set; }

    public static void Tune(IntPtr libc)
    {
        if (Tuned || !OperatingSystem.IsLinux() || libc == IntPtr.Zero
            || !NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _)
            || OperatorSettings.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))))
        {
            return;
        }

        var mmap = LibcNative.mallopt(MmapThreshold, MmapThresholdBytes) == 1;
        var trim = LibcNative.mallopt(TrimThreshold, TrimThresholdBytes) == 1;
        Tuned = mmap && trim;
    }
}
