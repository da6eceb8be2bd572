using System.Diagnostics;

namespace Connector.Host.Bench;

/// <summary>Memory figures after a phase: the process's peak working set so far and the managed heap's peak in the phase.</summary>
internal sealed record MemoryFigures(long PeakWorkingSet, long ManagedPeak, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long Allocated);

/// <summary>
/// Watches memory while a phase runs: the managed heap is sampled every 20 ms (<see cref="GC.GetTotalMemory(bool)"/>
/// and the heap size of the last GC from <see cref="GC.GetGCMemoryInfo()"/>), the peak working set is the process's
/// own high-water mark (<see cref="Process.PeakWorkingSet64"/>).
/// </summary>
internal sealed class BenchMemory : IDisposable
{
    private readonly Timer _timer;
    private long _managedPeak;
    private TimeSpan _pause;
    private int _gen0;
    private int _gen1;
    private int _gen2;
    private long _allocated;

    public BenchMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    /// <summary>Starts a new phase: the managed peak is counted again from now.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _managedPeak, 0);
        _pause = GC.GetTotalPauseDuration();
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
        _allocated = GC.GetTotalAllocatedBytes();
    }

    public MemoryFigures Read()
    {
        Sample();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryFigures(
            process.PeakWorkingSet64,
            Interlocked.Read(ref _managedPeak),
            GC.GetTotalPauseDuration() - _pause,
            GC.CollectionCount(0) - _gen0,
            GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2,
            GC.GetTotalAllocatedBytes() - _allocated);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = Math.Max(GC.GetTotalMemory(false), GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        long seen;
        while (now > (seen = Interlocked.Read(ref _managedPeak)) && Interlocked.CompareExchange(ref _managedPeak, now, seen) != seen)
        {
        }
    }
}
