using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.Matching.MatcherFixtures;

namespace Connector.Mapping.Tests.Matching;

public sealed class CustomerMatcherRuleTests
{
    private readonly CustomerMatcher _matcher = Build();

    [Fact]
    public void Match_AccountWithSpacesAndOtherCase_MatchesByAccount()
    {
        var result = _matcher.Match(Ref(account: "  c-1005 ", name: "Somebody Else"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-1005");
        result.Rule.ShouldBe(MatchRules.Account);
        result.Score.ShouldBe(100);
        result.Explanation.ShouldBe("account \"c-1005\" is C-1005 \"Initech Ltd\"");
    }

    [Fact]
    public void Match_UnknownAccount_SaysSoAndFallsThroughToTaxId()
    {
        var result = _matcher.Match(Ref(account: "X-9", taxId: "FR40303265045"));

        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Rule.ShouldBe(MatchRules.TaxId);
        result.Explanation.ShouldStartWith("account \"X-9\" is not in the customer master; tax id \"FR40303265045\" (Vat FR40303265045)");
    }

    [Fact]
    public void Match_VatWrittenWithSpaces_MatchesTheVatOfTheMaster()
    {
        var result = _matcher.Match(Ref(taxId: "fr 40 303.265.045"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Rule.ShouldBe(MatchRules.TaxId);
    }

    [Theory]
    [InlineData("303265045")]
    [InlineData("303 265 045 00012")]
    public void Match_SirenOrSiretOfAFrenchVat_MeetsOnTheSiren(string taxId)
    {
        var result = _matcher.Match(Ref(taxId: taxId));

        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Explanation.ShouldContain("(Siren 303265045)");
    }

    [Fact]
    public void Match_FrenchVatOfACustomerKnownBySiret_MeetsOnTheSiren()
    {
        var result = _matcher.Match(Ref(taxId: "FR 12 552100554"));

        result.Customer!.AccountNumber.ShouldBe("C-1003");
        result.Rule.ShouldBe(MatchRules.TaxId);
    }

    [Fact]
    public void Match_BareNumberOfAGermanVat_DoesNotMeetTheGermanCustomer()
    {
        var result = _matcher.Match(Ref(taxId: "123456789"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-1004", "the bare number may be the EIN 12-3456789, never DE123456789");
        result.Explanation.ShouldContain("(Ein 123456789)");
    }

    [Fact]
    public void Match_GermanVatOfOtherCountriesBareNumber_DoesNotMeetIt()
    {
        var result = _matcher.Match(Ref(taxId: "DE987654321"));

        result.Outcome.ShouldBe(MatchOutcome.NoMatch);
        result.Explanation.ShouldContain("tax id \"DE987654321\" is not in the customer master");
    }

    [Fact]
    public void Match_UnknownTaxIdAndGoodName_SaysSoAndMatchesByName()
    {
        var result = _matcher.Match(Ref(taxId: "FR99999999999", name: "Initech Limited"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Rule.ShouldBe(MatchRules.Name);
        result.Customer!.AccountNumber.ShouldBe("C-1005");
        result.Explanation.ShouldBe("tax id \"FR99999999999\" is not in the customer master; name \"Initech Limited\" ~ \"Initech Ltd\" (C-1005) scored 100 >= 92");
    }

    [Fact]
    public void Match_TaxIdSharedByTwoAccounts_LetsTheNameDecide()
    {
        var matcher = CustomerMatcher.Build(
            [Customer("A-1", "Orion Services", ["FR40303265045"]), Customer("A-2", "Orion Services Export", ["30326504500099"])],
            [],
            new());

        var byName = matcher.Match(Ref(taxId: "303265045", name: "ORION SERVICES EXPORT"));
        byName.Outcome.ShouldBe(MatchOutcome.Matched);
        byName.Customer!.AccountNumber.ShouldBe("A-2");
        byName.Rule.ShouldBe(MatchRules.TaxId);

        var noName = matcher.Match(Ref(taxId: "303265045"));
        noName.Outcome.ShouldBe(MatchOutcome.Ambiguous);
        noName.Candidates.Select(c => c.Customer.AccountNumber).ShouldBe(["A-1", "A-2"], ignoreOrder: true);
        noName.Explanation.ShouldContain("is shared by 2 accounts");
    }

    [Fact]
    public void Match_LearnedNameAlias_MatchesByAliasBeforeTheName()
    {
        var matcher = Build([new CustomerAlias("ACME Europe B.V.", "C-1006")]);

        var result = matcher.Match(Ref(name: "Acme Europe BV"));

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Rule.ShouldBe(MatchRules.Alias);
        result.Customer!.AccountNumber.ShouldBe("C-1006");
        result.Explanation.ShouldBe("alias \"Acme Europe BV\" was learned for C-1006 \"Umbrella Holdings Europe\"");
    }

    [Fact]
    public void Match_AliasForAnAccountAsTheSourceWritesIt_MatchesByAlias()
    {
        var matcher = Build();
        matcher.Match(Ref(account: "CLI-77")).Outcome.ShouldBe(MatchOutcome.NoMatch);

        matcher.AddAlias(new CustomerAlias("cli-77", "C-1007"));
        var result = matcher.Match(Ref(account: "CLI-77"));

        result.Rule.ShouldBe(MatchRules.Alias);
        result.Customer!.AccountNumber.ShouldBe("C-1007");
        result.Explanation.ShouldStartWith("account \"CLI-77\" is not in the customer master; alias \"CLI-77\"");
    }

    [Fact]
    public void Match_AliasForAUnknownAccount_IsMentionedAndTheNameIsTried()
    {
        var matcher = Build([new CustomerAlias("Initech", "GONE-1")]);

        var result = matcher.Match(Ref(name: "Initech"));

        result.Rule.ShouldBe(MatchRules.Name);
        result.Customer!.AccountNumber.ShouldBe("C-1005");
        result.Explanation.ShouldStartWith("alias \"Initech\" points to account \"GONE-1\", which is not in the customer master");
    }

    [Fact]
    public void FindByAccount_IsTrimmedAndCaseInsensitive()
    {
        _matcher.FindByAccount(" c-1002").ShouldNotBeNull().Name.ShouldBe("Müller GmbH & Co. KG");
        _matcher.FindByAccount("C-404").ShouldBeNull();
        _matcher.Count.ShouldBe(9);
    }

    [Fact]
    public void Build_RepeatedAccountNumber_KeepsTheFirst()
    {
        var matcher = CustomerMatcher.Build([Customer("A-1", "First"), Customer("a-1", "Second")], [], new());

        matcher.Count.ShouldBe(1);
        matcher.FindByAccount("A-1")!.Name.ShouldBe("First");
        matcher.Match(Ref(name: "Second")).Outcome.ShouldBe(MatchOutcome.NoMatch);
    }

    [Fact]
    public void Build_BlankAlias_IsPassedOverButAddAliasRefusesIt()
    {
        var matcher = Build([new CustomerAlias(" ", "C-1001"), new CustomerAlias("Initech Europe", "C-1005")]);

        matcher.Match(Ref(name: "Initech Europe")).Rule.ShouldBe(MatchRules.Alias);
        Should.Throw<ArgumentException>(() => matcher.AddAlias(new CustomerAlias("", "C-1001")));
    }

    [Fact]
    public void Match_EmptyReference_IsNoMatch()
    {
        var result = _matcher.Match(CustomerReference.Empty);

        result.Outcome.ShouldBe(MatchOutcome.NoMatch);
        result.Explanation.ShouldBe("no customer name to compare");
    }
}
