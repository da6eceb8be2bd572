using Connector.Host.Store;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Pipeline;

/// <summary>The outcome of matching and validating one invoice: where it goes and why.</summary>
internal sealed record RecordEvaluation(
    Invoice Invoice,
    string IdempotencyKey,
    string ContentHash,
    MatchResult Match,
    IReadOnlyList<Problem> Problems,
    RecordState State,
    string? SkipReason,
    ExceptionDraft? Exception,
    long? Supersedes)
{
    public IEnumerable<Problem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>Matches and validates invoices of one entity, and turns their problems into exceptions with suggestions.</summary>
internal static class RecordEvaluator
{
    /// <summary>Problem codes whose fix is to choose a customer.</summary>
    public static readonly IReadOnlySet<string> CustomerCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        ProblemCodes.CustomerUnknown,
        ProblemCodes.CustomerAmbiguous,
    };

    /// <summary>Evaluates one invoice; <c>contentHash</c> is the invoice's <see cref="ContentHash"/> when the caller has it already.</summary>
    public static RecordEvaluation Evaluate(EntityRuntime entity, Invoice invoice, IReadOnlyList<Problem> mappingProblems, DuplicateVerdict duplicate, string? forcedAccount = null, string? contentHash = null)
    {
        var key = IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number);
        var hash = contentHash ?? ContentHash(invoice);
        var match = forcedAccount is null ? entity.Matcher.Match(invoice.Customer) : ForcedMatch(entity, forcedAccount);
        var resolved = match is { Outcome: MatchOutcome.Matched, Customer: { } customer }
            ? invoice with { ResolvedCustomer = new ResolvedCustomer(customer.AccountNumber, customer.Name, customer.BillToSite?.SiteNumber) }
            : invoice with { ResolvedCustomer = null };

        var problems = new List<Problem>(mappingProblems);
        HashSet<string>? mappedFields = null;
        foreach (var problem in entity.Validator.Validate(resolved, match))
        {
            // A field the mapping already reported as unreadable is not reported a second time as missing.
            if (problem.Code == ProblemCodes.FieldRequired && problem.Field is not null && mappingProblems.Count > 0
                && (mappedFields ??= MappedFields(mappingProblems)).Contains(problem.Field))
            {
                continue;
            }

            problems.Add(problem);
        }

        if (duplicate.Kind == DuplicateKind.SameContent)
        {
            return new RecordEvaluation(resolved, key, hash, match, problems, RecordState.Skipped, duplicate.Reason, null, null);
        }

        if (duplicate.Kind == DuplicateKind.Conflict)
        {
            problems.Insert(0, Problem.Error(ProblemCodes.ConflictingDuplicate, duplicate.Reason!, invoice.Source, "invoice_number", invoice.Number));
        }

        if (!problems.Exists(p => p.Severity == ProblemSeverity.Error))
        {
            return new RecordEvaluation(resolved, key, hash, match, problems, RecordState.Ready, null, null, duplicate.Supersedes);
        }

        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        var first = errors[0];
        var draft = new ExceptionDraft(first.Code, first.Field, Summarise(errors), errors, Suggestions(match, errors));
        return new RecordEvaluation(resolved, key, hash, match, problems, RecordState.Exception, null, draft, duplicate.Supersedes);
    }

    private static HashSet<string> MappedFields(IReadOnlyList<Problem> mappingProblems)
        => mappingProblems.Where(p => p.Field is not null).Select(p => p.Field!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A hash of what the source said, without where it said it: the same invoice in two files hashes the same.</summary>
    public static string ContentHash(Invoice invoice) => Pipeline.ContentHash.Of(invoice);

    private static MatchResult ForcedMatch(EntityRuntime entity, string account)
    {
        var customer = entity.Matcher.FindByAccount(account)
                       ?? throw new ArgumentException($"Entity {entity.Code} has no customer with account number '{account}'.", nameof(account));
        return new MatchResult(MatchOutcome.Matched, customer, "operator", 100, [], $"customer {customer.AccountNumber} ({customer.Name}) chosen by an operator");
    }

    private static string Summarise(IReadOnlyList<Problem> errors)
        => errors.Count == 1 ? errors[0].Message : $"{errors[0].Message} (+{errors.Count - 1} more)";

    private static List<Suggestion> Suggestions(MatchResult match, IReadOnlyList<Problem> errors)
    {
        var suggestions = new List<Suggestion>();
        if (errors.Any(e => CustomerCodes.Contains(e.Code)))
        {
            suggestions.AddRange(match.Candidates.Select(c => new Suggestion(
                "customer",
                c.Customer.AccountNumber,
                $"{c.Customer.Name} ({c.Reason})",
                c.Score)));
        }

        // Fields an operator can correct; the number is the record's identity and the customer is chosen, not typed.
        var correctable = errors
            .Where(e => e.Field is not null && !CustomerCodes.Contains(e.Code) && e.Field is not ("invoice_number" or "customer"))
            .Select(e => e.Field!)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var field in correctable)
        {
            suggestions.Add(new Suggestion("field", field, $"correct {field}", null));
        }

        return suggestions;
    }
}

internal enum DuplicateKind
{
    None,
    SameContent,
    Conflict,
}

/// <summary>Whether a record was seen before: a true duplicate is skipped, a different content under the same number is a conflict.</summary>
internal sealed record DuplicateVerdict(DuplicateKind Kind, string? Reason, long? Supersedes)
{
    public static DuplicateVerdict None { get; } = new(DuplicateKind.None, null, null);
}
