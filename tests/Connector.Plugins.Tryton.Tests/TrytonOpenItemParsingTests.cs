using Connector.Mapping.Entities;

namespace Connector.Plugins.Tryton.Tests;

public sealed class TrytonOpenItemParsingTests
{
    private static readonly EntityDefinition Fr02 = new()
    {
        Code = "FR02",
        Name = "x",
        Currency = "EUR",
        Country = "FR",
        Directory = string.Empty,
        MasterData = "customers.csv",
        Target = new TargetDefinition { Type = "tryton", BusinessUnit = "x", TransactionSource = "x", TransactionType = "x", CreditMemoType = "x", DefaultTerms = "Net 30", Options = new Dictionary<string, string>() },
    };

    [Theory]
    [InlineData("FR02|INV|F2611-001", "F2611-001")]
    [InlineData("FR02|CM|A-7", "A-7")]
    [InlineData("FR01|INV|F2611-001", null)]
    [InlineData("customer's own reference", null)]
    [InlineData(null, null)]
    public void SourceNumber_ReferenceIsThisEntitysKey_SourceNumberElseNull(string? reference, string? expected)
    {
        TrytonOpenItems.SourceNumber(Fr02, reference).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2/10 Net 30", 2.0, 10)]
    [InlineData("1.5%/15 N45", 1.5, 15)]
    public void DiscountOf_TermsWithDiscount_PercentAndDays(string terms, double percent, int days)
    {
        TrytonOpenItems.DiscountOf(terms).ShouldBe(((decimal?)percent, (int?)days));
    }

    [Theory]
    [InlineData("Net 30")]
    [InlineData("Net 30/60")]
    [InlineData(null)]
    public void DiscountOf_TermsWithoutDiscount_None(string? terms)
    {
        TrytonOpenItems.DiscountOf(terms).ShouldBe((null, null));
    }
}
