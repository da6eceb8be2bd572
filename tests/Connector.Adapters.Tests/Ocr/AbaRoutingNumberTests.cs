using Connector.Mapping.Ocr;

namespace Connector.Adapters.Tests.Ocr;

public sealed class AbaRoutingNumberTests
{
    [Theory]
    [InlineData("122000661")]
    [InlineData("026009593")]
    [InlineData("021000021")]
    [InlineData("011000015")]
    public void IsValid_RealRoutingNumbers_True(string routing) => AbaRoutingNumber.IsValid(routing).ShouldBeTrue();

    [Theory]
    [InlineData("122000662")]
    [InlineData("026009539")]
    [InlineData("12200066")]
    [InlineData("1220006611")]
    [InlineData("12200O661")]
    public void IsValid_WrongDigitTranspositionOrShape_False(string routing) => AbaRoutingNumber.IsValid(routing).ShouldBeFalse();

    [Fact]
    public void CheckDigit_EightDigits_ThreeSevenOneWeights()
    {
        AbaRoutingNumber.CheckDigit("12200066").ShouldBe(1);
        AbaRoutingNumber.CheckDigit("02600959").ShouldBe(3);
        AbaRoutingNumber.CheckDigit("1220006").ShouldBeNull();
        AbaRoutingNumber.CheckDigit("1220006x").ShouldBeNull();
    }
}
