using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr;

public sealed class FigureStyleTests
{
    [Theory]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("$**12,345.67", "12345.67")]
    [InlineData("12345.67", "12345.67")]
    [InlineData("1,234,567.00", "1234567")]
    [InlineData("0.00", "0")]
    [InlineData("1,1OO.17", "1100.17")]
    [InlineData("l,234.56", "1234.56")]
    public void Parse_DecimalPoint_ReadsTheAmount(string text, string expected)
        => FigureStyle.DecimalPoint.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u202F234,56 €", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("€ 12 628,02", "12628.02")]
    [InlineData("0,00 €", "0")]
    public void Parse_DecimalComma_ReadsTheAmount(string text, string expected)
        => FigureStyle.DecimalComma.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1,234.56", ',')]
    [InlineData("12.345,67", '.')]
    [InlineData("12,34,56", ',')]
    [InlineData("abc", '.')]
    public void Parse_NotInTheStyle_IsNull(string text, char decimalSeparator)
        => new FigureStyle(decimalSeparator).Parse(text).ShouldBeNull();

    [Fact]
    public void Decide_FrenchEvidence_IsDecimalCommaForTheWholeDocument()
    {
        var style = FigureStyle.Decide(["2 050,02 €", "0,00 €", "12 628,02 €", "1,000"]);

        style.ShouldBe(FigureStyle.DecimalComma);
        style.Parse("1,000").ShouldBe(1m);
    }

    [Fact]
    public void Decide_EnglishEvidence_IsDecimalPoint()
    {
        var style = FigureStyle.Decide(["1,100.17", "0.00", "11,954.93", "1,000"]);

        style.ShouldBe(FigureStyle.DecimalPoint);
        style.Parse("1,000").ShouldBe(1000m);
    }
}
