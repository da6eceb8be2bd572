using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Remittances.Advice;

public sealed class RemittanceProfileParserTests
{
    private static readonly Dictionary<string, ValueMap> NoShared = [];

    private const string Remittance = """
        name: avis
        format: csv
        record: remittance
        csv: { delimiter: ";" }
        numbers: { decimal: "," }
        dates: { formats: [dd/MM/yyyy] }
        fields:
          payment_number: { column: "N° règlement", transforms: [trim] }
          payment_date: { column: "Date règlement" }
          payment_method: { column: Mode, map: modes, default: credit_transfer }
          payment_amount: { column: "Montant règlement" }
          currency: { value: EUR }
          payer_name: { column: Client }
          payer_account: { column: "Code client" }
          payer_bank_account: { column: IBAN }
          payer_bank_id: { column: BIC }
          payer_tax_id: { column: TVA }
          receiving_account: { value: FR7630004000031234567890143 }
          free_text: { column: Libellé }
          invoice_reference: { column: "N° facture" }
          reference_kind: { column: Type, map: kinds }
          amount_paid: { column: "Montant payé" }
          invoice_amount: { column: "Montant facture" }
          discount: { column: Escompte }
          deduction: { column: Déduction }
          deduction_reason: { column: Motif }
          line_text: { column: Commentaire }
        value_maps:
          modes: { VIR: credit_transfer, CHQ: cheque, LCR: other }
          kinds: { FA: invoice, AV: credit_note, "*": unknown }
        """;

    private static ConfigResult<MappingProfile> Parse(string yaml, string file = "/m/fr01/avis.yaml") => ProfileParser.Parse(yaml, file, NoShared);

    [Fact]
    public void Parse_AdviceOnly_DefaultsToAdvicesAndMayBeTurnedOff()
    {
        Parse(Remittance).Value!.AdviceOnly.ShouldBeTrue();

        var receipts = Parse(Remittance.Replace("record: remittance", "record: remittance\nadvice_only: false", StringComparison.Ordinal));

        receipts.Errors.ShouldBeEmpty();
        receipts.Value!.AdviceOnly.ShouldBeFalse();
    }

    [Fact]
    public void Parse_AdviceOnlyInAnInvoiceProfile_IsRefused()
    {
        var yaml = "name: avis\nformat: csv\nadvice_only: true\nfields:\n  invoice_number: { column: A }\n";

        Parse(yaml).Errors.Select(e => e.ToString()).ShouldContain(e => e.Contains("advice_only") && e.Contains("record: remittance"));
    }

    [Fact]
    public void Parse_RemittanceProfile_ReadsEveryRemittanceField()
    {
        var result = Parse(Remittance);

        result.Errors.ShouldBeEmpty();
        var p = result.Value!;
        p.Record.ShouldBe(ProfileRecord.Remittance);
        p.Format.ShouldBe(ProfileFormat.Csv);
        p.Fields.Keys.Order().ShouldBe(CanonicalFields.Of(ProfileRecord.Remittance).Order());
        p.Fields[CanonicalField.PaymentMethod].Map!.Name.ShouldBe("modes");
        p.Fields[CanonicalField.ReferenceKind].Map!.Fallback.ShouldBe("unknown");
        CanonicalFields.TypeOf(CanonicalField.PaymentDate).ShouldBe(FieldType.Date);
        CanonicalFields.TypeOf(CanonicalField.AmountPaid).ShouldBe(FieldType.Number);
        CanonicalFields.IsHeader(CanonicalField.PayerBankAccount).ShouldBeTrue();
        CanonicalFields.IsHeader(CanonicalField.InvoiceReference).ShouldBeFalse();
    }

    [Fact]
    public void Parse_NoRecordKey_IsAnInvoiceProfileAsBefore()
    {
        var result = Parse("name: p\nformat: csv\nfields:\n  invoice_number: { column: A }\n  amount: { column: B }\n", "/m/x/p.yaml");

        result.Errors.ShouldBeEmpty();
        result.Value!.Record.ShouldBe(ProfileRecord.Invoice);
        Parse("name: p\nformat: xlsx\nrecord: invoice\nfields:\n  invoice_number: { column: A }\n", "/m/x/p.yaml").Value!.Record.ShouldBe(ProfileRecord.Invoice);
    }

    [Fact]
    public void Parse_XlsxRemittance_IsAccepted()
    {
        var result = Parse("name: p\nformat: xlsx\nrecord: remittance\nxlsx: { sheet: Avis }\nfields:\n  payment_number: { column: A }\n  amount_paid: { column: B }\n", "/m/x/p.yaml");

        result.Errors.ShouldBeEmpty();
        result.Value!.Record.ShouldBe(ProfileRecord.Remittance);
        result.Value.Format.ShouldBe(ProfileFormat.Xlsx);
    }

    [Fact]
    public void Parse_InvoiceFieldsInRemittanceProfile_AreRefusedNamingTheAllowedFields()
    {
        var result = Parse("name: p\nformat: csv\nrecord: remittance\nfields:\n  invoice_number: { column: A }\n  quantity: { column: B }\n  colour: { column: C }\n", "/m/x/p.yaml");

        result.Value.ShouldBeNull();
        var invoiceNumber = result.Errors.Single(e => e.Key == "fields.invoice_number");
        invoiceNumber.Message.ShouldContain("is an invoice field");
        invoiceNumber.Message.ShouldContain("payment_number, payment_date, payment_method");
        invoiceNumber.Message.ShouldContain("line 5");
        result.Errors.Single(e => e.Key == "fields.quantity").Message.ShouldContain("is an invoice field");
        var colour = result.Errors.Single(e => e.Key == "fields.colour");
        colour.Message.ShouldStartWith("'colour' is not a canonical field of a remittance profile: payment_number");
        colour.Message.ShouldContain("line_text");
        result.Errors.Single(e => e.Key == "fields.payment_number").Message.ShouldContain("every remittance profile maps the payment number");
    }

    [Fact]
    public void Parse_RemittanceFieldsInInvoiceProfile_AreRefusedNamingTheInvoiceFields()
    {
        var result = Parse("name: p\nformat: csv\nfields:\n  invoice_number: { column: A }\n  amount_paid: { column: B }\n  payment_number: { column: C }\n", "/m/x/p.yaml");

        result.Value.ShouldBeNull();
        result.Errors.Count.ShouldBe(2);
        var amountPaid = result.Errors.Single(e => e.Key == "fields.amount_paid");
        amountPaid.Message.ShouldContain("is a remittance field");
        amountPaid.Message.ShouldContain("invoice_number, kind, issue_date");
        amountPaid.Message.ShouldNotContain("payer_name");
        result.Errors.Single(e => e.Key == "fields.payment_number").Message.ShouldContain("record: remittance");
    }

    [Fact]
    public void Parse_BadRecordValues_AreRefused()
    {
        Parse("name: p\nformat: csv\nrecord: payment\nfields:\n  invoice_number: { column: A }\n", "/m/x/p.yaml")
            .Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                e => e.Key.ShouldBe("record"),
                e => e.Message.ShouldContain("invoice or remittance"));
        Parse("name: p\nformat: einvoice\nrecord: remittance\n", "/m/x/p.yaml")
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("csv and xlsx");
        Parse("name: p\nformat: csv\nrecord: remittance\ncredit_notes: { flip_sign: true }\nfields:\n  payment_number: { column: A }\n  amount_paid: { column: B }\n", "/m/x/p.yaml")
            .Errors.ShouldHaveSingleItem().Key.ShouldBe("credit_notes");
    }

    [Fact]
    public void Parse_CodedValuesOutsideTheVocabulary_AreRefused()
    {
        const string yaml = """
            name: p
            format: csv
            record: remittance
            fields:
              payment_number: { column: A }
              payment_method: { column: B, map: modes }
              reference_kind: { value: facture }
            value_maps:
              modes: { VIR: virement, CHQ: cheque }
            """;

        var result = Parse(yaml, "/m/x/p.yaml");

        result.Value.ShouldBeNull();
        result.Errors.Single(e => e.Key == "fields.payment_method").Message.ShouldContain("payment_method values must be one of cheque, ach, wire, credit_transfer, direct_debit, card, cash, other, found 'virement'");
        result.Errors.Single(e => e.Key == "fields.reference_kind").Message.ShouldContain("found 'facture'");
    }

    [Fact]
    public void Parse_RemittanceWithoutAnyAmount_IsRefused()
    {
        var result = Parse("name: p\nformat: csv\nrecord: remittance\nfields:\n  payment_number: { column: A }\n  invoice_reference: { column: B }\n", "/m/x/p.yaml");

        result.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Key.ShouldBe("fields"),
            e => e.Message.ShouldContain("amount_paid"),
            e => e.Message.ShouldContain("payment_amount"));
        Parse("name: p\nformat: csv\nrecord: remittance\nfields:\n  payment_number: { column: A }\n  payment_amount: { column: B }\n", "/m/x/p.yaml").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_ReadmeRemittanceExample_IsAValidProfile()
    {
        var readme = File.ReadAllText(Path.Combine(AdviceHelper.Mappings(), "README.md"));
        var section = readme[readme.IndexOf("## Remittance advice profiles", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var result = Parse(yaml, "/m/fr01/avis-paiement.yaml");

        result.Errors.ShouldBeEmpty();
        result.Value!.Record.ShouldBe(ProfileRecord.Remittance);
        result.Value.Fields.Count.ShouldBe(14);
    }
}
