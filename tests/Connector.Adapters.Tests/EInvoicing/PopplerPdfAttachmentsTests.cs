using System.Text;
using System.Xml.Linq;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.EInvoicing;

namespace Connector.Adapters.Tests.EInvoicing;

[Collection(PopplerCollection.Name)]
public sealed class PopplerPdfAttachmentsTests
{
    private static readonly PopplerPdfAttachments Extractor = new(new PdfToolOptions());

    [PopplerTheory]
    [InlineData("FR01_efacture_FX26-00101_EN16931.pdf", "FX26-00101", "EN 16931", "380")]
    [InlineData("FR01_efacture_FX26-00102_BASIC.pdf", "FX26-00102", "BASIC", "380")]
    [InlineData("FR01_efacture_FX26-00103_AVOIR.pdf", "FX26-00103", "EN 16931", "381")]
    [InlineData("FR01_efacture_FX26-00104_BASICWL.pdf", "FX26-00104", "BASIC WL", "380")]
    public void Extract_SamplePdf_GivesFacturXXmlAndXmpLevel(string file, string number, string level, string typeCode)
    {
        using var pdf = File.OpenRead(Path.Combine(Poppler.SamplesFolder, file));

        var result = Extractor.Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Ok, result.Message);
        var attachment = result.Attachments.ShouldHaveSingleItem();
        attachment.Name.ShouldBe("factur-x.xml");
        var xml = XDocument.Load(new MemoryStream(attachment.Content));
        xml.Root!.Name.LocalName.ShouldBe("CrossIndustryInvoice");
        var document = xml.Root.Elements().Single(e => e.Name.LocalName == "ExchangedDocument");
        document.Elements().Single(e => e.Name.LocalName == "ID").Value.ShouldBe(number);
        document.Elements().Single(e => e.Name.LocalName == "TypeCode").Value.ShouldBe(typeCode);
        result.XmpConformanceLevel.ShouldBe(level);
        result.XmpDocumentFileName.ShouldBe("factur-x.xml");
    }

    [PopplerFact]
    public void Extract_MemoryStream_IsCopiedAndRead()
    {
        using var pdf = new MemoryStream(File.ReadAllBytes(Path.Combine(Poppler.SamplesFolder, "FR01_efacture_FX26-00102_BASIC.pdf")));

        var result = Extractor.Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Ok, result.Message);
        Encoding.UTF8.GetString(result.Attachments.ShouldHaveSingleItem().Content).ShouldContain("<ram:ID>FX26-00102</ram:ID>");
        result.XmpConformanceLevel.ShouldBe("BASIC");
    }

    [PopplerCorpusFact]
    public void Extract_AkretionInvoiceWithDeliveryNote_GivesOnlyTheXml()
    {
        using var pdf = File.OpenRead(Path.Combine(Poppler.Corpus!, "einvoice", "akretion-factur-x", "tests", "fixtures", "pdf", "invoice_EN16931.pdf"));

        var result = Extractor.Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Ok, result.Message);
        var attachment = result.Attachments.ShouldHaveSingleItem();
        attachment.Name.ShouldBe("factur-x.xml");
        Encoding.ASCII.GetString(attachment.Content, 0, 5).ShouldNotBe("%PDF-");
        var xml = XDocument.Load(new MemoryStream(attachment.Content));
        xml.Root!.Name.LocalName.ShouldBe("CrossIndustryInvoice");
        xml.ToString().ShouldContain("F20260023");
        result.XmpConformanceLevel.ShouldBe("EN 16931");
    }

    [PopplerCorpusFact]
    public void Extract_EveryCorpusPdf_NeverThrowsAndGivesTheXmlTheCorpusLists()
    {
        var einvoice = Path.Combine(Poppler.Corpus!, "einvoice");
        var expected = File.ReadLines(Path.Combine(einvoice, "invoices_expected.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length > 1 && cells[1].StartsWith("embedded:", StringComparison.Ordinal))
            .ToLookup(cells => cells[0], cells => cells[1]["embedded:".Length..]);
        var pdfs = Directory.EnumerateFiles(einvoice, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        pdfs.Count.ShouldBeGreaterThan(50);
        var problems = new List<string>();
        var statuses = new Dictionary<PdfExtractionStatus, int>();

        foreach (var path in pdfs)
        {
            var relative = Path.GetRelativePath(einvoice, path).Replace('\\', '/');
            using var pdf = File.OpenRead(path);
            var result = Extractor.Extract(pdf);
            statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
            if (result.Status is PdfExtractionStatus.ToolMissing or PdfExtractionStatus.TimedOut)
            {
                problems.Add($"{relative}: {result.Status} {result.Message}");
            }

            if (result.Status != PdfExtractionStatus.Ok && result.Message is null)
            {
                problems.Add($"{relative}: {result.Status} without a message");
            }

            var names = result.Attachments.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in expected[relative].Where(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                if (!names.Contains(name))
                {
                    problems.Add($"{relative}: the corpus lists {name}, extraction gave {result.Status} [{string.Join(", ", names)}] {result.Message}");
                }
            }

            if (result.Attachments.Any(a => !a.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{relative}: a non-XML attachment was read");
            }
        }

        problems.ShouldBeEmpty();
        expected.Count.ShouldBeGreaterThan(50);
        statuses.GetValueOrDefault(PdfExtractionStatus.Ok).ShouldBeGreaterThanOrEqualTo(expected.Count);
    }

    [PopplerFact]
    public void Extract_TextFileNamedPdf_IsUnreadable()
    {
        using var folder = new TempFolder();
        var path = folder.Write("facture.pdf", Encoding.UTF8.GetBytes("Ceci n'est pas un PDF.\n"));
        using var pdf = File.OpenRead(path);

        var result = Extractor.Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Unreadable);
        result.Attachments.ShouldBeEmpty();
        result.Message.ShouldNotBeNull().ShouldStartWith("pdfdetach could not read the PDF (exit code ");
        result.Message.ShouldContain("Error");
    }

    [PopplerFact]
    public void Extract_AttachmentNamedWithAPath_IsSavedUnderOurNameOnly()
    {
        using var folder = new TempFolder();
        var marker = "<Invoice>escape</Invoice>"u8.ToArray();
        var bytes = TestPdf.WithAttachments(("../../escape.xml", marker), ("/tmp/evil-absolute.xml", marker), ("photo.jpg", [1, 2, 3]));
        var path = folder.Write("in.pdf", bytes);
        using var pdf = File.OpenRead(path);

        var result = Extractor.Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Ok, result.Message);
        result.Attachments.Select(a => a.Name).ShouldBe(["../../escape.xml", "/tmp/evil-absolute.xml"]);
        result.Attachments.ShouldAllBe(a => a.Content.SequenceEqual(marker));
        Directory.GetFiles(folder.Path).ShouldBe([path]);
        File.Exists(Path.Combine(Path.GetTempPath(), "escape.xml")).ShouldBeFalse();
        File.Exists("/tmp/evil-absolute.xml").ShouldBeFalse();
    }

    [PopplerFact]
    public void Extract_MoreXmlFilesThanTheLimit_ReadsTheFirstAndSaysSo()
    {
        var files = Enumerable.Range(1, 4).Select(i => ($"part{i}.xml", Encoding.UTF8.GetBytes($"<p>{i}</p>"))).ToArray();
        using var pdf = new MemoryStream(TestPdf.WithAttachments(files));

        var result = new PopplerPdfAttachments(new PdfToolOptions { MaxAttachments = 2 }).Extract(pdf);

        result.Status.ShouldBe(PdfExtractionStatus.Ok);
        result.Attachments.Select(a => a.Name).ShouldBe(["part1.xml", "part2.xml"]);
        result.Message.ShouldBe("The PDF holds 4 embedded XML files; only the first 2 were read.");
        result.XmpConformanceLevel.ShouldBeNull();
    }
}
