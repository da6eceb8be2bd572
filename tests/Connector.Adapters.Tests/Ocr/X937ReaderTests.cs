using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Connector.Adapters.Sources.X937;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Tests.Ocr;

public sealed class X937ReaderTests
{
    [CorpusTheory]
    [InlineData("valid-ascii.x937", false)]
    [InlineData("valid-ebcdic.x937", true)]
    public void Read_MoovSample_MatchesItsLabelsAndImages(string name, bool ebcdic)
    {
        var file = X937Reader.Read(File.ReadAllBytes(Path.Combine(TestData, name)), name);

        file.Problems.ShouldBeEmpty();
        file.Encoding.ShouldBe(ebcdic ? X937Encoding.Ebcdic : X937Encoding.Ascii);
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData, "valid-x937.json")));
        var header = labels.RootElement.GetProperty("fileHeader");
        file.IsTest.ShouldBe(header.GetProperty("testIndicator").GetString() == "T");
        file.ImmediateOrigin.ShouldBe(header.GetProperty("immediateOrigin").GetString());
        file.ImmediateDestination.ShouldBe(header.GetProperty("immediateDestination").GetString());
        file.CreationDate.ShouldBe(new DateOnly(2020, 10, 23));

        var expected = labels.RootElement.GetProperty("cashLetters")[0].GetProperty("bundles")[0].GetProperty("checks")[0];
        var check = file.Checks.ShouldHaveSingleItem();
        check.AmountInCents.ShouldBe(expected.GetProperty("itemAmount").GetInt64());
        check.Amount.ShouldBe(100.00m);
        check.Micr.PayorBankRouting.ShouldBe(expected.GetProperty("payorBankRoutingNumber").GetString());
        check.Micr.CheckDigit.ShouldBe(expected.GetProperty("payorBankCheckDigit").GetString());
        check.Micr.CheckDigitValid.ShouldBe(true);
        check.Micr.RoutingNumber.ShouldBe("122000661");
        check.Micr.OnUs.ShouldBe(expected.GetProperty("onUs").GetString());
        check.Micr.AuxiliaryOnUs.ShouldBe(expected.GetProperty("auxiliaryOnUs").GetString());
        check.Micr.SerialNumber.ShouldBe("1211");
        check.ItemSequenceNumber.ShouldBe(expected.GetProperty("eceInstitutionItemSequenceNumber").GetString());
        check.BundleBusinessDate.ShouldBe(new DateOnly(2020, 10, 23));
        check.Images.Select(i => i.Side).ShouldBe([X937ViewSide.Front, X937ViewSide.Back]);
        check.Front!.FileOffset.ShouldBe(625);
        check.Back!.FileOffset.ShouldBe(8238);
        check.Front.Data.ToArray().ShouldBe(File.ReadAllBytes(Path.Combine(Derived, "valid-x937_check1_front.tif")));
        check.Back.Data.ToArray().ShouldBe(File.ReadAllBytes(Path.Combine(Derived, "valid-x937_check1_back.tif")));
    }

    [CorpusFact]
    public void Read_ItemAmountChanged_ControlTotalsOfBundleCashLetterAndFileFail()
    {
        var bytes = Ascii();
        Overwrite(bytes, Record(bytes, 3), 48, "0000020000");

        var file = X937Reader.Read(bytes, "tampered.x937");

        file.HasErrors.ShouldBeTrue();
        file.Problems.Where(p => p.Code == ProblemCodes.BankControlTotal).Select(p => p.Field)
            .ShouldBe(["bundle total amount", "MICR valid total amount", "cash letter total amount", "file total amount"]);
        file.Checks.ShouldHaveSingleItem().Amount.ShouldBe(200.00m);
    }

    [CorpusFact]
    public void Read_RoutingCheckDigitWrong_WarnsAndSaysSo()
    {
        var bytes = Ascii();
        Overwrite(bytes, Record(bytes, 3), 27, "7");

        var file = X937Reader.Read(bytes, "digit.x937");

        file.Checks.ShouldHaveSingleItem().Micr.CheckDigitValid.ShouldBe(false);
        var problem = file.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Severity, problem.Value).ShouldBe((ProblemCodes.MicrCheckDigit, ProblemSeverity.Warning, "122000667"));
    }

    [CorpusFact]
    public void Read_BackImageRecordsRemoved_ImageAndRecordCountsFail()
    {
        var bytes = Ascii();
        var start = Record(bytes, 7) - 4;
        var end = Record(bytes, 9) - 4;
        var shorter = bytes[..start].Concat(bytes[end..]).ToArray();

        var file = X937Reader.Read(shorter, "short.x937");

        file.Problems.Where(p => p.Code == ProblemCodes.BankRecordCount).Select(p => p.Field)
            .ShouldBe(["images within bundle count", "images within cash letter count", "total record count"]);
        file.Checks.ShouldHaveSingleItem().Images.ShouldHaveSingleItem().Side.ShouldBe(X937ViewSide.Front);
    }

    [CorpusFact]
    public void Read_TruncatedFile_MalformedAndIncompleteWithoutThrowing()
    {
        var bytes = Ascii()[..9000];

        var file = X937Reader.Read(bytes, "cut.x937");

        file.Problems.Select(p => p.Code).ShouldBe([ProblemCodes.BankMalformed, ProblemCodes.BankMalformed]);
        file.Problems[1].Message.ShouldContain("no file control record");
    }

    [Fact]
    public void Read_NotAnX937File_UnknownFormat()
    {
        var file = X937Reader.Read(new MemoryStream(Encoding.ASCII.GetBytes("01,BANKID,CUSTID,260101,0800,1,,,2/\n")), "bai.txt");

        file.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BankUnknownFormat);
        file.Checks.ShouldBeEmpty();
    }

    [Fact]
    public void Read_StreamOverTheLimit_FileTooLarge()
    {
        var file = X937Reader.Read(new MemoryStream(new byte[1000]), "big.x937", maxBytes: 100);

        file.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.FileTooLarge);
    }

    [TesseractCorpusFact]
    public void Read_FrontImage_IsReadByTheOcrEngineAtItsOwnResolution()
    {
        var check = X937Reader.Read(Ascii(), "valid-ascii.x937").Checks.Single();
        using var engine = new Adapters.Ocr.TesseractEngine(new Adapters.Ocr.TesseractOptions { MaxEngines = 1 });

        var page = engine.Read(check.Front!.Data, "eng");

        (page.Width, page.Height, page.Dpi).ShouldBe((1200, 550, 200));
        page.Words.Select(w => w.Text).ShouldContain(check.Micr.SerialNumber);
    }

    private static string TestData => Path.Combine(Tesseract.Cheques!, "x937-check-images-moov", "test", "testdata");

    private static string Derived => Path.Combine(Tesseract.Cheques!, "x937-check-images-moov", "derived");

    private static byte[] Ascii() => File.ReadAllBytes(Path.Combine(TestData, "valid-ascii.x937"));

    /// <summary>The offset of record <paramref name="index"/>'s data (after its length), from 0.</summary>
    private static int Record(byte[] file, int index)
    {
        var offset = 0;
        for (var i = 0; i < index; i++)
        {
            offset += 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
        }

        return offset + 4;
    }

    private static void Overwrite(byte[] file, int record, int position, string text)
        => Encoding.ASCII.GetBytes(text).CopyTo(file, record + position - 1);
}

/// <summary>A fact on the shared cheque corpus: skipped when it is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = Tesseract.Cheques is null ? Tesseract.ChequesMissing : null;
}

/// <summary>A theory on the shared cheque corpus: skipped when it is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = Tesseract.Cheques is null ? Tesseract.ChequesMissing : null;
}
