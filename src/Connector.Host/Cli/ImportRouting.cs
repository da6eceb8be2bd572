using Connector.Host.Pipeline;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Reading;

namespace Connector.Host.Cli;

/// <summary>
/// Which entity each imported file is for, when the operator did not say: e-invoices name their seller, and the
/// seller's VAT id, legal id or electronic address names the entity (<see cref="SellerRouter"/>). Other files, and
/// e-invoices of no entity, are not imported; each says why.
/// </summary>
internal sealed record ImportRouting(IReadOnlyList<(string Entity, IReadOnlyList<string> Files)> Groups, IReadOnlyList<(string File, string Why)> Unrouted)
{
    public static ImportRouting BySeller(ConnectorApp app, IReadOnlyList<string> files)
    {
        var reading = new EInvoiceReading(EntityRuntime.PdfExtractor, new SellerRouter(app.Catalog.Entities), null);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unrouted = new List<(string, string)>();
        foreach (var file in files)
        {
            var format = Inspector.Sniff(file);
            if (format is not ("pdf" or "xml"))
            {
                unrouted.Add((file, $"a {format} file names no seller: give --entity"));
                continue;
            }

            var context = new DocumentReadContext(Path.GetFileName(file)) { EInvoices = reading };
            EInvoiceDocument document;
            using (var stream = File.OpenRead(file))
            {
                document = EInvoiceDocumentReader.ReadDocument(stream, null, "?", context);
            }

            if (document.Route?.Entity is { } entity)
            {
                (groups.TryGetValue(entity.Code, out var list) ? list : groups[entity.Code] = []).Add(file);
            }
            else
            {
                var why = document.Route?.Reason ?? string.Join("; ", context.Problems.Select(p => p.Message).DefaultIfEmpty("it could not be read as an e-invoice"));
                unrouted.Add((file, why + " (give --entity to import it anyway, kept as a failed document)"));
            }
        }

        return new ImportRouting([.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<string>)g.Value))], unrouted);
    }
}
