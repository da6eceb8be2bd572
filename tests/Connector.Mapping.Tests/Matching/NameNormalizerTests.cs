using Connector.Mapping.Matching;

namespace Connector.Mapping.Tests.Matching;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("ACME Corp.", "acme")]
    [InlineData("Acme Corporation", "acme")]
    [InlineData("  Acme,   Inc ", "acme")]
    [InlineData("Müller GmbH & Co. KG", "mueller")]
    [InlineData("Mueller GmbH", "mueller")]
    [InlineData("Krause und Söhne", "krause and soehne")]
    [InlineData("Krause & Söhne KG", "krause and soehne")]
    [InlineData("Dupont et Fils", "dupont and fils")]
    [InlineData("Großhandel Weiß e.K.", "grosshandel weiss")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("L'Oréal S.A.R.L.", "loreal")]
    [InlineData("The Boring Company", "boring")]
    [InlineData("Smith & Sons Ltd", "smith and sons")]
    [InlineData("Dupont et Cie", "dupont")]
    [InlineData("Van der Berg B.V.", "van der berg")]
    [InlineData("Foo-Bar/Baz SpA", "foo bar baz")]
    public void Normalize_CompanyNames_GiveComparableText(string name, string expected)
    {
        NameNormalizer.Normalize(name).Text.ShouldBe(expected);
    }

    [Fact]
    public void Normalize_NameMadeOnlyOfLegalForms_KeepsItsWords()
    {
        NameNormalizer.Normalize("The Company Ltd").Text.ShouldBe("the company ltd");
    }

    [Fact]
    public void Normalize_Blank_IsEmpty()
    {
        NameNormalizer.Normalize("  ").IsEmpty.ShouldBeTrue();
        NameNormalizer.Normalize("...").IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Normalize_Tokens_AreTheWordsOfTheText()
    {
        NameNormalizer.Normalize("Dupont Distribution SAS").Tokens.ShouldBe(["dupont", "distribution"]);
    }
}
