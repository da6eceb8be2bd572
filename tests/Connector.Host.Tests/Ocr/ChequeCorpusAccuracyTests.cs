using Connector.Host.Bench;
using Connector.Mapping.Ocr;
using Connector.Mapping.Ocr.Cheques;
using Connector.Mapping.Problems;

namespace Connector.Host.Tests.Ocr;

/// <summary>
/// Every synthetic cheque and stub of the shared corpus through the real engine (libtesseract, its language from the
/// ground truth), the page classifier and the readers: every ground-truth field read right; and the cheque/stub pairs
/// through the trust checks and the remittance.
/// </summary>
public sealed class ChequeCorpusAccuracyTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    /// <summary>The entity's currency: the English samples' payer is Canadian and their pages show no currency.</summary>
    private static readonly OcrReaderOptions Options = new(Currency: "CAD");

    public static TheoryData<string> Images()
    {
        var data = new TheoryData<string>();
        if (Tesseract.Cheques is not null)
        {
            foreach (var json in Directory.GetFiles(Tesseract.Synthetic, "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(json));
            }
        }
        else
        {
            data.Add("(corpus absent)");
        }

        return data;
    }

    [TesseractCorpusTheory]
    [MemberData(nameof(Images))]
    public void Read_SyntheticImage_EveryFieldEqualsItsGroundTruth(string name)
    {
        var truth = OcrGroundTruth.Load(Path.Combine(Tesseract.Synthetic, name + ".json"));
        var page = Read(truth);

        var kind = ScanPageClassifier.Classify(page);

        kind.ShouldBe(truth.IsCheque ? ScanPageKind.Cheque : ScanPageKind.Stub, $"{name}: classified as {kind}");
        var (cheque, stub) = ReadAs(kind, page, name);
        var results = OcrGroundTruth.Compare(truth, cheque, stub);
        results.Count.ShouldBeGreaterThanOrEqualTo(truth.IsCheque ? 10 : 11);
        var flagged = Flagged(cheque);
        var unequal = results.Where(r => !r.Equal && !flagged.Contains(r.Field))
            .Select(r => $"{r.Field}: expected '{r.Expected}', read '{r.Actual ?? "(nothing)"}'").ToList();
        unequal.ShouldBeEmpty($"{name}: {unequal.Count} of {results.Count} fields differ:\n" + string.Join('\n', unequal));
    }

    /// <summary>
    /// The MICR fields a trust check flags on this cheque: the stock model misreads the sample's MICR digits (a zero
    /// with a dot inside read as 6 or 9 next to the symbols), so a MICR field may differ from the truth, but never
    /// silently: a routing number that fails its check digit, a MICR cheque number that is not the printed one.
    /// The account has no check: it must be right.
    /// </summary>
    private static HashSet<string> Flagged(ChequeReading? cheque)
    {
        var checks = cheque is null ? [] : ChequeTrust.Check(cheque, null);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        if (checks.Any(c => c.Code == ProblemCodes.MicrCheckDigit))
        {
            flagged.Add("micr.routing");
        }

        if (checks.Any(c => c.Code == ProblemCodes.OcrAmbiguous && c.Field == "Number" && c.Message.Contains("MICR", StringComparison.Ordinal)))
        {
            flagged.Add("micr.cheque_number");
        }

        return flagged;
    }

    [TesseractCorpusTheory]
    [InlineData("02")]
    [InlineData("03")]
    public void Build_ConsistentChequeAndStub_CleanRemittanceWithTheStubRows(string number)
    {
        var (cheque, stub) = Pair(number);

        var checks = ChequeTrust.Check(cheque, stub);
        var mapped = ChequeRemittance.Build(cheque, stub);

        checks.Where(c => c.Severity == ProblemSeverity.Error).ShouldBeEmpty(string.Join('\n', checks.Select(c => c.ToProblem().Message)));
        ChequeRemittance.IsClean(mapped).ShouldBeTrue(string.Join('\n', mapped.Problems.Select(p => p.Message)));
        mapped.Remittance.PaymentNumber.ShouldBe(cheque.Number!.Value);
        mapped.Remittance.Amount.ShouldBe(stub.Total!.Net!.Value);
        mapped.Remittance.Lines.Select(l => l.Reference).ShouldBe(stub.Rows.Select(r => r.Invoice!.Value));
        mapped.Remittance.Lines.Sum(l => l.AmountPaid ?? 0).ShouldBe(cheque.AmountInFigures!.Value);
    }

    [TesseractCorpusFact]
    public void Build_ChequeOneAgainstItsStubWithAnotherTotal_FlaggedMismatchAndNotClean()
    {
        var (cheque, stub) = Pair("01");

        var mapped = ChequeRemittance.Build(cheque, stub);

        cheque.AmountInFigures!.Value.ShouldBe(12345.67m);
        stub.Total!.Net!.Value.ShouldBe(17251.00m);
        mapped.Problems.ShouldContain(p => p.Code == ProblemCodes.OcrChequeStubMismatch && p.Severity == ProblemSeverity.Error);
        ChequeRemittance.IsClean(mapped).ShouldBeFalse();
    }

    private (ChequeReading Cheque, StubReading Stub) Pair(string number)
    {
        var chequeTruth = OcrGroundTruth.Load(Path.Combine(Tesseract.Synthetic, $"cheque_en_{number}.json"));
        var stubTruth = OcrGroundTruth.Load(Path.Combine(Tesseract.Synthetic, $"stub_en_{number}.json"));
        var cheque = ChequeReader.Read(Read(chequeTruth), "CA01", chequeTruth.Image, Options);
        var stub = StubReader.Read(Read(stubTruth), "CA01", stubTruth.Image, Options);
        return (cheque, stub);
    }

    private static (ChequeReading? Cheque, StubReading? Stub) ReadAs(ScanPageKind kind, OcrPage page, string name) => kind switch
    {
        ScanPageKind.Cheque => (ChequeReader.Read(page, "CA01", name, Options), null),
        ScanPageKind.Stub => (null, StubReader.Read(page, "CA01", name, Options)),
        _ => (null, null),
    };

    private OcrPage Read(GroundTruth truth) => fixture.Engine.Read(File.ReadAllBytes(Path.Combine(Tesseract.Synthetic, truth.Image)), truth.Language);
}
