using Connector.Host.Pipeline;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Cli;

/// <summary>The stable JSON shape of <c>connector inspect --json</c>, documented in docs/inspect-json.md.</summary>
internal static class InspectJson
{
    public static FileJson From(InspectResult r) => new(
        r.File,
        r.Format,
        r.Entity,
        r.Profile,
        r.DocumentFailed ? "failed" : r.DocumentProblems.Any(p => p.Severity == ProblemSeverity.Error) ? "read_with_errors" : "read",
        r.DocumentProblems.Select(ProblemJson.From).ToList(),
        r.Records.Select(RecordJson.From).ToList(),
        new SummaryJson(
            r.Records.Count,
            r.Records.Count(e => Inspector.Outcome(e) == "ready"),
            r.Records.Count(e => Inspector.Outcome(e) == "exception"),
            r.Records.Count(e => Inspector.Outcome(e) == "skipped")),
        r.Tried)
    {
        Bank = r.Bank is { } bank ? BankInspectJson.From(bank) : null,
        Scan = r.Scan is { } scan ? ScanInspectJson.From(scan) : null,
        Einvoice = r.EInvoice is { } e
            ? new EInvoiceJson(e.Container, e.Syntax, e.EmbeddedFile, e.XmpConformanceLevel, e.Profile, e.SpecificationId, e.Route, e.Unrouted, e.Unrouted is null ? null : e.UnroutedProblems.Select(ProblemJson.From).ToList())
            : null,
    };

    internal sealed record FileJson(string File, string Format, string? Entity, string? Profile, string Status, IReadOnlyList<ProblemJson> DocumentProblems, IReadOnlyList<RecordJson> Records, SummaryJson Summary, IReadOnlyList<string> ProfilesTried)
    {
        /// <summary>Only for e-invoices (format pdf or xml).</summary>
        public EInvoiceJson? Einvoice { get; init; }

        /// <summary>Only for bank and remittance files (format bai2, bai-lockbox, camt, x12-820, cfonb120).</summary>
        public BankInspectJson.BankJson? Bank { get; init; }

        /// <summary>Only for scanned cheques and stubs (format scan-image, scan-tiff, scan-pdf, scan-x9.37): each payment's fields and failed checks.</summary>
        public ScanInspectJson.ScanJson? Scan { get; init; }
    }

    /// <summary>
    /// The e-invoice facts: container (pdf | xml), syntax, the embedded file of a PDF, its XMP conformance level, the
    /// profile the XML claims, BT-24, how the seller routed it; for an invoice no entity was found for, the canonical
    /// invoice and its problems (reading and EN 16931 checks), unmatched and unvalidated.
    /// </summary>
    internal sealed record EInvoiceJson(string Container, string? Syntax, string? EmbeddedFile, string? XmpConformanceLevel, string? Profile, string? SpecificationId, string? Route, Invoice? Invoice, IReadOnlyList<ProblemJson>? Problems);

    internal sealed record SummaryJson(int Records, int Ready, int Exceptions, int Skipped);

    internal sealed record ProblemJson(string Severity, string Code, string Message, string Document, int? Line, string? Column, string? Field, string? Value)
    {
        public static ProblemJson From(Problem p) => new(p.Severity == ProblemSeverity.Error ? "error" : "warning", p.Code, p.Message, p.Location.Document, p.Location.Line, p.Location.Column, p.Field, p.Value);
    }

    internal sealed record MatchJson(string Outcome, string Rule, int Score, string? Account, string? Name, string Explanation, IReadOnlyList<CandidateJson> Candidates);

    internal sealed record CandidateJson(string Account, string Name, int Score, string Rule, string Reason);

    internal sealed record RecordJson(string Outcome, string IdempotencyKey, string? SkipReason, Invoice Invoice, MatchJson Match, IReadOnlyList<ProblemJson> Problems)
    {
        public static RecordJson From(RecordEvaluation e) => new(
            Inspector.Outcome(e),
            e.IdempotencyKey,
            e.SkipReason,
            e.Invoice,
            new MatchJson(
                e.Match.Outcome switch { MatchOutcome.Matched => "matched", MatchOutcome.Ambiguous => "ambiguous", _ => "no_match" },
                e.Match.Rule,
                e.Match.Score,
                e.Match.Customer?.AccountNumber,
                e.Match.Customer?.Name,
                e.Match.Explanation,
                e.Match.Candidates.Select(c => new CandidateJson(c.Customer.AccountNumber, c.Customer.Name, c.Score, c.Rule, c.Reason)).ToList()),
            e.Problems.Select(ProblemJson.From).ToList());
    }
}
