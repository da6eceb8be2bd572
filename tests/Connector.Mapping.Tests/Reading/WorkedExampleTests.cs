using System.Text;
using Connector.Mapping.Model;
using Connector.Mapping.Profiles;
using static Connector.Mapping.Tests.Reading.ReadingHelper;

namespace Connector.Mapping.Tests.Reading;

/// <summary>The worked example of mappings/README.md, run as written, so that the tutorial stays true.</summary>
public sealed class WorkedExampleTests
{
    private const string Sample = """
        Export factures du 01/03/2026 au 05/03/2026
        N° facture;Type;Date facture;Échéance;Code client;Raison sociale;Devise;Article;Désignation;Qté;PU HT;Taux TVA;Montant TVA
        F-2026-0101;FA;02/03/2026;01/04/2026;C-1001;ACME Corp;€;  wid-10 ;Widget bleu;2;1 234,50;20 %;493,80
        F-2026-0101;FA;02/03/2026;01/04/2026;C-1001;ACME Corp;€;gad-20;Gadget;1;99,90;20 %;19,98
        F-2026-0102;AV;03/03/2026;03/03/2026;C-1002;Beta SARL;€;wid-10;Retour widget;1;1 234,50;20 %;246,90

        """;

    private const string ProfileYaml = """
        name: p
        description: Daily export of Dupont's billing system
        format: csv
        csv:
          delimiter: ";"
          encoding: windows-1252
          skip_rows: 1
        numbers:
          decimal: ","
          group: " "
        dates:
          formats: [dd/MM/yyyy]
        credit_notes:
          flip_sign: true
        fields:
          invoice_number: { column: "N° facture" }
          kind: { column: Type, map: doc_types }
          issue_date: { column: "Date facture" }
          due_date: { column: "Échéance" }
          customer_account: { column: "Code client" }
          customer_name: { column: "Raison sociale" }
          currency: { column: Devise, map: "shared:currencies", default: EUR }
          item_code: { column: Article, transforms: [trim, upper] }
          description: { column: Désignation }
          quantity: { column: Qté }
          unit_price: { column: "PU HT" }
          tax_rate: { column: "Taux TVA", transforms: [{ regex: "([0-9.,]+)" }] }
          tax_amount: { column: "Montant TVA" }
        value_maps:
          doc_types: { FA: invoice, AV: credit_note }
        """;

    [Fact]
    public void ReadmeWorkedExample_MapsAsTheTutorialSays()
    {
        var shared = new Dictionary<string, ValueMap> { ["currencies"] = new("currencies", [new("€", "EUR"), new("$", "USD")]) };

        var (invoices, context) = ReadText(Sample.Replace("\r\n", "\n", StringComparison.Ordinal), Profile(ProfileYaml, shared), Encoding.GetEncoding(1252));

        context.Problems.ShouldBeEmpty();
        invoices.Count.ShouldBe(2);
        invoices.ShouldAllBe(i => i.Problems.Count == 0);
        var invoice = invoices[0].Invoice;
        invoice.Kind.ShouldBe(InvoiceKind.Invoice);
        invoice.Currency.ShouldBe("EUR");
        invoice.DueDate.ShouldBe(new DateOnly(2026, 4, 1));
        invoice.Customer.ShouldBe(new CustomerReference("C-1001", null, "ACME Corp"));
        invoice.Lines.Select(l => (l.LineNumber, l.ItemCode, l.Amount, l.TaxRate, l.TaxAmount)).ShouldBe(
            [(1, "WID-10", 2469.00m, 20m, 493.80m), (2, "GAD-20", 99.90m, 20m, 19.98m)]);
        invoice.Source.Line.ShouldBe(3);
        var credit = invoices[1].Invoice;
        credit.Kind.ShouldBe(InvoiceKind.CreditNote);
        credit.NetTotal.ShouldBe(-1234.50m);
        credit.TaxTotal.ShouldBe(-246.90m);
        credit.Lines[0].Description.ShouldBe("Retour widget");
    }
}
