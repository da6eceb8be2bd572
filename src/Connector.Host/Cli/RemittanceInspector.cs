using Connector.Host.Pipeline;
using Connector.Mapping.CashApplication;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Profiles;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Advice;

namespace Connector.Host.Cli;

/// <summary>One payment of a bank file as inspect shows it: its key, what was read, and how cash application would apply it.</summary>
internal sealed record RemittanceInspection(string Key, MappedRemittance Read, CashApplicationResult? Application);

/// <summary>What inspect says of a bank file: its format, the entity it is for and why, the open items applied against.</summary>
internal sealed record BankFileSummary(string Format, string? Route, int OpenItems, IReadOnlyList<RemittanceInspection> Remittances);

/// <summary>
/// Inspects a bank or remittance file (BAI2, BAI lockbox, camt, X12 820, CFONB 120): reads every payment, and for an
/// entity (given, or found by the file's receiving account) applies each customer payment to that entity's open items
/// in file order, as a run would, printing each application with the rule that made it. Nothing is stored or posted.
/// </summary>
internal static class RemittanceInspector
{
    public static InspectResult Inspect(IReadOnlyList<EntityRuntime> entities, string path, BankFileFormat format, Func<EntityRuntime, IReadOnlyList<OpenItem>> openItems)
    {
        var name = BankFileReader.Name(format);
        var context = new DocumentReadContext(Path.GetFileName(path));
        IReadOnlyList<MappedRemittance> read;
        using (var stream = File.OpenRead(path))
        {
            read = BankFileReader.Read(stream, format, entities.Count == 1 ? entities[0].Code : "?", context);
        }

        var entity = entities.Count == 1 ? entities[0] : null;
        string? route = null;
        if (entity is null && read.Count > 0)
        {
            var found = new BankAccountRouter(entities.Select(e => e.Definition)).Route(read.Select(r => r.Remittance.ReceivingAccount), out var reason);
            route = reason;
            entity = found is null ? null : entities.First(e => e.Code == found.Code);
            read = entity is null ? read : [.. read.Select(r => r with { Remittance = r.Remittance with { EntityCode = entity.Code } })];
        }

        var keys = ReceiptKeys.Assign([.. read.Select(r => r.Remittance)]);
        var problems = context.Problems.ToList();
        if (entity is null)
        {
            if (read.Count > 0)
            {
                problems.Add(Problem.Warning(ProblemCodes.BankNoEntity, $"Cash application was not run: {route}. Name the entity with --entity.", context.At()));
            }

            return new InspectResult(path, name, null, null, context.Failed, problems, [], [])
            {
                Bank = new BankFileSummary(name, route, 0, [.. read.Select((r, i) => new RemittanceInspection(keys[i], r, null))]),
            };
        }

        var items = openItems(entity);
        var book = OpenItemBook.Build(items);
        var engine = new CashApplicationEngine(entity.Definition.CashApplication);
        var inspections = new List<RemittanceInspection>(read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var remittance = read[i].Remittance.Currency is null ? read[i].Remittance with { Currency = entity.Definition.Currency } : read[i].Remittance;
            var application = remittance.Direction == EntryDirection.Credit && !read[i].Problems.Any(p => p.Severity == ProblemSeverity.Error)
                ? engine.Apply(remittance, book, entity.Matcher)
                : null;
            inspections.Add(new RemittanceInspection(keys[i], read[i] with { Remittance = remittance }, application));
        }

        return new InspectResult(path, name, entity.Code, null, context.Failed, problems, [], [])
        {
            Bank = new BankFileSummary(name, route, items.Count, inspections),
        };
    }

    /// <summary>
    /// Inspects a CSV or XLSX remittance advice with a <c>record: remittance</c> profile of the entity: its payments
    /// (advices say what they pay; the money comes as bank credits) applied to the entity's open items as a credit with
    /// these lines would be.
    /// </summary>
    public static InspectResult InspectAdvice(EntityRuntime entity, MappingProfile profile, string path, string format, Func<EntityRuntime, IReadOnlyList<OpenItem>> openItems)
    {
        var context = new DocumentReadContext(Path.GetFileName(path));
        List<MappedRemittance> read;
        using (var stream = File.OpenRead(path))
        {
            read = [.. RemittanceDocumentReader.Read(stream, profile, entity.Code, context)];
        }

        if (context.Failed)
        {
            return new InspectResult(path, format, entity.Code, profile.Name, true, context.Problems, [], [])
            {
                Bank = new BankFileSummary("remittance advice", null, 0, []),
            };
        }

        var keys = ReceiptKeys.Assign([.. read.Select(r => r.Remittance)]);
        var book = OpenItemBook.Build(openItems(entity));
        var engine = new CashApplicationEngine(entity.Definition.CashApplication);
        var inspections = read.Select((r, i) =>
        {
            var remittance = r.Remittance.Currency is null ? r.Remittance with { Currency = entity.Definition.Currency } : r.Remittance;
            var application = r.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : engine.Apply(remittance with { AdviceOnly = false }, book, entity.Matcher);
            return new RemittanceInspection(keys[i], r with { Remittance = remittance }, application);
        }).ToList();
        return new InspectResult(path, format, entity.Code, profile.Name, false, context.Problems, [], [])
        {
            Bank = new BankFileSummary("remittance advice", $"read with {entity.Code}'s profile {profile.Name}", book.Count, inspections),
        };
    }

    /// <summary>The invoices the Connector posted itself as open items (<see cref="ConnectorOpenItems.PostedByConnector"/>).</summary>
    public static IReadOnlyList<OpenItem> PostedByConnector(Store.IConnectorStore store, string entity, int limit = 200_000)
        => ConnectorOpenItems.PostedByConnector(store, entity, limit);
}
