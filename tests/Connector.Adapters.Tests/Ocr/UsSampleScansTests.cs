using System.Globalization;
using Connector.Adapters.Sources.X937;
using Connector.Mapping.Ocr;
using static Connector.Adapters.Tests.Ocr.UsSampleScanFiles;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>US01's sample cheque scans and X9.37 cash letter (mappings/us-acme/samples/cheques, made by make_scans.sh).</summary>
public sealed partial class UsSampleScansTests(TesseractEngineFixture fixture) : IClassFixture<TesseractEngineFixture>
{
    private const string CashLetter = "US01_cashletter_20261120";

    private readonly TesseractEngineFixture _fixture = fixture;

    [Fact]
    public void Read_Us01CashLetter_TwoChecksWithAmountsMicrFrontImagesAndReconciledControls()
    {
        var expected = Json(CashLetter + ".json");
        var file = X937Reader.Read(File.ReadAllBytes(PathOf(CashLetter + ".x937")), CashLetter + ".x937");

        file.Problems.ShouldBeEmpty();
        (file.Encoding, file.IsTest, file.CreationDate).ShouldBe((X937Encoding.Ascii, true, new DateOnly(2026, 11, 20)));
        file.ImmediateOrigin.ShouldBe(expected.GetProperty("immediate_origin").GetString());
        var items = expected.GetProperty("items").EnumerateArray().ToList();
        file.Checks.Count.ShouldBe(2);
        file.Checks.Sum(c => c.Amount).ShouldBe(expected.GetProperty("total_amount").GetDecimal());
        foreach (var (check, item) in file.Checks.Zip(items))
        {
            var micr = item.GetProperty("micr");
            check.AmountInCents.ShouldBe(item.GetProperty("amount_cents").GetInt64());
            check.Micr.RoutingNumber.ShouldBe(micr.GetProperty("routing").GetString());
            check.Micr.CheckDigitValid.ShouldBe(true);
            check.Micr.SerialNumber.ShouldBe(item.GetProperty("cheque_number").GetString());
            check.Micr.OnUs.ShouldBe(micr.GetProperty("account").GetString() + "/");
            check.BundleBusinessDate.ShouldBe(new DateOnly(2026, 11, 20));
            check.Images.Select(i => (i.Side, i.Format, i.Compression)).ShouldBe([(X937ViewSide.Front, "00", "00"), (X937ViewSide.Back, "00", "00")]);
            var front = TiffPages(check.Front!.Data.ToArray()).ShouldHaveSingleItem();
            (front.Compression, front.Dpi, front.Width).ShouldBe((4, 200, 1700));
        }
    }

    [Theory]
    [InlineData("US01_scan_0001_cheque.png", 1)]
    [InlineData("US01_scan_0002_stub.png", 1)]
    [InlineData("US01_scan_0003.tif", 2)]
    [InlineData("US01_scan_0004.pdf", 2)]
    [InlineData("inconsistent/wrong_total_cheque.png", 1)]
    [InlineData("inconsistent/wrong_total_stub.png", 1)]
    [InlineData("inconsistent/words_figures_cheque.png", 1)]
    [InlineData("inconsistent/words_figures_stub.png", 1)]
    public void Decode_SampleScan_SmallWholeGreyPagesAt300Dpi(string name, int pages)
    {
        var bytes = File.ReadAllBytes(PathOf(name));

        List<Raster> rasters = Path.GetExtension(name) switch
        {
            ".png" => [Png(bytes)],
            ".tif" => TiffPages(bytes),
            _ => Pdf(bytes) is var pdf && pdf.Pages == pdf.Images.Count ? pdf.Images : throw new InvalidDataException("a PDF page without its image"),
        };

        bytes.Length.ShouldBeLessThan(400 * 1024);
        rasters.Count.ShouldBe(pages);
        foreach (var page in rasters)
        {
            (page.Dpi, page.Width / 100).ShouldBe((300, 25), "an 8.5 in wide page at 300 dpi");
            page.Height.ShouldBeInRange(1000, 1500);
            page.Ink.ShouldBeInRange(0.005, 0.15, "ink on a light page");
        }
    }

    [Theory]
    [InlineData("US01_scan_0001_cheque.json", "US01_scan_0002_stub.json")]
    [InlineData("US01_scan_0003.p1.json", "US01_scan_0003.p2.json")]
    [InlineData("US01_scan_0004.p1.json", "US01_scan_0004.p2.json")]
    public void GroundTruth_PaymentScan_PaysTheSampleInvoicesOfAnActiveCustomerAndAddsUp(string chequeJson, string stubJson)
    {
        var (cheque, stub) = (Json(chequeJson), Json(stubJson));
        var account = cheque.GetProperty("payer_account").GetString()!;
        var customer = Customers()[account];
        var invoices = Invoices();

        cheque.GetProperty("payer_name").GetString().ShouldBe(customer["name"]);
        customer["status"].ShouldBe("active");
        customer["address"].ShouldStartWith(cheque.GetProperty("payer_address")[0].GetString()!);
        cheque.GetProperty("payee").GetString().ShouldBe("Acme Industrial Supply Inc.");
        AbaRoutingNumber.IsValid(cheque.GetProperty("micr").GetProperty("routing").GetString()).ShouldBeTrue();
        stub.GetProperty("cheque_number").GetString().ShouldBe(cheque.GetProperty("cheque_number").GetString());
        var rows = stub.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBeInRange(2, 3);
        foreach (var row in rows)
        {
            var invoice = invoices[row.GetProperty("invoice_no").GetString()!];
            (invoice["Customer Account"] is "" ? customer["name"] == invoice["Customer Name"] : invoice["Customer Account"] == account).ShouldBeTrue();
            row.GetProperty("amount").GetDecimal().ShouldBe(decimal.Parse(invoice["Invoice Total"], NumberStyles.Number, CultureInfo.InvariantCulture));
            row.GetProperty("invoice_date_text").GetString().ShouldBe(invoice["Invoice Date"]);
            (row.GetProperty("amount").GetDecimal() - row.GetProperty("discount").GetDecimal()).ShouldBe(row.GetProperty("net_paid").GetDecimal());
        }

        var total = stub.GetProperty("total");
        total.GetProperty("net_paid").GetDecimal().ShouldBe(rows.Sum(r => r.GetProperty("net_paid").GetDecimal()));
        total.GetProperty("amount").GetDecimal().ShouldBe(rows.Sum(r => r.GetProperty("amount").GetDecimal()));
        cheque.GetProperty("amount").GetDecimal().ShouldBe(total.GetProperty("net_paid").GetDecimal());
        cheque.GetProperty("words_amount").GetDecimal().ShouldBe(cheque.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public void GroundTruth_InconsistentScans_EachBreaksOnlyItsIntendedCheck()
    {
        var (wrongCheque, wrongStub) = (Json("inconsistent/wrong_total_cheque.json"), Json("inconsistent/wrong_total_stub.json"));
        var wrongRows = wrongStub.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("net_paid").GetDecimal());
        var (wordsCheque, wordsStub) = (Json("inconsistent/words_figures_cheque.json"), Json("inconsistent/words_figures_stub.json"));

        wrongCheque.GetProperty("amount").GetDecimal().ShouldBe(wrongRows);
        wrongCheque.GetProperty("words_amount").GetDecimal().ShouldBe(wrongRows);
        wrongStub.GetProperty("total").GetProperty("net_paid").GetDecimal().ShouldBe(wrongRows + 10.00m);
        wordsCheque.GetProperty("amount").GetDecimal().ShouldBe(wordsStub.GetProperty("total").GetProperty("net_paid").GetDecimal());
        (wordsCheque.GetProperty("amount").GetDecimal(), wordsCheque.GetProperty("words_amount").GetDecimal()).ShouldBe((1076.00m, 1067.00m));
        wordsCheque.GetProperty("amount_words").GetString().ShouldBe("One thousand sixty-seven and 00/100");
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Customers()
        => Rfc4180.Table(File.ReadAllText(Path.Combine(SamplesFolder, "..", "customers.csv"))).ToDictionary(r => r["account_number"], StringComparer.Ordinal);

    /// <summary>The first row of each invoice number in the AR exports (INV-104236 comes twice: the first is the real one).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Invoices()
    {
        var invoices = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var day in new[] { "02", "03", "04" })
        {
            foreach (var row in Rfc4180.Table(File.ReadAllText(Path.Combine(SamplesFolder, $"acme_ar_export_202611{day}.csv"))))
            {
                invoices.TryAdd(row["Invoice No"], row);
            }
        }

        return invoices;
    }
}
