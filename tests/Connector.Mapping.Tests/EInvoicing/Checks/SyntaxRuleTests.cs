using Connector.Mapping.Problems;
using Connector.Mapping.Tests.EInvoicing.Readers;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

/// <summary>The syntax rules run by the reader: elements outside the syntax's namespaces, CII-DT-031.</summary>
public sealed class SyntaxRuleTests
{
    private static string Cii(string replace, string with)
    {
        var xml = CiiSamples.Invoice();
        xml.ShouldContain(replace);
        return xml.Replace(replace, with, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrittenCiiSample_NoSyntaxProblem()
        => ReaderHelper.Read(CiiSamples.Invoice()).Problems.ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceForeignElement || p.Code == "EN16931_CII_DT_031");

    [Fact]
    public void Read_CiiTermWithoutNamespace_WarnsForeignElementAndStillReadsIt()
    {
        var result = ReaderHelper.Read(Cii("<ram:BuyerReference>LEITWEG-1</ram:BuyerReference>", "<BuyerReference>LEITWEG-1</BuyerReference>"));

        var p = result.Problems.Single(x => x.Code == ProblemCodes.EInvoiceForeignElement);
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("BuyerReference");
        p.Message.ShouldContain("no namespace");
        result.Invoice!.BuyerReference.ShouldBe("LEITWEG-1");
    }

    [Fact]
    public void Read_AmountRestatingInvoiceCurrency_WarnsCiiDt031()
    {
        var result = ReaderHelper.Read(Cii("<ram:GrandTotalAmount>", "<ram:GrandTotalAmount currencyID=\"EUR\">"));

        var p = result.Problems.Single(x => x.Code == "EN16931_CII_DT_031");
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Field.ShouldBe("GrandTotalAmount");
    }

    [Fact]
    public void Read_AmountInAnotherCurrency_ErrorCiiDt031()
    {
        var result = ReaderHelper.Read(Cii("<ram:GrandTotalAmount>", "<ram:GrandTotalAmount currencyID=\"USD\">"));

        var p = result.Problems.Single(x => x.Code == "EN16931_CII_DT_031");
        p.Severity.ShouldBe(ProblemSeverity.Error);
        p.Value.ShouldBe("USD");
    }

    [Fact]
    public void Read_Zugferd1AmountsWithCurrency_NoCiiDt031()
        => ReaderHelper.Read(CiiSamples.Zugferd1).Problems.ShouldNotContain(p => p.Code == "EN16931_CII_DT_031" || p.Code == ProblemCodes.EInvoiceForeignElement);
}
