using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Host.Pipeline;
using Connector.Host.Store;
using Connector.Host.Tests.Pipeline;
using Connector.Host.Tests.Posting.Tryton;
using Connector.Plugins.Tryton;
using Connector.Plugins.Tryton.Tests;

namespace Connector.Host.Tests.Payments;

/// <summary>
/// The FR02 sample entity into the real Tryton through the installed plugin (under its own code, FB02, so that its
/// invoices are its own in the shared server): two of its sample invoices posted by the pipeline, then a camt.054
/// paying them, the second without saying what it pays: a remittance advice the customer sent (a CSV read through a
/// remittance profile) says so. Each payment becomes a payment in Tryton (the pay wizard) and the invoices are paid; the same payments
/// again, in a second notification, change nothing. Tryton numbers invoices in date order per fiscal year, and other
/// tests post into the same server: the invoices are dated on the day the kill test dates its own (15 January of next
/// year), which neither refuses whichever runs first.
/// </summary>
[Collection(TrytonCollection.Name)]
public sealed class ReceiptsIntoTrytonTests(TrytonServer server) : IDisposable
{
    private const string Code = "FB02";

    private readonly TempDirectory _mappings = new();

    [TrytonFact]
    public async Task BankFilePayingTwoPostedInvoices_PaidInTrytonOnceAndNothingMoreWhenReceivedAgain()
    {
        server.EnsureRunning();
        TrytonPipeline.CopyMappings(server, _mappings.Path, yaml => yaml
            .Replace("code: FR02", $"code: {Code}", StringComparison.Ordinal)
            .Replace("    journal: REV", "    journal: REV\n    payment_method: Bank", StringComparison.Ordinal)
            .Replace("    pattern: \"FACTURES_GARNIER_*.csv\"", "    pattern: \"FACTURES_GARNIER_*.csv\"\n  - name: banque\n    inbox: inbox/FB02-banque\n    schedule: \"0 */5 * * * ?\"\n    profile: releves\n    pattern: \"*.xml\"\n  - name: avis\n    inbox: inbox/FB02-avis\n    schedule: \"0 */5 * * * ?\"\n    profile: avis\n    pattern: \"*.csv\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_mappings.Path, "fr-tryton", "releves.yaml"), "name: releves\nformat: bank\n");
        File.WriteAllText(Path.Combine(_mappings.Path, "fr-tryton", "avis.yaml"), """
            name: avis
            format: csv
            record: remittance
            csv: { delimiter: ";" }
            dates: { formats: [yyyy-MM-dd] }
            fields:
              payment_number: { column: Reglement, required: true }
              payment_date: { column: Date }
              payer_account: { column: Client }
              currency: { value: EUR }
              invoice_reference: { column: Facture }
              amount_paid: { column: Montant }
            """);
        using var harness = new PipelineHarness(_mappings.Path) { ExportOptions = new ExportOptions() };
        var day = new DateOnly(TimeProvider.System.GetUtcNow().Year + 1, 1, 15);
        harness.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var entity = harness.Entity(Code);
        harness.DropInInbox("FR02", $"FACTURES_GARNIER_{day:yyyyMMdd}.csv", Invoices(day));
        var target = TrytonPipeline.Registry().Create(entity.Definition, TrytonPipeline.Context(harness.Paths.DataDirectory, server));
        harness.Target = target;
        using var reader = TrytonPipeline.Reader(entity.Definition, server);
        try
        {
            (await harness.RunAsync(Code)).Export!.End.ShouldBe(ExportEnd.Done);
            harness.DropInInbox("FB02-avis", "avis-hotel-du-port.csv", Encoding.UTF8.GetBytes($"Reglement;Date;Client;Facture;Montant\r\nAV-HDP-1;{day:yyyy-MM-dd};CLI-102;F2611-002;1313.84\r\n"));
            var advised = await harness.RunAsync(Code);
            harness.Store.RemittancesOfRun(advised.RunId).Single().State.ShouldBe(RemittanceState.Advice);
            harness.DropInInbox("FB02-banque", "FB02_camt054.xml", Camt("MSG-1", day));

            var run = await harness.RunAsync(Code);

            run.Receipts!.End.ShouldBe(ExportEnd.Done, run.Receipts.Detail);
            var payments = harness.Store.RemittancesOfRun(run.RunId);
            payments.Select(p => $"{p.Remittance.PaymentNumber} {p.State} {string.Join(",", p.Applications.Select(a => a.InvoiceNumber))}").Order(StringComparer.Ordinal)
                .ToList().ShouldBe(["E2E-FB-001 Confirmed F2611-001", "E2E-FB-002 Confirmed F2611-002"], string.Join("; ", payments.Select(p => p.Reason + " " + p.Explanation)));
            foreach (var number in new[] { "F2611-001", "F2611-002" })
            {
                var invoice = (await InvoiceAsync(reader, number)).AsObject();
                invoice["state"]!.GetValue<string>().ShouldBe("paid", number);
                TrytonPipeline.Decimal(invoice["amount_to_pay"]).ShouldBe(0m, number);
            }

            (await MovesAsync(reader, "E2E-FB-001")).ShouldBe(1);
            (await MovesAsync(reader, "E2E-FB-002")).ShouldBe(1);
            payments.Single(p => p.Remittance.PaymentNumber == "E2E-FB-002").Remittance.FreeText!.ShouldContain("remittance advice AV-HDP-1");
            harness.DropInInbox("FB02-banque", "FB02_camt054-bis.xml", Camt("MSG-2", day));

            var again = await harness.RunAsync(Code);

            harness.Store.RemittancesOfRun(again.RunId).Select(p => p.State).ShouldBe([RemittanceState.Duplicate, RemittanceState.Duplicate]);
            (await MovesAsync(reader, "E2E-FB-001")).ShouldBe(1);
            (await MovesAsync(reader, "E2E-FB-002")).ShouldBe(1);
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    public void Dispose() => _mappings.Dispose();

    private static async Task<JsonNode> InvoiceAsync(TrytonTarget reader, string number)
    {
        var found = await reader.Rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("reference", "=", $"{Code}|INV|{number}")], null, ["id", "state", "amount_to_pay"], CancellationToken.None);
        return found.ShouldHaveSingleItem()!;
    }

    /// <summary>The payment moves Tryton holds for a receipt number (the pay wizard's description starts with it).</summary>
    private static async Task<int> MovesAsync(TrytonTarget reader, string receiptNumber)
    {
        var found = await reader.Rpc.SearchReadAsync("account.move", [TrytonJson.Clause("description", "like", receiptNumber + " (%")], null, ["id"], CancellationToken.None);
        return found.Count;
    }

    /// <summary>The sample file's invoices F2611-001 and F2611-002 (CLI-101, CLI-102), issued on <paramref name="day"/>.</summary>
    private static byte[] Invoices(DateOnly day)
    {
        var sample = File.ReadAllLines(Path.Combine(PipelineHarness.RepositoryMappings, "fr-tryton", "samples", "FACTURES_GARNIER_20261102.csv"), Encoding.UTF8);
        var issued = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var lines = sample.Take(1).Concat(sample.Where(l => l.StartsWith("FAC;F2611-001;", StringComparison.Ordinal)).Select(l => Dated(l, issued, day.AddDays(30))))
            .Concat(sample.Where(l => l.StartsWith("FAC;F2611-002;", StringComparison.Ordinal)).Select(l => Dated(l, issued, day.AddDays(60))));
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    private static string Dated(string line, string issued, DateOnly due)
    {
        var fields = line.Split(';');
        fields[2] = issued;
        fields[3] = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return string.Join(';', fields);
    }

    /// <summary>
    /// A camt.054 crediting F2611-001 (CLI-101, 1706.40, with its reference) and F2611-002 (CLI-102, 1313.84, without:
    /// its advice says what it pays) on <paramref name="day"/>.
    /// </summary>
    private static byte[] Camt(string messageId, DateOnly day)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entries = new StringBuilder();
        var payments = new (string Id, decimal Amount, string Payer, string Invoice)[]
        {
            ("E2E-FB-001", 1706.40m, "BOULANGERIE MARTIN SARL", "F2611-001"),
            ("E2E-FB-002", 1313.84m, "HOTEL DU PORT SAS", "F2611-002"),
        };
        for (var i = 0; i < payments.Length; i++)
        {
            var (id, amount, payer, invoice) = payments[i];
            var text = amount.ToString("0.00", CultureInfo.InvariantCulture);
            entries.Append(CultureInfo.InvariantCulture, $"""
                      <Ntry>
                        <NtryRef>{i + 1}</NtryRef>
                        <Amt Ccy="EUR">{text}</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>{date}</Dt></BookgDt>
                        <ValDt><Dt>{date}</Dt></ValDt>
                        <AcctSvcrRef>CMB2026112000{i + 1}</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><AcctSvcrRef>CMB2026112000{i + 1}</AcctSvcrRef><EndToEndId>{id}</EndToEndId></Refs>
                            <Amt Ccy="EUR">{text}</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr></RltdPties>
                            {(i == 0 ? $"<RmtInf><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>{invoice}</Nb></RfrdDocInf><RfrdDocAmt><RmtdAmt Ccy=\"EUR\">{text}</RmtdAmt></RfrdDocAmt></Strd></RmtInf>" : "<RmtInf><Ustrd>VIREMENT</Ustrd></RmtInf>")}
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>

                """);
        }

        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>{date}T18:00:00+01:00</CreDtTm></GrpHdr>
                <Ntfctn>
                  <Id>{messageId}</Id>
                  <CreDtTm>{date}T18:00:00+01:00</CreDtTm>
                  <Acct><Id><IBAN>FR7615589297000123456789042</IBAN></Id><Ccy>EUR</Ccy></Acct>
            {entries}    </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """);
    }
}
