using Connector.Host.Bench;
using Connector.Host.Store;
using Connector.Mapping.Matching;

namespace Connector.Host.Tests.Bench;

public sealed class IngestBenchTests
{
    [Fact]
    public void FrenchVat_Siren_KeyIsTheOfficialOne()
    {
        // FR40 303 265 045 is a well-known valid id: key (12 + 3 x (303265045 mod 97)) mod 97 = 40.
        BenchCustomers.FrenchVat(303_265_045).ShouldBe("FR40303265045");
        TaxIdNormalizer.Normalize(BenchCustomers.FrenchVat(552_100_554)).ShouldContain(k => k.Kind == TaxIdKind.Siren && k.Value == "552100554");
    }

    [Fact]
    public void Write_SmallFile_ExactLineCountTroubleAndEveryKindOfReference()
    {
        using var fixture = new BenchFixture(lines: 20_000, customers: 2_000);

        fixture.Facts.Lines.ShouldBe(20_000);
        File.ReadLines(fixture.InvoiceFile, System.Text.Encoding.GetEncoding(1252)).Count().ShouldBe(20_001);
        fixture.Facts.References.Keys.ShouldBe(["account number", "VAT id only", "name only", "unknown account"], ignoreOrder: true);
        fixture.Facts.Trouble.Values.Sum().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task RunAsync_SmallRun_EveryPhaseMeasuredAndStoreAgreesWithEvaluation()
    {
        using var dir = new TempDirectory();
        var options = new BenchOptions(Lines: 4_000, Customers: 500, LinesPerInvoice: 5, WorkDirectory: dir.Path, Keep: true);

        var result = await new IngestBench(options, _ => { }).RunAsync(CancellationToken.None);

        result.File.Lines.ShouldBe(4_000);
        result.Raw.Lines.ShouldBe(4_000);
        result.StoreOutcomes.ShouldBe(result.EvaluateOutcomes, ignoreOrder: true);
        result.EvaluateOutcomes[RecordState.Ready].ShouldBeGreaterThan(0);
        result.EvaluateOutcomes[RecordState.Exception].ShouldBeGreaterThan(0);
        result.ExportedLines.ShouldBe(result.EvaluateOutcomes[RecordState.Ready] * 5L);
        result.Packages.ShouldBeGreaterThanOrEqualTo(1);
        new[] { result.Raw, result.Evaluate, result.Store, result.Export }.ShouldAllBe(p => p.Elapsed > TimeSpan.Zero && p.Memory.PeakWorkingSet > 0);
        Directory.EnumerateFiles(Path.Combine(dir.Path, "data", "outbox", "BENCH"), "*.zip").Count().ShouldBe(result.Packages);
    }
}
