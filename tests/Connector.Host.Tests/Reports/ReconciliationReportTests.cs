using Connector.Host.Reports;
using static Connector.Host.Tests.Reports.ReportTestData;

namespace Connector.Host.Tests.Reports;

public sealed class ReconciliationReportTests
{
    [Fact]
    public void Difference_SourceEqualsTheParts_ZeroAndBalanced()
    {
        var totals = Eur();

        totals.Difference.ShouldBe(new AmountCount(0, 0m));
        totals.Balanced.ShouldBeTrue();
    }

    [Fact]
    public void Difference_AmountMissing_SourceMinusTheParts()
    {
        var totals = Eur(pendingAmount: 200m);

        totals.Difference.ShouldBe(new AmountCount(0, 50m));
        totals.Balanced.ShouldBeFalse();
    }

    [Fact]
    public void Difference_RecordCountedTwice_NegativeCountNotBalanced()
    {
        var totals = Eur() with { Skipped = new AmountCount(1, 0m) };

        totals.Difference.ShouldBe(new AmountCount(-1, 0m));
        totals.Balanced.ShouldBeFalse();
    }

    [Fact]
    public void Balanced_OneCurrencyOff_ReportNotBalanced()
    {
        Report([Eur(), Usd()]).Balanced.ShouldBeTrue();
        Report([Eur(pendingAmount: 249.99m), Usd()]).Balanced.ShouldBeFalse();
    }

    [Fact]
    public void Unaccounted_CountsAddUp_Zero()
    {
        new RecordCounts(13, 9, 2, 1, 1).Unaccounted.ShouldBe(0);
        new RecordCounts(14, 9, 2, 1, 1).Unaccounted.ShouldBe(1);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("factures.csv", "factures.csv")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralise_FormulaStarts_GetALeadingQuote(string? text, string expected)
        => SpreadsheetText.Neutralise(text).ShouldBe(expected);
}
