using Connector.Mapping.CashApplication;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class CombinationSearchTests
{
    [Fact]
    public void Find_OneSubsetSums_ReturnsItAlone()
    {
        var outcome = CombinationSearch.Find([(1, 10_010), (2, 20_020), (3, 45_045), (4, 7_707)], 62_762, 6, 10_000);

        outcome.IsUnique.ShouldBeTrue();
        outcome.Solutions[0].OrderBy(i => i).ShouldBe([1, 3, 4]);
    }

    [Fact]
    public void Find_TwoItemsOfTheSameAmount_AreTwoSolutions()
    {
        var outcome = CombinationSearch.Find([(1, 500), (2, 500), (3, 300)], 800, 6, 10_000);

        outcome.Solutions.Count.ShouldBe(2);
        outcome.IsUnique.ShouldBeFalse();
    }

    [Fact]
    public void Find_MoreItemsThanAllowed_FindsNothing()
        => CombinationSearch.Find([(1, 100), (2, 100), (3, 100), (4, 100)], 400, 3, 10_000).Solutions.ShouldBeEmpty();

    [Fact]
    public void Find_ManySubsetsNearTheTarget_StopsAsACoincidence()
    {
        var items = Enumerable.Range(1, 60).Select(i => (i, (long)(10_000 + (i * 37)))).ToList();

        var outcome = CombinationSearch.Find(items, 30_000 + (37 * 60), 6, 1_000_000, window: 1_000, maxNearMisses: 20);

        outcome.NearMisses.ShouldBeGreaterThan(20);
        outcome.IsUnique.ShouldBeFalse();
    }

    [Fact]
    public void Find_BudgetSpent_SaysItGaveUp()
    {
        var items = Enumerable.Range(1, 400).Select(i => (i, (long)(1_000 + (i * 7_919 % 100_000)))).ToList();

        var outcome = CombinationSearch.Find(items, 250_003, 6, 50);

        outcome.Exhausted.ShouldBeTrue();
        outcome.IsUnique.ShouldBeFalse();
    }
}
