using System.Globalization;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;
using Xunit.Abstractions;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>The readers against the real e-invoices of the shared corpus and the independently recomputed expectations.</summary>
public sealed class CorpusReadingTests(ITestOutputHelper output)
{
    private static readonly string[] BrokenMarkers = ["invalid", "corrupted", "fail", "wrong", "errors"];

    [CorpusFact]
    public void Read_EveryXmlRowOfExpectedCsv_MatchesNumberDatesPartiesLinesAndTotals()
    {
        var rows = ExpectedCsv.Rows().Where(r => r["source"] == "xml").ToList();
        rows.Count.ShouldBeGreaterThan(100, "the expectations CSV should list the corpus' XML e-invoices");
        var mismatches = new List<string>();
        var passed = 0;
        foreach (var row in rows)
        {
            var found = CorpusComparison.Compare(row);
            if (found.Count == 0)
            {
                passed++;
            }

            mismatches.AddRange(found.Select(m => $"{row["file"]}: {m}"));
        }

        output.WriteLine($"{passed.ToString(CultureInfo.InvariantCulture)} of {rows.Count.ToString(CultureInfo.InvariantCulture)} XML rows match in every column.");
        mismatches.ShouldBeEmpty(string.Join(Environment.NewLine, mismatches));
    }

    [CorpusFact]
    public void Read_ExtendedSubInvoiceLineSamples_DetailLinesSumToTheLineTotal()
    {
        string[] samples =
        [
            "mustang/library/src/test/resources/cii/UC11_F202600022_EXTENDED_FX_CII_BT-X-589Only_on_GROUP_Line.xml",
            "mustang/validator/src/test/resources/UC10_F202600004_EXTENDED_FX_CII_Commentee.xml",
        ];
        foreach (var sample in samples)
        {
            var invoice = ReadCorpus(sample);
            invoice.Lines.ShouldContain(l => l.Role == LineRole.Group, sample);
            invoice.Lines.Where(l => l.ParentId is not null).ShouldAllBe(l => invoice.Lines.Any(g => g.Id == l.ParentId && g.Role == LineRole.Group), sample);
            invoice.Lines.Where(l => l.Role == LineRole.Detail).Sum(l => l.NetAmount ?? 0m).ShouldBe(invoice.Totals.LineTotal.ShouldNotBeNull(), sample);
        }
    }

    [CorpusFact]
    public void Read_CrossFormatTwinsThatAgree_GiveEqualNumberDateCurrencyTotalsAndLineCount()
    {
        var twins = File.ReadAllLines(EInvoiceCorpus.EInvoicePath("cross_format_agreement.txt"))
            .Where(l => l.EndsWith(": CII+FX+UBL agree", StringComparison.Ordinal))
            .Select(l => l["XML-Rechnung:".Length..l.IndexOf(": CII", StringComparison.Ordinal)])
            .ToList();
        twins.Count.ShouldBe(22);
        var differences = new List<string>();
        foreach (var name in twins)
        {
            var cii = ReadCorpus($"zugferd-corpus/XML-Rechnung/CII/{name}.cii.xml");
            var ubl = ReadCorpus($"zugferd-corpus/XML-Rechnung/UBL/{name}.ubl.xml");
            differences.AddRange(CorpusComparison.Differences(CorpusComparison.Essentials(cii), CorpusComparison.Essentials(ubl)).Select(d => $"{name}: {d}"));
        }

        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
    }

    [CorpusFact]
    public void Read_Zugferd1MigrationInputs_AgreeWithTheirZugferd2References()
    {
        var folder = EInvoiceCorpus.EInvoicePath("mustang/library/src/test/resources/migration");
        var inputs = Directory.GetFiles(Path.Combine(folder, "input"), "ZUGFeRD1*.xml");
        inputs.Length.ShouldBe(4);
        var differences = new List<string>();
        foreach (var input in inputs)
        {
            var name = Path.GetFileName(input);
            var zugferd1 = Read(input);
            var zugferd2 = Read(Path.Combine(folder, "reference", name.Replace("ZUGFeRD1", "ZUGFeRD2", StringComparison.Ordinal)));
            zugferd1.Syntax.ShouldBe(EInvoiceSyntax.Zugferd1);
            zugferd2.Syntax.ShouldBe(EInvoiceSyntax.Cii);
            differences.AddRange(CorpusComparison.Differences(CorpusComparison.Essentials(zugferd1), CorpusComparison.Essentials(zugferd2)).Select(d => $"{name}: {d}"));
        }

        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
    }

    [CorpusFact]
    public void Read_AkretionZugferd1Samples_ReadWithTheirProfiles()
    {
        var profiles = new Dictionary<string, EInvoiceProfile>
        {
            ["zugferd-basic.xml"] = EInvoiceProfile.Zugferd1Basic,
            ["zugferd-comfort.xml"] = EInvoiceProfile.Zugferd1Comfort,
            ["zugferd-extended.xml"] = EInvoiceProfile.Zugferd1Extended,
        };
        foreach (var (file, profile) in profiles)
        {
            var invoice = ReadCorpus($"akretion-factur-x/tests/fixtures/xml/{file}");
            invoice.Syntax.ShouldBe(EInvoiceSyntax.Zugferd1);
            invoice.Profile.ShouldBe(profile, file);
            invoice.Number.ShouldNotBeNull(file);
            invoice.Totals.TaxInclusive.ShouldNotBeNull(file);
            invoice.Lines.ShouldNotBeEmpty(file);
        }
    }

    [CorpusFact]
    public void Read_EveryBrokenOrFailFile_GivesAnInvoiceOrProblemsAndNeverThrows()
    {
        var root = EInvoiceCorpus.EInvoicePath(string.Empty);
        var broken = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}fail{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || BrokenMarkers.Any(m => Path.GetFileName(f).Contains(m, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        broken.Count.ShouldBeGreaterThan(5);
        foreach (var file in broken)
        {
            using var stream = File.OpenRead(file);
            var format = EInvoiceXml.Detect(stream);
            var result = EInvoiceXml.Read(stream, Path.GetFileName(file));
            if (result.Invoice is null)
            {
                result.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error, file);
            }

            if (format == EInvoiceFormat.Pdf)
            {
                result.Problems.ShouldContain(p => p.Code == ProblemCodes.UnknownFormat, file);
            }

            output.WriteLine($"{Path.GetRelativePath(root, file)}: {format}, invoice {(result.Invoice is null ? "none" : "read")}, {result.Problems.Count.ToString(CultureInfo.InvariantCulture)} problem(s)");
        }
    }

    [CorpusFact]
    public void Detect_CorpusFiles_TellsPdfsUblCiiZugferd1AndOthersApart()
    {
        Detect("akretion-factur-x/tests/fixtures/pdf/invoice_EN16931.pdf").ShouldBe(EInvoiceFormat.Pdf);
        Detect("akretion-factur-x/tests/fixtures/xml/factur-x-en16931.xml").ShouldBe(EInvoiceFormat.Cii);
        Detect("akretion-factur-x/tests/fixtures/xml/zugferd-basic.xml").ShouldBe(EInvoiceFormat.Zugferd1);
        Detect("akretion-factur-x/tests/fixtures/xml/order-x-basic.xml").ShouldBe(EInvoiceFormat.OrderX);
        Detect("oasis-ubl/xml/UBL-Invoice-2.1-Example.xml").ShouldBe(EInvoiceFormat.UblInvoice);
        Detect("oasis-ubl/xml/UBL-CreditNote-2.1-Example.xml").ShouldBe(EInvoiceFormat.UblCreditNote);
        Detect("oasis-ubl/xml/UBL-RemittanceAdvice-2.0-Example.xml").ShouldBe(EInvoiceFormat.OtherXml);
        Detect("mustang/library/src/test/resources/cii/bt17-response_1760553749128.cii.xml").ShouldBe(EInvoiceFormat.UblInvoice);
    }

    [CorpusFact]
    public void Read_UblRemittanceAdviceAndOrderX_AreRefusedSayingWhatTheyAre()
    {
        var remittance = ReadResult("oasis-ubl/xml/UBL-RemittanceAdvice-2.0-Example.xml");
        remittance.Invoice.ShouldBeNull();
        remittance.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EInvoiceUnknownRoot);
        remittance.Problems[0].Message.ShouldContain("remittance advice");

        var order = ReadResult("akretion-factur-x/tests/fixtures/xml/order-x-basic.xml");
        order.Invoice.ShouldBeNull();
        order.Problems.ShouldHaveSingleItem().Message.ShouldContain("Order-X");
    }

    private static EInvoiceFormat Detect(string relative)
    {
        using var stream = File.OpenRead(EInvoiceCorpus.EInvoicePath(relative));
        var format = EInvoiceXml.Detect(stream);
        stream.Position.ShouldBe(0);
        return format;
    }

    private static EInvoiceReadResult ReadResult(string relative)
    {
        using var stream = File.OpenRead(EInvoiceCorpus.EInvoicePath(relative));
        return EInvoiceXml.Read(stream, Path.GetFileName(relative));
    }

    private static EInvoice ReadCorpus(string relative) => Read(EInvoiceCorpus.EInvoicePath(relative));

    private static EInvoice Read(string path)
    {
        using var stream = File.OpenRead(path);
        var result = EInvoiceXml.Read(stream, Path.GetFileName(path));
        result.Invoice.ShouldNotBeNull($"{path}: {string.Join("; ", result.Problems)}");
        return result.Invoice;
    }
}
