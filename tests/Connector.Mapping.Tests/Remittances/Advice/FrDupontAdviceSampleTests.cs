using Connector.Mapping.Model;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances.Advice;

namespace Connector.Mapping.Tests.Remittances.Advice;

/// <summary>The FR01 sample remittance advice, read with the repository's profile, gives exactly what samples/bank/EXPECTED.md says.</summary>
public sealed class FrDupontAdviceSampleTests
{
    private const string Iban = "FR7630004000031234567890143";

    private static MappingProfile LoadProfile()
    {
        var mappings = AdviceHelper.Mappings();
        var sharedPath = Path.Combine(mappings, "shared", "value-maps.yaml");
        var shared = SharedValueMapsParser.Parse(File.ReadAllText(sharedPath), sharedPath).Value!;
        var path = Path.Combine(mappings, "fr-dupont", "avis-paiement.yaml");
        var result = ProfileParser.Parse(File.ReadAllText(path), path, shared);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    [Fact]
    public void Read_Fr01Sample_GivesExactlyTheExpectedPayments()
    {
        var profile = LoadProfile();
        var context = new DocumentReadContext("AVIS_PAIEMENT_20261121.csv");
        using var stream = File.OpenRead(Path.Combine(AdviceHelper.Mappings(), "fr-dupont", "samples", "bank", "AVIS_PAIEMENT_20261121.csv"));

        var payments = RemittanceDocumentReader.Read(stream, profile, "FR01", context).ToList();

        context.Failed.ShouldBeFalse();
        context.Problems.ShouldBeEmpty();
        context.RowsRead.ShouldBe(5);
        payments.ShouldAllBe(p => p.Problems.Count == 0);
        payments.Select(p => (p.Remittance.PaymentNumber, p.Remittance.PaymentDate, p.Remittance.Method, p.Remittance.Amount, p.Remittance.Payer.CustomerAccount, p.Remittance.Payer.Name, p.Remittance.Payer.BankAccount, p.Remittance.Source.Line)).ShouldBe([
            ("VIR-2611-0187", new DateOnly(2026, 11, 21), PaymentMethod.CreditTransfer, 1929.92m, "C10025", "Nexa Immobilier SAS", "FR1630003012340005012345678", 3),
            ("VIR-2611-0192", new DateOnly(2026, 11, 21), PaymentMethod.CreditTransfer, 1717.72m, "C10003", "Bâtiments Rhône-Alpes SAS", "FR4810096180000012345678914", 5),
            ("CHQ-4417203", new DateOnly(2026, 11, 20), PaymentMethod.Cheque, 866.32m, "C10023", "Auvergne Câblage Industrie SAS", null, 7),
        ]);
        payments.ShouldAllBe(p => p.Remittance.Currency == "EUR" && p.Remittance.ReceivingAccount == Iban && p.Remittance.EntityCode == "FR01");

        var lines = payments.SelectMany(p => p.Remittance.Lines.Select(l => (p.Remittance.PaymentNumber, l.LineNumber, l.Reference, l.Kind, l.AmountPaid, l.DiscountTaken, l.Deduction, l.DeductionReason, l.Source.Line))).ToList();
        lines.ShouldBe([
            ("VIR-2611-0187", 1, "F26-004532", ReferenceKind.Invoice, 714.48m, null, null, null, 3),
            ("VIR-2611-0187", 2, "F26-004535", ReferenceKind.Invoice, 1215.44m, null, 10.00m, "LIVRAISON INCOMPLETE", 4),
            ("VIR-2611-0192", 1, "FX26-00102", ReferenceKind.Invoice, 1930.24m, null, null, null, 5),
            ("VIR-2611-0192", 2, "AV26-000231", ReferenceKind.CreditNote, 212.52m, null, null, null, 6),
            ("CHQ-4417203", 1, "F26-004531", ReferenceKind.Invoice, 866.32m, 17.68m, null, null, 7),
        ]);
    }
}
