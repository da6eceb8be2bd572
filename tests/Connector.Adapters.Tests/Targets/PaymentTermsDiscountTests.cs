using Connector.Adapters.Targets;

namespace Connector.Adapters.Tests.Targets;

public sealed class PaymentTermsDiscountTests
{
    [Theory]
    [InlineData("2/10 NET 30", 2.0, 10)]
    [InlineData("2% 10 Net 30", 2.0, 10)]
    [InlineData("1.5/15 N45", 1.5, 15)]
    public void Parse_TermsWithDiscount_PercentAndDays(string terms, double percent, int days)
    {
        PaymentTermsDiscount.Parse(terms).ShouldBe(((decimal?)percent, (int?)days));
    }

    [Theory]
    [InlineData("30 NET")]
    [InlineData("45 EOM")]
    [InlineData("IMMEDIATE")]
    [InlineData(null)]
    public void Parse_TermsWithoutDiscount_None(string? terms)
    {
        PaymentTermsDiscount.Parse(terms).ShouldBe((null, null));
    }
}
