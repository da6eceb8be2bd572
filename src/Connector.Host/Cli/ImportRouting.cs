using Connector.Host.Pipeline;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;

namespace Connector.Host.Cli;

/// <summary>
/// Which entity each imported file is for, when the operator did not say: e-invoices name their seller, and the
/// seller's VAT id, legal id or electronic address names the entity (<see cref="SellerRouter"/>); bank files name the
/// account the money arrived on, one of an entity's <c>identifiers.bank_accounts</c> (<see cref="BankAccountRouter"/>).
/// Other files, and files of no entity, are not imported; each says why.
/// </summary>
internal sealed record ImportRouting(IReadOnlyList<(string Entity, IReadOnlyList<string> Files)> Groups, IReadOnlyList<(string File, string Why)> Unrouted)
{
    public static ImportRouting BySeller(ConnectorApp app, IReadOnlyList<string> files)
    {
        var reading = new EInvoiceReading(EntityRuntime.PdfExtractor, new SellerRouter(app.Catalog.Entities), null);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unrouted = new List<(string, string)>();
        var accounts = new BankAccountRouter(app.Catalog.Entities);
        foreach (var file in files)
        {
            if (EntityRunner.IsBankFile(file))
            {
                var routed = ByAccount(accounts, file, out var why);
                if (routed is null)
                {
                    unrouted.Add((file, why + " (give --entity to import it anyway)"));
                }
                else
                {
                    (groups.TryGetValue(routed, out var list) ? list : groups[routed] = []).Add(file);
                }

                continue;
            }

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

    /// <summary>The entity whose bank account the file's payments arrived on, or null with the reason.</summary>
    private static string? ByAccount(BankAccountRouter accounts, string file, out string why)
    {
        var context = new DocumentReadContext(Path.GetFileName(file));
        IReadOnlyList<MappedRemittance> read;
        using (var stream = File.OpenRead(file))
        {
            read = BankFileReader.Read(stream, BankFileReader.Detect(stream), "?", context);
        }

        if (context.Failed)
        {
            why = "the bank file cannot be read: " + string.Join("; ", context.Problems.Select(p => p.Message));
            return null;
        }

        return accounts.Route(read.Select(r => r.Remittance.ReceivingAccount), out why)?.Code;
    }
}
