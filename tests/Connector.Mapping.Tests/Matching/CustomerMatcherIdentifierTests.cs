using Connector.Mapping.Matching;
using static Connector.Mapping.Tests.Matching.MatcherFixtures;

namespace Connector.Mapping.Tests.Matching;

/// <summary>E-invoices name the buyer by legal id and electronic address as well as by VAT id and name.</summary>
public sealed class CustomerMatcherIdentifierTests
{
    private static readonly CustomerMatcher Matcher = CustomerMatcher.Build(
        [.. Master, Customer("C-2001", "Clinique du Parc SAS", ["FR85567441456"]) with { Identifiers = ["0225:567441456", "0088:4012345000009"] }],
        [],
        new());

    [Fact]
    public void Match_ElectronicAddressWrittenWithSpaces_MatchesByIdentifier()
    {
        var result = Matcher.Match(Ref(name: "Clinique Parc") with { OtherIds = ["0225: 567 441 456"] });

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-2001");
        result.Rule.ShouldBe(MatchRules.Identifier);
    }

    [Fact]
    public void Match_SiretAsLegalIdOnly_MeetsTheSirenOfTheMasterVat()
    {
        // The buyer gives no VAT id, only its SIRET (scheme 0009): its SIREN is inside the master's French VAT id.
        var result = Matcher.Match(Ref(name: "Someone") with { OtherIds = ["0009:56744145600017"] });

        result.Customer!.AccountNumber.ShouldBe("C-2001");
        result.Rule.ShouldBe(MatchRules.TaxId);
    }

    [Fact]
    public void Match_UnknownVatThenKnownGln_TriesTheOtherIdsAfterTheTaxId()
    {
        var result = Matcher.Match(Ref(taxId: "FR00999999999") with { OtherIds = ["0088:4012345000009"] });

        result.Customer!.AccountNumber.ShouldBe("C-2001");
        result.Explanation.ShouldContain("tax id \"FR00999999999\" is not in the customer master");
    }

    [Fact]
    public void Match_UnknownIdentifiers_SaysSoAndFallsBackToTheName()
    {
        var result = Matcher.Match(Ref(name: "Acme Corporation") with { OtherIds = ["0225:111111111"] });

        result.Customer!.AccountNumber.ShouldBe("C-1001");
        result.Rule.ShouldBe(MatchRules.Name);
        result.Explanation.ShouldContain("identifiers \"0225:111111111\" are not in the customer master");
    }

    [Fact]
    public void Match_SchemeOfAnotherKind_DoesNotMeetTheSameDigitsUnderAnotherScheme()
    {
        // 0225:4012345000009 is not the GLN 0088:4012345000009.
        var result = Matcher.Match(Ref() with { OtherIds = ["0225:4012345000009"] });

        result.Outcome.ShouldBe(MatchOutcome.NoMatch);
    }
}
