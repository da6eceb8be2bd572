using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.Matching.MatcherFixtures;

namespace Connector.Mapping.Tests.Matching;

public sealed class CustomerMatcherNameTests
{
    private readonly CustomerMatcher _matcher = Build();

    [Fact]
    public void Match_LegalFormVariant_IsAcceptedWithItsExplanation()
    {
        var result = _matcher.Match(Ref(name: "ACME Corp."));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Rule.ShouldBe(MatchRules.Name);
        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Score.ShouldBe(100);
        result.Explanation.ShouldBe("name \"ACME Corp.\" ~ \"Acme Corporation\" (C-1001) scored 100 >= 92");
    }

    [Fact]
    public void Match_UmlautSpeltOutAndLegalFormsDropped_IsAccepted()
    {
        var result = _matcher.Match(Ref(name: "Mueller GmbH"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-1002");
    }

    [Fact]
    public void Match_AlternateName_IsMatchedAndNamed()
    {
        var result = _matcher.Match(Ref(name: "ACME CORP INTERNATIONAL"));

        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Explanation.ShouldContain("~ \"Acme Corp International\" (C-1001)");
    }

    [Fact]
    public void Match_OneTypoInALongName_IsAcceptedThroughSimilarWords()
    {
        var result = _matcher.Match(Ref(name: "Dupont Distrbution"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-1003");
        result.Score.ShouldBeInRange(92, 99);
    }

    [Fact]
    public void Match_TypoInEveryWord_IsFoundThroughTrigramsAndProposed()
    {
        var result = _matcher.Match(Ref(name: "Dupond Distribusion"));

        result.Outcome.ShouldBe(MatchOutcome.Ambiguous);
        result.Candidates[0].Customer.AccountNumber.ShouldBe("C-1003");
    }

    [Fact]
    public void Match_PartOfAName_IsProposedNotAccepted()
    {
        var result = _matcher.Match(Ref(name: "Umbrella Holdings"));

        result.Outcome.ShouldBe(MatchOutcome.Ambiguous);
        result.Customer.ShouldBeNull();
        result.Rule.ShouldBe(MatchRules.Name);
        result.Candidates.ShouldHaveSingleItem().Customer.AccountNumber.ShouldBe("C-1006");
        result.Score.ShouldBeInRange(70, 91);
        result.Explanation.ShouldContain("< 92, proposed (>= 70)");
    }

    [Fact]
    public void Match_UnrelatedName_IsNoMatch()
    {
        var result = _matcher.Match(Ref(name: "Cyberdyne Systems"));

        result.Outcome.ShouldBe(MatchOutcome.NoMatch);
        result.Customer.ShouldBeNull();
        result.Candidates.ShouldBeEmpty();
        result.Explanation.ShouldBe("name \"Cyberdyne Systems\" shares no word with any customer");
    }

    [Fact]
    public void Match_SharedWordButFarName_IsNoMatchWithTheBestScoreExplained()
    {
        var result = _matcher.Match(Ref(name: "Wayne Brothers Construction Materials"));

        result.Outcome.ShouldBe(MatchOutcome.NoMatch);
        result.Explanation.ShouldStartWith("name \"Wayne Brothers Construction Materials\": best \"Wayne Enterprises\" (C-1009) scored ");
    }

    [Fact]
    public void Match_TwoCustomersWithinThreePoints_IsAmbiguousWithBoth()
    {
        var result = _matcher.Match(Ref(name: "Stark Logistic"));

        result.Outcome.ShouldBe(MatchOutcome.Ambiguous);
        result.Candidates.Select(c => c.Customer.AccountNumber).ShouldBe(["C-1007", "C-1008"], ignoreOrder: true);
        result.Explanation.ShouldContain("within 3 points of the best");
    }

    [Fact]
    public void Match_ProposeBand_ListsAtMostMaxCandidates()
    {
        var customers = Enumerable.Range(1, 6).Select(i => Customer($"N-{i}", $"Northwind Trading {i}")).ToList();
        var matcher = CustomerMatcher.Build(customers, [], new MatchingOptions { MaxCandidates = 2 });

        var result = matcher.Match(Ref(name: "Northwind Trading"));

        result.Outcome.ShouldBe(MatchOutcome.Ambiguous);
        result.Candidates.Count.ShouldBe(2);
        result.Candidates.ShouldAllBe(c => c.Score >= 70 && c.Rule == MatchRules.Name);
    }

    [Fact]
    public void Match_Thresholds_ComeFromTheOptions()
    {
        var strict = Build(options: new MatchingOptions { AcceptScore = 100, ProposeScore = 99 });

        strict.Match(Ref(name: "Dupont Distrbution")).Outcome.ShouldBe(MatchOutcome.NoMatch);
        strict.Match(Ref(name: "Dupont Distribution S.A.S.")).Outcome.ShouldBe(MatchOutcome.Matched);
    }

    [Fact]
    public void Match_ManyThreadsWhileAliasesAreAdded_StaysCorrect()
    {
        var matcher = Build();
        Parallel.For(0, 2000, i =>
        {
            if (i % 100 == 0)
            {
                matcher.AddAlias(new CustomerAlias($"Learned Name {i}", "C-1004"));
            }

            matcher.Match(Ref(name: "ACME Corp.")).Customer!.AccountNumber.ShouldBe("C-1001");
            matcher.Match(Ref(name: "Dupont Distrbution")).Customer!.AccountNumber.ShouldBe("C-1003");
        });

        matcher.Match(Ref(name: "learned name 1900")).Customer!.AccountNumber.ShouldBe("C-1004");
    }
}
