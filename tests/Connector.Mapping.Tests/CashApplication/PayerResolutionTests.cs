using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using static Connector.Mapping.Tests.CashApplication.CashFixtures;

namespace Connector.Mapping.Tests.CashApplication;

public sealed class PayerResolutionTests
{
    private const string Iban = "FR76 3000 6000 0112 3456 7890 189";

    [Fact]
    public void MatchPayer_BankAccountLearnedAsAliasAsWritten_ResolvesThroughTheIdAliasPath()
    {
        var matcher = Matcher(new CustomerAlias(Iban, "C-3"));

        var result = matcher.MatchPayer(new PayerReference { Name = "ITC HOLDING PAYMENTS", BankAccount = Iban });

        result.Outcome.ShouldBe(MatchOutcome.Matched);
        result.Customer!.AccountNumber.ShouldBe("C-3");
        result.Rule.ShouldBe(MatchRules.Alias);
        result.Explanation.ShouldContain($"bank account \"{Iban}\" was learned for C-3");
    }

    [Fact]
    public void MatchPayer_BankAccountLearnedCompactWrittenWithSpaces_Resolves()
    {
        var matcher = Matcher();
        matcher.LearnBankAccount(Iban, "C-2");

        matcher.MatchPayer(new PayerReference { BankAccount = "fr7630006000011234567890189" }).Customer!.AccountNumber.ShouldBe("C-2");
        matcher.MatchPayer(new PayerReference { BankAccount = Iban }).Customer!.AccountNumber.ShouldBe("C-2");
    }

    [Fact]
    public void MatchPayer_UnknownBankAccount_SaysSoAndFallsBackToTheName()
    {
        var result = Matcher().MatchPayer(new PayerReference { Name = "ACME CORPORATION", BankAccount = "DE89370400440532013000" });

        result.Customer!.AccountNumber.ShouldBe("C-1");
        result.Rule.ShouldBe(MatchRules.Name);
        result.Explanation.ShouldStartWith("bank account \"DE89370400440532013000\" was not learned for any customer");
    }

    [Fact]
    public void MatchPayer_AccountAndTaxId_ComeBeforeTheBankAccount()
    {
        var matcher = Matcher(new CustomerAlias(Iban, "C-3"));

        matcher.MatchPayer(new PayerReference { CustomerAccount = "c-2", BankAccount = Iban }).Customer!.AccountNumber.ShouldBe("C-2");
        matcher.MatchPayer(new PayerReference { TaxId = "FR 40 303265045", BankAccount = Iban }).Customer!.AccountNumber.ShouldBe("C-1");
    }

    [Fact]
    public void MatchPayer_NameUnlikeAnyCustomer_IsNoMatch()
        => Matcher().MatchPayer(new PayerReference { Name = "Zeta Widgets Pty" }).Outcome.ShouldNotBe(MatchOutcome.Matched);
}
