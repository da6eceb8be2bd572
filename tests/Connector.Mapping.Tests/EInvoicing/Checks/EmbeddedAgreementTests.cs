using System.Text;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;
using Connector.Mapping.Tests.EInvoicing.Readers;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class EmbeddedAgreementTests
{
    private static PdfAttachment File(string name, string xml) => new(name, Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Check_SecondXmlOfTheSameInvoice_NoProblem()
    {
        var chosen = ReaderHelper.Invoice(CiiSamples.Invoice());

        EmbeddedAgreement.Check(chosen, "factur-x.xml", [File("ZUGFeRD-invoice.xml", CiiSamples.Invoice())], "a.pdf").ShouldBeNull();
    }

    [Fact]
    public void Check_SecondXmlWithAnotherTotal_RefusesTheDocument()
    {
        var chosen = ReaderHelper.Invoice(CiiSamples.Invoice());

        var p = EmbeddedAgreement.Check(chosen, "factur-x.xml", [File("ZUGFeRD-invoice.xml", CiiSamples.Invoice(grandTotal: "218.75"))], "a.pdf");

        p.ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.EInvoiceEmbeddedDisagree);
        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Message.ShouldContain("total with VAT (BT-112) '118.75' / '218.75'");
    }

    [Fact]
    public void Check_UnreadableSecondFile_NotJudged()
    {
        var chosen = ReaderHelper.Invoice(CiiSamples.Invoice());

        EmbeddedAgreement.Check(chosen, "factur-x.xml", [File("broken.xml", "<not-closed>")], "a.pdf").ShouldBeNull();
    }
}
