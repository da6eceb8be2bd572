using Connector.Mapping.EInvoicing;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

public sealed class XmpRuleTests
{
    private static EInvoice Cii(EInvoiceProfile profile) => EInvoiceFixtures.Valid() with { Syntax = EInvoiceSyntax.Cii, Profile = profile };

    [Theory]
    [InlineData("EN 16931", "En16931")]
    [InlineData("COMFORT", "En16931")]
    [InlineData("BASIC WL", "BasicWl")]
    [InlineData("EXTENDED", "Extended")]
    [InlineData("XRECHNUNG", "XRechnung")]
    [InlineData("COMFORT", "Zugferd1Comfort")]
    public void Check_LevelAgreesWithXml_NoProblem(string level, string profile)
        => XmpRules.Check(level, Cii(Enum.Parse<EInvoiceProfile>(profile)), "a.pdf").ShouldBeNull();

    [Fact]
    public void Check_LevelThatDoesNotExist_WarnsXmpInvalid()
    {
        var p = XmpRules.Check("no thing", Cii(EInvoiceProfile.En16931), "a.pdf");

        p.ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.EInvoiceXmpInvalid);
        p.Severity.ShouldBe(ProblemSeverity.Warning);
        p.Value.ShouldBe("no thing");
    }

    [Fact]
    public void Check_NoLevel_WarnsXmpInvalid()
    {
        var p = XmpRules.Check(null, Cii(EInvoiceProfile.Basic), "a.pdf");

        p.ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.EInvoiceXmpInvalid);
        p.Message.ShouldContain("declares no");
    }

    [Fact]
    public void Check_LevelOfAnotherProfile_WarnsMismatch()
    {
        var p = XmpRules.Check("BASIC", Cii(EInvoiceProfile.Extended), "a.pdf");

        p.ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.EInvoiceProfileMismatch);
        p.Severity.ShouldBe(ProblemSeverity.Warning);
    }
}
