using Connector.Mapping.CashApplication;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class InvoiceNumberNormalizerTests
{
    [Theory]
    [InlineData("INV-0001234")]
    [InlineData("inv 1234")]
    [InlineData("Invoice No. 0001234")]
    [InlineData("#1234")]
    [InlineData("Rechnung Nr. 1234")]
    [InlineData("FACT/001234")]
    public void Keys_PrefixesSeparatorsAndLeadingZeros_GiveOneCompactKey(string written)
        => InvoiceNumberNormalizer.Keys(written)!.Compact.ShouldBe("1234");

    [Fact]
    public void Keys_InnerGroupWithZeros_KeepsBothForms()
    {
        var keys = InvoiceNumberNormalizer.Keys("F26-004512")!;

        keys.Exact.ShouldBe("F26-004512");
        keys.Compact.ShouldBe("F26004512");
        keys.Grouped.ShouldBe("F264512");
        InvoiceNumberNormalizer.Keys("F26/4512")!.Grouped.ShouldBe(keys.Grouped);
        InvoiceNumberNormalizer.Keys("f26004512")!.Compact.ShouldBe(keys.Compact);
    }

    [Theory]
    [InlineData("F26-OO4512", "F26-004512")]
    [InlineData("INV-OOO1234", "INV-0001234")]
    [InlineData("A-1S5B", "A-1558")]
    [InlineData("2O26-l77", "2026-177")]
    public void Keys_OcrConfusions_FoldToTheSameKey(string misread, string number)
    {
        var keys = InvoiceNumberNormalizer.Keys(misread)!;

        keys.Folded.ShouldBe(InvoiceNumberNormalizer.Keys(number)!.Folded);
        keys.Compact.ShouldNotBe(InvoiceNumberNormalizer.Keys(number)!.Compact);
    }

    [Theory]
    [InlineData("Thanks")]
    [InlineData("INVOICE")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Keys_NothingLikeANumber_IsNull(string? written) => InvoiceNumberNormalizer.Keys(written).ShouldBeNull();

    [Fact]
    public void Keys_WordThatOnlyStartsLikeAPrefix_IsKept()
    {
        InvoiceNumberNormalizer.Keys("RED-123")!.Compact.ShouldBe("RED123");
        InvoiceNumberNormalizer.Keys("RE-123")!.Compact.ShouldBe("123");
    }

    [Fact]
    public void Shape_RunsOfLettersAndDigits_AreCounted() => InvoiceNumberNormalizer.Shape("F264512").ShouldBe("A1D6");
}
