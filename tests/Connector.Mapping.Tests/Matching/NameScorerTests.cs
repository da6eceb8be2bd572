using Connector.Mapping.Matching;
using static Connector.Mapping.Tests.Matching.MatcherFixtures;

namespace Connector.Mapping.Tests.Matching;

public sealed class NameScorerTests
{
    [Theory]
    [InlineData("ACME Corp.", "Acme Corporation", 100)]
    [InlineData("Müller GmbH & Co. KG", "Mueller GmbH", 100)]
    [InlineData("Micro Soft", "Microsoft Corporation", 99)]
    [InlineData("Distribution Dupont", "Dupont Distribution SAS", 99)]
    public void Score_SameCompanyWrittenDifferently_ScoresAtAcceptanceLevel(string query, string name, int expected)
    {
        Score(query, name).ShouldBe(expected);
    }

    [Fact]
    public void Score_AllWordsOfTheQueryInALongerName_IsEnoughToProposeNotToAccept()
    {
        Score("Umbrella Holdings", "Umbrella Holdings Europe").ShouldBe(NameScorer.SubsetScore);
    }

    [Fact]
    public void Score_OneCommonWordInALongerName_IsNotRaisedToTheSubsetScore()
    {
        Score("Logistics", "Stark Logistics Europe SA").ShouldBeLessThan(NameScorer.SubsetScore);
    }

    [Fact]
    public void Score_DifferentCompanies_ScoreLow()
    {
        Score("Globex Industries", "Initech Ltd").ShouldBeLessThan(50);
    }

    [Fact]
    public void Candidates_InAHundredThousandNameIndex_AreCappedAndHoldTheName()
    {
        var customers = Enumerable.Range(0, 100_000)
            .Select(i => Customer($"C{i}", $"Trading Company {i % 7} Number{i}"))
            .ToList();
        var index = NameIndex.Build(customers);

        var candidates = index.Candidates(NameNormalizer.Normalize("Trading Number4242"), 64, similarTokens: false);

        candidates.Count.ShouldBeLessThanOrEqualTo(64);
        candidates[0].ShouldBe(4242);
    }

    private static int Score(string query, string name)
    {
        var q = NameNormalizer.Normalize(query);
        var entry = new NameEntry(0, name, NameNormalizer.Normalize(name));
        return NameScorer.Score(q, string.Join(' ', q.Tokens.Order(StringComparer.Ordinal)), string.Concat(q.Tokens), entry);
    }
}
