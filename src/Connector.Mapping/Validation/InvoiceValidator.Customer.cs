using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Validation;

/// <summary>The customer rules: a reference is given, it resolves to one customer, who can be invoiced.</summary>
internal sealed partial class InvoiceValidator
{
    private static void CheckCustomer(Invoice invoice, MatchResult match, SourceLocation at, List<Problem> problems)
    {
        var reference = invoice.Customer;
        var written = reference.ToString();
        if (reference.IsEmpty)
        {
            problems.Add(Problem.Error(ProblemCodes.FieldRequired, Text($"Invoice {invoice.Number} names no customer (no account, tax id or name)."), at, "customer", written));
            return;
        }

        switch (match.Outcome)
        {
            case MatchOutcome.NoMatch:
                problems.Add(Problem.Error(ProblemCodes.CustomerUnknown, Text($"Customer \"{written}\" is not in the customer master: {match.Explanation}."), at, "customer", written));
                return;
            case MatchOutcome.Ambiguous:
                var names = string.Join(", ", match.Candidates.Select(c => Text($"{c.Customer.AccountNumber} \"{c.Customer.Name}\" ({c.Score})")));
                problems.Add(Problem.Error(ProblemCodes.CustomerAmbiguous, Text($"Customer \"{written}\" may be {names}: {match.Explanation}."), at, "customer", written));
                return;
        }

        if (match.Customer is not { } customer)
        {
            return;
        }

        var account = Text($"{customer.AccountNumber} \"{customer.Name}\"");
        if (customer.Status == CustomerStatus.Inactive)
        {
            problems.Add(Problem.Error(ProblemCodes.CustomerInactive, Text($"Customer {account} (matched from \"{written}\") is inactive."), at, "customer", customer.AccountNumber));
        }
        else if (customer.Status == CustomerStatus.CreditHold)
        {
            problems.Add(Problem.Error(ProblemCodes.CustomerCreditHold, Text($"Customer {account} (matched from \"{written}\") is on credit hold: credit control must release the invoice before it is posted."), at, "customer", customer.AccountNumber));
        }

        if (customer.BillToSite is null)
        {
            problems.Add(Problem.Error(ProblemCodes.CustomerNoSite, Text($"Customer {account} (matched from \"{written}\") has no bill-to site."), at, "customer", customer.AccountNumber));
        }
    }
}
