using Connector.Host.Pipeline;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Remittances;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Host.Cli;

/// <summary>One file read, mapped, matched and validated without storing anything.</summary>
internal sealed record InspectResult(
    string File,
    string Format,
    string? Entity,
    string? Profile,
    bool DocumentFailed,
    IReadOnlyList<Problem> DocumentProblems,
    IReadOnlyList<RecordEvaluation> Records,
    IReadOnlyList<string> Tried)
{
    /// <summary>For an e-invoice (XML or PDF): its syntax, claimed profile and route; null for CSV and XLSX.</summary>
    public EInvoiceSummary? EInvoice { get; init; }

    /// <summary>For a bank or remittance file: its payments and how they would be applied.</summary>
    public BankFileSummary? Bank { get; init; }

    /// <summary>For a scanned cheque or stub: its pages and each payment's readings and checks (<see cref="Bank"/> has their application).</summary>
    public ScanSummary? Scan { get; init; }
}

/// <summary>
/// Detects which entity and profile read a file (the one that reads it without failing and finds the most records),
/// then reads, maps, matches and validates it. Duplicates are checked within the file only.
/// </summary>
internal static class Inspector
{
    public static InspectResult Inspect(IReadOnlyList<EntityRuntime> entities, string path, string? profileName, Func<EntityRuntime, IReadOnlyList<OpenItem>>? openItems = null)
    {
        BankFileFormat bank;
        using (var stream = File.OpenRead(path))
        {
            bank = BankFileReader.Detect(stream);
        }

        if (bank != BankFileFormat.Unknown)
        {
            return RemittanceInspector.Inspect(entities, path, bank, openItems ?? (_ => []));
        }

        if (ScanInspector.IsScan(path, profileName, entities))
        {
            return ScanInspector.Inspect(entities, path, profileName, openItems ?? (_ => []));
        }

        var format = Sniff(path);
        if (format is "pdf" or "xml")
        {
            return EInvoiceInspector.Inspect(entities, path, profileName, format);
        }

        InspectResult? best = null;
        var tried = new List<string>();
        foreach (var entity in entities)
        {
            foreach (var profile in entity.Profiles.Where(p => profileName is null || string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase)))
            {
                if (!FitsFormat(profile, format))
                {
                    continue;
                }

                tried.Add($"{entity.Code}/{profile.Name}");
                var result = Read(entity, profile, path, format);
                if (best is null || Better(result, best))
                {
                    best = result;
                }
            }
        }

        // A spreadsheet no invoice profile reads well may be a remittance advice.
        if (best is null || best.DocumentFailed || best.Records.Count == 0)
        {
            foreach (var entity in entities)
            {
                foreach (var profile in entity.Profiles.Where(p => FitsAdvice(p, format) && (profileName is null || string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase))))
                {
                    tried.Add($"{entity.Code}/{profile.Name}");
                    var advice = RemittanceInspector.InspectAdvice(entity, profile, path, format, openItems ?? (_ => []));
                    if (!advice.DocumentFailed && advice.Bank!.Remittances.Count > 0 && (best is null || best.DocumentFailed || best.Records.Count == 0))
                    {
                        best = advice;
                    }
                }
            }
        }

        return best is null
            ? new InspectResult(path, format, null, null, true, [Problem.Error(ProblemCodes.UnknownFormat, $"No profile reads {format} files{(profileName is null ? string.Empty : $" under the name '{profileName}'")}.", new SourceLocation(Path.GetFileName(path)))], [], tried)
            : best with { Tried = tried };
    }

    public static InspectResult Read(EntityRuntime entity, MappingProfile profile, string path, string format)
    {
        var context = new DocumentReadContext(Path.GetFileName(path)) { EInvoices = entity.EInvoices };
        var records = new List<RecordEvaluation>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(path))
        {
            foreach (var mapped in InvoiceDocumentReader.Read(stream, profile, entity.Code, context))
            {
                var key = IdempotencyKey.ForInvoice(entity.Code, mapped.Invoice.Kind, mapped.Invoice.Number);
                var hash = RecordEvaluator.ContentHash(mapped.Invoice);
                var duplicate = !seen.TryGetValue(key, out var earlier) ? DuplicateVerdict.None
                    : earlier == hash ? new DuplicateVerdict(DuplicateKind.SameContent, $"the same invoice {mapped.Invoice.Number} appears again in this file", null)
                    : new DuplicateVerdict(DuplicateKind.Conflict, $"invoice number {mapped.Invoice.Number} appears twice in this file with different content", null);
                seen.TryAdd(key, hash);
                records.Add(RecordEvaluator.Evaluate(entity, mapped.Invoice, mapped.Problems, duplicate, contentHash: hash));
            }
        }

        return new InspectResult(path, format, entity.Code, profile.Name, context.Failed, context.Problems, records, []);
    }

    private static bool Better(InspectResult candidate, InspectResult best)
    {
        if (candidate.DocumentFailed != best.DocumentFailed)
        {
            return !candidate.DocumentFailed;
        }

        var candidateGood = candidate.Records.Count(r => !r.Errors.Any());
        var bestGood = best.Records.Count(r => !r.Errors.Any());
        if (candidateGood != bestGood)
        {
            return candidateGood > bestGood;
        }

        return candidate.DocumentProblems.Count < best.DocumentProblems.Count;
    }

    private static bool FitsFormat(MappingProfile profile, string format)
        => profile.Record == ProfileRecord.Invoice && (format == "xlsx" ? profile.Format == ProfileFormat.Xlsx : profile.Format == ProfileFormat.Csv);

    /// <summary>The remittance advice profiles that could read the file (csv or xlsx, <c>record: remittance</c>).</summary>
    private static bool FitsAdvice(MappingProfile profile, string format)
        => profile.Record == ProfileRecord.Remittance && (format == "xlsx" ? profile.Format == ProfileFormat.Xlsx : profile.Format == ProfileFormat.Csv);

    /// <summary>
    /// A PDF or XML (by content, not name) is taken for an e-invoice, a zip (PK) for a workbook; anything else for
    /// delimited text, whose profile then judges it.
    /// </summary>
    public static string Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        var kind = EInvoiceXml.Detect(stream);
        if (kind == EInvoiceFormat.Pdf)
        {
            return "pdf";
        }

        if (kind != EInvoiceFormat.NotXml)
        {
            return "xml";
        }

        Span<byte> head = stackalloc byte[2];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        return read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K' ? "xlsx" : "csv";
    }

    public static string Outcome(RecordEvaluation e) => e.State switch
    {
        Store.RecordState.Ready => "ready",
        Store.RecordState.Skipped => "skipped",
        _ => "exception",
    };

    public static string MatchText(MatchResult match) => match.Outcome switch
    {
        MatchOutcome.Matched => $"{match.Customer!.AccountNumber} {match.Customer.Name} ({match.Rule}, {match.Score})",
        MatchOutcome.Ambiguous => $"? {string.Join(" | ", match.Candidates.Select(c => $"{c.Customer.AccountNumber} {c.Score}"))}",
        _ => "no match",
    };
}
