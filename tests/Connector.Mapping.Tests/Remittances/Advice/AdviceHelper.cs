using System.Text;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Advice;
using Connector.Mapping.Tests.Reading;
using Connector.Tests.Shared;

namespace Connector.Mapping.Tests.Remittances.Advice;

internal static class AdviceHelper
{
    /// <summary>A French remittance advice as a customer's accounts payable exports it.</summary>
    public const string CsvProfile = """
        name: p
        format: csv
        record: remittance
        csv: { delimiter: ";" }
        numbers: { decimal: ",", group: " " }
        dates: { formats: [dd/MM/yyyy] }
        fields:
          payment_number: { column: Règlement }
          payment_date: { column: Date }
          payment_method: { column: Mode, map: modes, default: VIR }
          payment_amount: { column: Montant }
          currency: { value: eur }
          payer_account: { column: Client, transforms: [trim, upper] }
          payer_name: { column: Nom }
          invoice_reference: { column: Facture }
          reference_kind: { column: Type, map: kinds }
          amount_paid: { column: Payé }
          discount: { column: Escompte }
          deduction: { column: Déduction }
          deduction_reason: { column: Motif }
        value_maps:
          modes: { VIR: credit_transfer, CHQ: cheque }
          kinds: { FA: invoice, AV: credit_note }
        """;

    public const string CsvHeader = "Règlement;Date;Mode;Montant;Client;Nom;Facture;Type;Payé;Escompte;Déduction;Motif\n";

    public static MappingProfile Profile(string yaml = CsvProfile) => ReadingHelper.Profile(yaml);

    public static (List<MappedRemittance> Payments, DocumentReadContext Context) ReadText(string text, MappingProfile? profile = null)
        => Read(new MemoryStream(new UTF8Encoding(false).GetBytes(text)), profile ?? Profile());

    public static (List<MappedRemittance> Payments, DocumentReadContext Context) Read(Stream stream, MappingProfile profile, string document = "avis.csv", ReaderLimits? limits = null)
    {
        var context = new DocumentReadContext(document, limits);
        var payments = RemittanceDocumentReader.Read(stream, profile, "FR01", context).ToList();
        return (payments, context);
    }

    /// <summary>The repository's mappings folder (beside the folder that holds Connector.slnx).</summary>
    public static string Mappings() => Path.Combine(SharedCorpus.Repository, "mappings");
}
