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
    {
        var name = Path.GetFileName(path);
        var scanning = entities
            .SelectMany(e => e.Profiles.Where(p => p.Format == ProfileFormat.Scan && (profileName is null || string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase))).Select(p => (Entity: e, Profile: p)))
            .ToList();
        var (entity, profile) = scanning.Count == 1 ? scanning[0] : (null, null);
        var options = profile?.Scan ?? new ScanOptions();
        var tried = scanning.Select(s => $"{s.Entity.Code}/{s.Profile.Name}").ToList();
        if (!OcrRuntime.CanRead(options.Language, out var why))
        {
            return Failed(path, entity, profile, tried, Problem.Error(ProblemCodes.ScanUnreadable, $"'{name}' is a scan and cannot be read here: {why}", new SourceLocation(name)));
        }

        ScanDocument scan;
        try
        {
            using var stream = File.OpenRead(path);
            scan = new ScanDocumentReader(OcrRuntime.Engine()).Read(stream, name, options);
        }
        catch (OcrUnavailableException e)
        {
            return Failed(path, entity, profile, tried, Problem.Error(ProblemCodes.ScanUnreadable, $"'{name}' is a scan and cannot be read here: {e.Message}", new SourceLocation(name)));
        }

        var code = entity?.Code ?? "?";
        var assembly = ScanAssembler.Assemble(scan.Pages, code, options, entity?.Definition.Currency, entity is null ? null : [entity.Definition.Name]);
        var problems = scan.Problems.Concat(assembly.Problems).ToList();
        if (entity is null)
        {
            problems.Add(Problem.Warning(ProblemCodes.BankNoEntity, scanning.Count == 0
                ? "No entity has a scan profile: the scan was read with the defaults (English) and not applied to any invoices."
                : $"Several entities read scans ({string.Join(", ", tried)}): name one with --entity or --profile to apply the payments.", new SourceLocation(name)));
        }

        var payments = assembly.Payments;
        var keys = ReceiptKeys.Assign([.. payments.Select(p => p.Mapped.Remittance)]);
        var book = entity is null ? null : OpenItemBook.Build(openItems(entity));
        var engine = entity is null ? null : new CashApplicationEngine(entity.Definition.CashApplication);
        var inspections = payments.Select((p, i) =>
        {
            var remittance = p.Mapped.Remittance.Currency is null && entity is not null ? p.Mapped.Remittance with { Currency = entity.Definition.Currency } : p.Mapped.Remittance;
            var application = engine is null || !p.IsClean ? null : engine.Apply(remittance with { AdviceOnly = false }, book!, entity!.Matcher);
            return new RemittanceInspection(keys[i], p.Mapped with { Remittance = remittance }, application);
        }).ToList();
        var engineName = scan.Pages.FirstOrDefault()?.Ocr.Engine ?? "none";
        return new InspectResult(path, "scan-" + scan.Format, entity?.Code, profile?.Name, scan.Failed, problems, [], tried)
        {
            Bank = new BankFileSummary("scan (" + scan.Format + ")", entity is null ? null : $"read with {entity.Code}'s profile {profile!.Name}", book?.Count ?? 0, inspections),
            Scan = new ScanSummary(scan.Format, scan.Pages.Count, engineName, payments),
        };
    }

    private static InspectResult Failed(string path, EntityRuntime? entity, MappingProfile? profile, IReadOnlyList<string> tried, Problem problem)
        => new(path, "scan", entity?.Code, profile?.Name, true, [problem], [], tried);
}
