using Connector.Adapters.Ocr;
using Connector.Host.Pipeline;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using Connector.Mapping.Ocr.Scans;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Remittances;

namespace Connector.Host.Cli;

/// <summary>What inspect says of a scanned file: its kind, its pages, and each payment found with its readings and checks.</summary>
internal sealed record ScanSummary(string Format, int Pages, string Engine, IReadOnlyList<ScannedPayment> Payments);

/// <summary>
/// Inspects a scanned cheque or stub (PNG, JPEG, TIFF, a PDF with <c>--profile</c> naming a scan profile, an X9.37
/// cash letter): reads it through OCR with the scan profile of the entity (given, or the only one with a scan
/// profile), pairs cheques and stubs, runs every check, and applies each clean payment to the entity's open items as
/// a run would. Nothing is stored or posted.
/// </summary>
internal static class ScanInspector
{
    public static bool IsScan(string path, string? profileName, IReadOnlyList<EntityRuntime> entities)
    {
        Span<byte> head = stackalloc byte[1024];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var kind = ScanDocumentReader.Detect(head[..read]);
        return kind is "image" or "tiff" or "x9.37"
               || (kind == "pdf" && profileName is not null && entities.Any(e => e.Profiles.Any(p => p.Format == ProfileFormat.Scan && string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase))));
    }

    public static InspectResult Inspect(IReadOnlyList<EntityRuntime> entities, string path, string? profileName, Func<EntityRuntime, IReadOnlyList<OpenItem>> openItems)
        => Inspect(entities, [path], profileName, openItems)[0];

    /// <summary>
    /// Several scans read together, as a run reads the files of a scanner folder: a stub in a file of its own goes with
    /// its cheque's file. One result per file; a payment is shown with the file of its cheque (else of its stub).
    /// </summary>
    public static IReadOnlyList<InspectResult> Inspect(IReadOnlyList<EntityRuntime> entities, IReadOnlyList<string> paths, string? profileName, Func<EntityRuntime, IReadOnlyList<OpenItem>> openItems)
    {
        var scanning = entities
            .SelectMany(e => e.Profiles.Where(p => p.Format == ProfileFormat.Scan && (profileName is null || string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase))).Select(p => (Entity: e, Profile: p)))
            .ToList();
        var (entity, profile) = scanning.Count == 1 ? scanning[0] : (null, null);
        var options = profile?.Scan ?? new ScanOptions();
        var tried = scanning.Select(s => $"{s.Entity.Code}/{s.Profile.Name}").ToList();
        if (!OcrRuntime.CanRead(options.Language, out var why))
        {
            return [.. paths.Select(p => Failed(p, entity, profile, tried, Problem.Error(ProblemCodes.ScanUnreadable, $"'{Path.GetFileName(p)}' is a scan and cannot be read here: {why}", new SourceLocation(Path.GetFileName(p)))))];
        }

        var names = Unique(paths);
        var scans = new ScanDocument[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            try
            {
                using var stream = File.OpenRead(paths[i]);
                scans[i] = new ScanDocumentReader(OcrRuntime.Engine()).Read(stream, names[i], options);
            }
            catch (OcrUnavailableException e)
            {
                scans[i] = new ScanDocument("unknown", [], [Problem.Error(ProblemCodes.ScanUnreadable, $"'{names[i]}' is a scan and cannot be read here: {e.Message}", new SourceLocation(names[i]))]);
            }
        }

        var code = entity?.Code ?? "?";
        var assembly = ScanAssembler.Assemble([.. scans.Where(s => !s.Failed).SelectMany(s => s.Pages)], code, options, entity?.Definition.Currency, entity is null ? null : [entity.Definition.Name]);
        var book = entity is null ? null : OpenItemBook.Build(openItems(entity));
        var engine = entity is null ? null : new CashApplicationEngine(entity.Definition.CashApplication);
        var results = new List<InspectResult>();
        for (var i = 0; i < paths.Count; i++)
        {
            var problems = scans[i].Problems.Concat(assembly.Problems.Where(p => p.Location.Document == names[i])).ToList();
            if (entity is null)
            {
                problems.Add(Problem.Warning(ProblemCodes.BankNoEntity, scanning.Count == 0
                    ? "No entity has a scan profile: the scan was read with the defaults (English) and not applied to any invoices."
                    : $"Several entities read scans ({string.Join(", ", tried)}): name one with --entity or --profile to apply the payments.", new SourceLocation(names[i])));
            }

            var payments = assembly.Payments.Where(p => p.Document == names[i]).ToList();
            var keys = ReceiptKeys.Assign([.. payments.Select(p => p.Mapped.Remittance)]);
            var inspections = payments.Select((p, k) =>
            {
                var remittance = p.Mapped.Remittance.Currency is null && entity is not null ? p.Mapped.Remittance with { Currency = entity.Definition.Currency } : p.Mapped.Remittance;
                var application = engine is null || !p.IsClean ? null : engine.Apply(remittance with { AdviceOnly = false }, book!, entity!.Matcher);
                return new RemittanceInspection(keys[k], p.Mapped with { Remittance = remittance }, application);
            }).ToList();
            var scan = scans[i];
            results.Add(new InspectResult(paths[i], "scan-" + scan.Format, entity?.Code, profile?.Name, scan.Failed, problems, [], tried)
            {
                Bank = new BankFileSummary("scan (" + scan.Format + ")", entity is null ? null : $"read with {entity.Code}'s profile {profile!.Name}", book?.Count ?? 0, inspections),
                Scan = new ScanSummary(scan.Format, scan.Pages.Count, scan.Pages.FirstOrDefault()?.Ocr.Engine ?? "none", payments),
            });
        }

        return results;
    }

    private static string[] Unique(IReadOnlyList<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. paths.Select((p, i) => seen.Add(Path.GetFileName(p)) ? Path.GetFileName(p) : $"{Path.GetFileName(p)} ({i + 1})")];
    }

    private static InspectResult Failed(string path, EntityRuntime? entity, MappingProfile? profile, IReadOnlyList<string> tried, Problem problem)
        => new(path, "scan", entity?.Code, profile?.Name, true, [problem], [], tried);
}
