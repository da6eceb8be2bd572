using Connector.Host.Pipeline;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Mapping;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Host.Cli;

/// <summary>What inspect says of an e-invoice beyond its record: container, syntax, claimed profile, route.</summary>
internal sealed record EInvoiceSummary(
    string Container,
    string? Syntax,
    string? EmbeddedFile,
    string? XmpConformanceLevel,
    string? Profile,
    string? SpecificationId,
    string? Route)
{
    /// <summary>The canonical invoice when no entity could be found for it (it is then not matched or validated).</summary>
    public Invoice? Unrouted { get; init; }

    /// <summary>The EN 16931 checks and reading problems of an unrouted invoice.</summary>
    public IReadOnlyList<Problem> UnroutedProblems { get; init; } = [];
}

/// <summary>
/// Inspects a UBL, CII or ZUGFeRD XML file or a Factur-X / ZUGFeRD PDF. With one entity (<c>--entity</c>) it is read as
/// that entity receives it (its e-invoice profile, the seller checked against it, its customers); without, the seller's
/// identifiers route it to its entity first.
/// </summary>
internal static class EInvoiceInspector
{
    public static InspectResult Inspect(IReadOnlyList<EntityRuntime> entities, string path, string? profileName, string format)
    {
        var entity = entities.Count == 1 ? entities[0] : null;
        string? route = null;
        if (entity is null)
        {
            var reading = entities.Count > 0 ? entities[0].EInvoices : new EInvoiceReading(null, null, null);
            var context = new DocumentReadContext(Path.GetFileName(path)) { EInvoices = reading with { Entity = null } };
            EInvoiceDocument routed;
            using (var stream = File.OpenRead(path))
            {
                routed = EInvoiceDocumentReader.ReadDocument(stream, null, "?", context);
            }

            route = routed.Route?.Reason;
            entity = routed.Route?.Entity is { } found ? entities.FirstOrDefault(e => string.Equals(e.Code, found.Code, StringComparison.Ordinal)) : null;
            if (context.Failed || entity is null)
            {
                var problems = context.Problems.ToList();
                if (!context.Failed)
                {
                    problems.Add(Problem.Error(ProblemCodes.EInvoiceSellerUnknown, $"No entity to read it for: {route ?? "the seller could not be read"}. Name one with --entity.", new SourceLocation(Path.GetFileName(path))));
                }

                return new InspectResult(path, format, null, null, DocumentFailed: true, problems, [], [])
                {
                    EInvoice = Summary(routed, route) with
                    {
                        Unrouted = routed.Record?.Invoice,
                        UnroutedProblems = routed.Record?.Problems ?? [],
                    },
                };
            }
        }

        return Read(entity, ProfileFor(entity, profileName), path, format, route);
    }

    private static InspectResult Read(EntityRuntime entity, MappingProfile? profile, string path, string format, string? route)
    {
        var context = new DocumentReadContext(Path.GetFileName(path)) { EInvoices = entity.EInvoices };
        EInvoiceDocument document;
        using (var stream = File.OpenRead(path))
        {
            document = EInvoiceDocumentReader.ReadDocument(stream, profile, entity.Code, context);
        }

        // Shown even when the document fails (a seller of another entity): the operator sees what it says and why it stops.
        var records = document.Record is { } mapped
            ? [RecordEvaluator.Evaluate(entity, mapped.Invoice, mapped.Problems, DuplicateVerdict.None)]
            : new List<RecordEvaluation>();
        return new InspectResult(path, format, entity.Code, profile?.Name, context.Failed, context.Problems, records, [])
        {
            EInvoice = Summary(document, route ?? document.Route?.Reason),
        };
    }

    /// <summary>The profile asked for; else the entity's first e-invoice profile; else none (the EN 16931 defaults).</summary>
    private static MappingProfile? ProfileFor(EntityRuntime entity, string? name)
    {
        if (name is not null)
        {
            var named = entity.Profile(name);
            return named.Format == ProfileFormat.EInvoice
                ? named
                : throw new ArgumentException($"Profile '{named.Name}' of {entity.Code} reads {named.Format} files, not e-invoices.", nameof(name));
        }

        return entity.Profiles.FirstOrDefault(p => p.Format == ProfileFormat.EInvoice);
    }

    private static EInvoiceSummary Summary(EInvoiceDocument document, string? route)
        => new(
            document.Format == "pdf" ? "pdf" : "xml",
            document.Invoice is { } invoice ? invoice.Syntax switch
            {
                EInvoiceSyntax.Ubl => "UBL 2.1",
                EInvoiceSyntax.Cii => "CII",
                _ => "ZUGFeRD 1.0",
            } : null,
            document.EmbeddedFile,
            document.XmpConformanceLevel,
            document.Invoice is { } claimed ? EInvoiceMapper.ProfileName(claimed) : null,
            document.Invoice?.SpecificationId,
            route);
}
