using Connector.Mapping.Ocr.Cheques;

namespace Connector.Mapping.Tests.Ocr;

public sealed class AmountWordsTests
{
    [Theory]
    [InlineData("Twelve thousand three hundred forty-five and 67/100", "12345.67")]
    [InlineData("Thirty-four thousand fourteen and 10/100", "34014.10")]
    [InlineData("Thirty-three thousand four hundred sixty-one and 48/100", "33461.48")]
    [InlineData("Twelve thousand three hundred forty-five dollars and 67 cents", "12345.67")]
    [InlineData("twelve thousand three hundred forty five dollars and sixty-seven cents", "12345.67")]
    [InlineData("Zero and 00/100", "0")]
    [InlineData("Twenty-one and 00/100", "21")]
    [InlineData("Seventy-one dollars", "71")]
    [InlineData("Eighty and 05/100", "80.05")]
    [InlineData("Ninety-one and 99/100", "91.99")]
    [InlineData("One hundred and 00/100", "100")]
    [InlineData("One hundred and five dollars", "105")]
    [InlineData("One thousand and 00/100", "1000")]
    [InlineData("One million and 00/100", "1000000")]
    [InlineData("Two million three hundred thousand one and 01/100", "2300001.01")]
    [InlineData("Forty-two cents", "0.42")]
    [InlineData("TWELVE THOUSAND THREE HUNDRED FORTY-FIVE 67/100 ********", "12345.67")]
    [InlineData("Twelve thousand three hundred fortv-five and 67/1OO", "12345.67")]
    public void Parse_English_ReadsTheAmount(string text, string expected)
        => AmountWords.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Douze mille trois cent quarante-cinq euros et soixante-sept centimes", "12345.67")]
    [InlineData("zéro euro", "0")]
    [InlineData("vingt et un euros", "21")]
    [InlineData("soixante-et-onze euros", "71")]
    [InlineData("soixante et onze euros", "71")]
    [InlineData("quatre-vingts euros", "80")]
    [InlineData("quatre-vingt-un euros", "81")]
    [InlineData("quatre-vingt-dix euros", "90")]
    [InlineData("quatre-vingt-onze euros et cinq centimes", "91.05")]
    [InlineData("soixante-dix-sept euros", "77")]
    [InlineData("cent euros", "100")]
    [InlineData("deux cents euros", "200")]
    [InlineData("deux cent trois euros", "203")]
    [InlineData("mille euros", "1000")]
    [InlineData("deux mille euros", "2000")]
    [InlineData("un million d'euros", "1000000")]
    [InlineData("trois cent mille quatre-vingt-dix-neuf euros et 50/100", "300099.50")]
    [InlineData("DOUZE MILLE TROIS CENT QUARANTE CINQ EUROS ET SOIXANTE SEPT CENTIMES", "12345.67")]
    public void Parse_French_ReadsTheAmount(string text, string expected)
        => AmountWords.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("Pay to the order of")]
    [InlineData("Twelve thousand xyzzy hundred and 67/100")]
    public void Parse_NotAnAmount_IsNull(string text) => AmountWords.Parse(text).ShouldBeNull();
}
