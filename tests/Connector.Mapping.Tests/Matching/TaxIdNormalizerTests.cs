using Connector.Mapping.Matching;

namespace Connector.Mapping.Tests.Matching;

public sealed class TaxIdNormalizerTests
{
    [Fact]
    public void Normalize_FrenchVatWithSpaces_YieldsVatThenSiren()
    {
        TaxIdNormalizer.Normalize("FR 40 303 265 045").ShouldBe(
        [
            new TaxIdKey(TaxIdKind.Vat, "FR40303265045"),
            new TaxIdKey(TaxIdKind.Siren, "303265045"),
        ]);
    }

    [Fact]
    public void Normalize_GermanVat_KeepsPrefixAndYieldsNoBareNumber()
    {
        TaxIdNormalizer.Normalize("DE 123 456 789").ShouldBe([new TaxIdKey(TaxIdKind.Vat, "DE123456789")]);
    }

    [Fact]
    public void Normalize_Siret_YieldsSiretThenItsSiren()
    {
        TaxIdNormalizer.Normalize("303 265 045 00012").ShouldBe(
        [
            new TaxIdKey(TaxIdKind.Siret, "30326504500012"),
            new TaxIdKey(TaxIdKind.Siren, "303265045"),
        ]);
    }

    [Fact]
    public void Normalize_BareNineDigits_IsSirenFirstThenEin()
    {
        TaxIdNormalizer.Normalize("303.265.045").ShouldBe(
        [
            new TaxIdKey(TaxIdKind.Siren, "303265045"),
            new TaxIdKey(TaxIdKind.Ein, "303265045"),
        ]);
    }

    [Fact]
    public void Normalize_EinWithDash_IsOnlyAnEin()
    {
        TaxIdNormalizer.Normalize(" 12-3456789 ").ShouldBe([new TaxIdKey(TaxIdKind.Ein, "123456789")]);
    }

    [Theory]
    [InlineData("gr 094014201", "EL094014201")]
    [InlineData("el-094014201", "EL094014201")]
    [InlineData("GB 123 4567 89", "GB123456789")]
    public void Normalize_VatPrefixes_AreUpperCasedAndGreeceIsEl(string raw, string expected)
    {
        TaxIdNormalizer.Normalize(raw).ShouldBe([new TaxIdKey(TaxIdKind.Vat, expected)]);
    }

    [Fact]
    public void Normalize_LettersWithoutDigits_IsOtherNotVat()
    {
        TaxIdNormalizer.Normalize("France Telecom").ShouldBe([new TaxIdKey(TaxIdKind.Other, "FRANCETELECOM")]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" - / . ")]
    public void Normalize_BlankOrSeparatorsOnly_YieldsNothing(string? raw)
    {
        TaxIdNormalizer.Normalize(raw).ShouldBeEmpty();
    }

    [Fact]
    public void Normalize_FrenchVatWithNonNumericSirenPart_HasNoSiren()
    {
        TaxIdNormalizer.Normalize("FRAB12345678X").ShouldBe([new TaxIdKey(TaxIdKind.Vat, "FRAB12345678X")]);
    }
}
