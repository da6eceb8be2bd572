using System.IO.Compression;
using Connector.Adapters.Targets.OracleFbdi;
using static Connector.Adapters.Tests.Targets.OracleFbdi.FbdiTestData;

namespace Connector.Adapters.Tests.Targets.OracleFbdi;

public sealed class FbdiPackageTests
{
    [Fact]
    public void Build_SameBatchTwice_IdenticalBytes()
    {
        var first = FbdiPackage.Build(Batch(Invoice("F-1"), Invoice("F-2")));
        Thread.Sleep(1100); // a zip stores times to 2 s; make sure no clock leaks in

        var second = FbdiPackage.Build(Batch(Invoice("F-1"), Invoice("F-2")));

        second.ShouldBe(first);
    }

    [Fact]
    public void Build_DifferentBatch_DifferentBytes()
    {
        FbdiPackage.Build(Batch(Invoice("F-1"))).ShouldNotBe(FbdiPackage.Build(Batch(Invoice("F-3"))));
    }

    [Fact]
    public void Build_Package_HoldsOnlyTheLinesCsvAtTheRootWithAFixedTime()
    {
        var batch = Batch(Invoice("F-1"));
        using var zip = new ZipArchive(new MemoryStream(FbdiPackage.Build(batch)), ZipArchiveMode.Read);

        var entry = zip.Entries.ShouldHaveSingleItem();
        entry.FullName.ShouldBe("RaInterfaceLinesAll.csv");
        entry.LastWriteTime.DateTime.ShouldBe(new DateTime(2000, 1, 1));
        using var reader = new StreamReader(entry.Open());
        reader.ReadToEnd().ShouldBe(AutoInvoiceLineWriter.ToText(batch));
    }

    [Fact]
    public void ReadLinesCsv_ZipWithoutLinesCsv_ThrowsInvalidData()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("other.csv");
        }

        buffer.Position = 0;
        Should.Throw<InvalidDataException>(() => FbdiPackage.ReadLinesCsv(buffer));
    }
}
