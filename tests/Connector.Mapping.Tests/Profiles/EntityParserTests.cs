using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Profiles;

public sealed class EntityParserTests
{
    internal const string Valid = """
        code: FR01
        name: Dupont Distribution SAS
        currency: EUR
        country: FR
        master_data: customers.csv
        accepted_currencies: [USD]
        target:
          type: oracle-fbdi
          business_unit: FR01 Business Unit
          business_unit_id: "300000001234567"
          transaction_source: CONNECTOR FR01
          transaction_type: Invoice
          credit_memo_type: Credit Memo
          default_terms: 30 NET
          max_lines_per_file: 5000
        sources:
          - name: billing-export
            inbox: inbox/FR01
            schedule: "0 */5 * * * ?"
            profile: factures-csv
            pattern: "*.csv"
        matching:
          accept_score: 95
        validation:
          amount_tolerance: 0.05
        """;

    [Fact]
    public void Parse_ValidEntity_ReadsEverything()
    {
        var result = EntityParser.Parse(Valid, "/m/fr01/entity.yaml", "/m/fr01");

        result.Errors.ShouldBeEmpty();
        var e = result.Value!;
        e.Code.ShouldBe("FR01");
        e.Directory.ShouldBe("/m/fr01");
        e.AcceptedCurrencies.ShouldBe(["USD"]);
        e.Target.BusinessUnitId.ShouldBe("300000001234567");
        e.Target.FlexfieldContext.ShouldBe("CONNECTOR");
        e.Target.MaxLinesPerFile.ShouldBe(5000);
        e.Sources.ShouldHaveSingleItem().Pattern.ShouldBe("*.csv");
        e.Matching.AcceptScore.ShouldBe(95);
        e.Matching.ProposeScore.ShouldBe(70);
        e.Validation.AmountTolerance.ShouldBe(0.05m);
    }

    [Fact]
    public void Parse_BrokenEntity_ReportsEveryError()
    {
        const string yaml = """
            code: fr-01
            name: X
            currency: EURO
            country: ZZ
            colour: red
            target:
              type: SAP R/3
              business_unit: BU
            sources:
              - { name: a, inbox: in, schedule: "0 * * * * ?", profile: p }
              - { name: a, inbox: in, schedule: "0 * * * * ?", profile: p }
            matching: { accept_score: 150 }
            """;

        var result = EntityParser.Parse(yaml, "entity.yaml", "/m/x");

        result.Value.ShouldBeNull();
        var keys = result.Errors.Select(e => e.Key).ToList();
        keys.ShouldContain("code");
        keys.ShouldContain("currency");
        keys.ShouldContain("country");
        keys.ShouldContain("colour");
        keys.ShouldContain("master_data");
        keys.ShouldContain("target.type");
        keys.ShouldContain("target.transaction_source");
        keys.ShouldContain("sources[1].name");
        keys.ShouldContain("matching.accept_score");
        result.Errors.Single(e => e.Key == "sources[1].name").Message.ShouldContain("duplicate");
    }

    [Fact]
    public void Parse_Identifiers_ReadsVatLegalIdsAndElectronicAddresses()
    {
        var yaml = Valid + """

            identifiers:
              vat_ids: [FR13412987653]
              legal_ids: ["412987653", "0009:41298765310009"]
              electronic_addresses: ["0225:412987653"]
              bank_accounts: [FR7630004000031234567890143]
            """;

        var result = EntityParser.Parse(yaml, "entity.yaml", "/m/fr01");

        result.Errors.ShouldBeEmpty();
        result.Value!.Identifiers.BankAccounts.ShouldBe(["FR7630004000031234567890143"]);
        result.Value!.Identifiers.VatIds.ShouldBe(["FR13412987653"]);
        result.Value.Identifiers.LegalIds.ShouldBe(["412987653", "0009:41298765310009"]);
        result.Value.Identifiers.ElectronicAddresses.ShouldBe(["0225:412987653"]);
    }

    [Fact]
    public void Parse_BadIdentifiers_NamesEachOne()
    {
        var yaml = Valid + """

            identifiers:
              vat_ids: ["412987653"]
              electronic_addresses: ["412987653"]
            """;

        var result = EntityParser.Parse(yaml, "entity.yaml", "/m/fr01");

        result.Errors.Select(e => e.ToString()).ShouldContain(e => e.Contains("identifiers.vat_ids[0]") && e.Contains("is not a VAT id"));
        result.Errors.Select(e => e.ToString()).ShouldContain(e => e.Contains("identifiers.electronic_addresses[0]") && e.Contains("needs its scheme"));
    }
}
