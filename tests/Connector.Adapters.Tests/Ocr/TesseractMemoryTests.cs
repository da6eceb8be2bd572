using System.Globalization;
using Connector.Adapters.Ocr;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>Resident memory is the whole process's: this test runs alone, so that other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(TesseractMemoryCollection), DisableParallelization = true)]
public sealed class TesseractMemoryCollection;

[Collection(nameof(TesseractMemoryCollection))]
public sealed class TesseractMemoryTests
{
    [TesseractFact]
    public void Read_Repeated200Times_NativeMemoryStaysStable()
    {
        using var engine = new TesseractEngine(new TesseractOptions { MaxEngines = 1 });
        var image = TestImages.Pgm(TestImages.Page(2000, 1000));
        for (var i = 0; i < 30; i++)
        {
            engine.Read(image, "eng");
        }

        var before = ResidentBytes();
        for (var i = 0; i < 200; i++)
        {
            engine.Read(image, "eng");
        }

        // A PIX left behind per read (2 MB gray + its binary copy) would add some 800 MB over 200 reads.
        (ResidentBytes() - before).ShouldBeLessThan(100L * 1024 * 1024);
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
