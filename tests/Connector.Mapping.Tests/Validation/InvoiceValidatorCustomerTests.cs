using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using static Connector.Mapping.Tests.Validation.ValidationFixtures;

namespace Connector.Mapping.Tests.Validation;

public sealed class InvoiceValidatorCustomerTests
{
    [Fact]
    public void Validate_NoCustomerReference_IsFieldRequiredOnly()
    {
        var noMatch = new MatchResult(MatchOutcome.NoMatch, null, MatchRules.None, 0, [], "no customer name to compare");

        var problem = Validate(Sample with { Customer = CustomerReference.Empty }, noMatch).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Field.ShouldBe("customer");
    }

    [Fact]
    public void Validate_NoMatch_IsCustomerUnknownWithTheExplanation()
    {
        var noMatch = new MatchResult(MatchOutcome.NoMatch, null, MatchRules.None, 40, [], "name \"Foo\": best \"Bar\" (C-9) scored 40 < 70");

        var problem = Validate(Sample, noMatch).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CustomerUnknown);
        problem.Field.ShouldBe("customer");
        problem.Value.ShouldBe("C-1001 / ACME Corp.");
        problem.Message.ShouldContain("scored 40 < 70");
    }

    [Fact]
    public void Validate_Ambiguous_IsCustomerAmbiguousNamingTheCandidates()
    {
        var other = Acme with { AccountNumber = "C-2002", Name = "Acme Holdings" };
        var ambiguous = new MatchResult(
            MatchOutcome.Ambiguous,
            null,
            MatchRules.Name,
            88,
            [new MatchCandidate(Acme, 88, MatchRules.Name, "a"), new MatchCandidate(other, 86, MatchRules.Name, "b")],
            "proposed");

        var problem = Validate(Sample, ambiguous).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CustomerAmbiguous);
        problem.Message.ShouldContain("C-1001 \"Acme Corporation\" (88), C-2002 \"Acme Holdings\" (86)");
    }

    [Fact]
    public void Validate_InactiveCustomer_IsCustomerInactive()
    {
        var problem = Validate(Sample, Matched(Acme with { Status = CustomerStatus.Inactive })).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CustomerInactive);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Value.ShouldBe("C-1001");
    }

    [Fact]
    public void Validate_CustomerOnCreditHold_HoldsTheInvoiceForCreditControl()
    {
        var problem = Validate(Sample, Matched(Acme with { Status = CustomerStatus.CreditHold })).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CustomerCreditHold);
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain("credit control");
    }

    [Fact]
    public void Validate_CustomerWithoutBillToSite_IsCustomerNoBillToSite()
    {
        var shipOnly = Acme with { Sites = [new CustomerSite("S-1", "SHIP_TO", true)] };

        var problem = Validate(Sample, Matched(shipOnly)).ShouldHaveSingleItem();

        problem.Code.ShouldBe(ProblemCodes.CustomerNoSite);
        problem.Message.ShouldContain("C-1001 \"Acme Corporation\"");
    }
}
