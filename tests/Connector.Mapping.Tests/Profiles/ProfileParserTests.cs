using Connector.Mapping.Profiles;

namespace Connector.Mapping.Tests.Profiles;

public sealed class ProfileParserTests
{
    private static readonly Dictionary<string, ValueMap> Shared = new()
    {
        ["currencies"] = new ValueMap("currencies", [new("€", "EUR"), new("$", "USD")]),
    };

    private const string ReadmeProfile = """
        name: factures-csv
        description: Export of the billing system
        format: csv
        csv:
          delimiter: ";"
          quote: '"'
          encoding: windows-1252
          skip_rows: 0
          header: true
        numbers:
          decimal: ","
          group: " "
        dates:
          formats: [dd/MM/yyyy]
        credit_notes:
          flip_sign: true
          negative_total_is_credit: false
        fields:
          invoice_number: { column: "N° facture" }
          kind: { column: Type, map: doc_types }
          issue_date: { column: "Date facture" }
          due_date: { column: "Échéance", format: [dd.MM.yyyy, yyyyMMdd] }
          currency: { column: Devise, map: "shared:currencies", default: EUR }
          payment_terms: { column: Conditions, map: terms }
          comments: { concat: [ { column: Objet }, " / ", { column: Agence } ] }
          item_code: { column: Article, transforms: [trim, upper] }
          tax_rate: { column: "Taux TVA", transforms: [{ regex: "([0-9.,]+)" }] }
          description: { column: Désignation, transforms: [{ replace: { pattern: "\\s+", with: " " } }, { prefix: "> " }, { suffix: " <" }] }
          unit: { value: EA }
        value_maps:
          terms: { "30 jours": "30 NET", "45 jours fin de mois": "45 EOM" }
          doc_types: { FA: invoice, AV: credit_note }
        """;

    [Fact]
    public void Parse_ReadmeProfile_ReadsEverySection()
    {
        var result = ProfileParser.Parse(ReadmeProfile, "/m/fr01/factures-csv.yaml", Shared);

        result.Errors.ShouldBeEmpty();
        var p = result.Value!;
        p.Name.ShouldBe("factures-csv");
        p.Format.ShouldBe(ProfileFormat.Csv);
        p.Csv.Delimiter.ShouldBe(';');
        p.Csv.Encoding.ShouldBe("windows-1252");
        p.Numbers.Decimal.ShouldBe(',');
        p.Numbers.Group.ShouldContain('\u00A0');
        p.DateFormats.ShouldBe(["dd/MM/yyyy"]);
        p.CreditNotes.FlipSign.ShouldBeTrue();
        p.Fields[CanonicalField.Currency].Map!.Name.ShouldBe("currencies");
        p.Fields[CanonicalField.Currency].Default.ShouldBe("EUR");
        p.Fields[CanonicalField.DueDate].Formats.ShouldBe(["dd.MM.yyyy", "yyyyMMdd"]);
        p.Fields[CanonicalField.Comments].Parts.Count.ShouldBe(3);
        p.Fields[CanonicalField.ItemCode].Transforms.Select(t => t.Kind).ShouldBe([TransformKind.Trim, TransformKind.Upper]);
        p.Fields[CanonicalField.Unit].Source.ShouldBe(FieldSourceKind.Value);
        p.Fields[CanonicalField.Kind].Map!.TryMap(" av ", out var kind).ShouldBeTrue();
        kind.ShouldBe("credit_note");
    }

    [Fact]
    public void Parse_BrokenProfile_ReportsEveryErrorWithKeyAndLine()
    {
        const string yaml = """
            name: other-name
            format: csv
            colour: blue
            csv:
              delimiter: ";;"
              encoding: ebcdic
              header: maybe
            dates:
              formats: [dd/MM/yyyy, "nonsense"]
            fields:
              total_net: { column: A, position: 2 }
              issue_date: { column: B, transforms: [trim, { regex: "([0-9" }] }
              currency: { column: C, map: nowhere }
              payment_terms: { column: D, map: "shared:missing" }
              colour_of_invoice: { column: E }
              quantity: { column: F, format: dd/MM/yyyy }
              kind: { value: facture }
              item_code: { column: G, transforms: [shout] }
            """;

        var result = ProfileParser.Parse(yaml, "/m/fr01/factures.yaml", Shared);

        result.Value.ShouldBeNull();
        var keys = result.Errors.Select(e => e.Key).ToList();
        keys.ShouldContain("name");
        keys.ShouldContain("colour");
        keys.ShouldContain("csv.delimiter");
        keys.ShouldContain("csv.encoding");
        keys.ShouldContain("csv.header");
        keys.ShouldContain("dates.formats[1]");
        keys.ShouldContain("fields.total_net");
        keys.ShouldContain("fields.issue_date.transforms[1].regex");
        keys.ShouldContain("fields.currency.map");
        keys.ShouldContain("fields.payment_terms.map");
        keys.ShouldContain("fields.colour_of_invoice");
        keys.ShouldContain("fields.quantity.format");
        keys.ShouldContain("fields.kind");
        keys.ShouldContain("fields.item_code.transforms[0]");
        keys.ShouldContain("fields.invoice_number");
        result.Errors.ShouldAllBe(e => e.File == "/m/fr01/factures.yaml");
        result.Errors.Single(e => e.Key == "colour").Message.ShouldContain("line 3");
        result.Errors.Single(e => e.Key == "fields.issue_date.transforms[1].regex").Message.ShouldContain("line 12");
    }

    [Fact]
    public void Parse_ColumnWithoutHeader_AsksForPosition()
    {
        const string yaml = """
            name: p
            format: csv
            csv: { header: false }
            fields:
              invoice_number: { position: 1 }
              customer_name: { column: Client }
            """;

        var result = ProfileParser.Parse(yaml, "p.yaml", Shared);

        result.Errors.ShouldHaveSingleItem().Key.ShouldBe("fields.customer_name.column");
        result.Errors[0].Message.ShouldContain("use position");
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsTheLine()
    {
        var result = ProfileParser.Parse("name: p\nfields: [unclosed\n", "p.yaml", Shared);

        result.Value.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("invalid YAML");
    }

    [Fact]
    public void Parse_XlsxSheetIndexAndHeaderRow_AreRead()
    {
        const string yaml = """
            name: p
            format: xlsx
            xlsx: { sheet: 2, header_row: 3 }
            fields:
              invoice_number: { column: Number }
            """;

        var p = ProfileParser.Parse(yaml, "p.yaml", Shared).Value!;

        p.Xlsx.SheetIndex.ShouldBe(2);
        p.Xlsx.SheetName.ShouldBeNull();
        p.Xlsx.HeaderRow.ShouldBe(3);
    }

    [Theory]
    [InlineData("dd/MM/yyyy", true)]
    [InlineData("yyyyMMdd", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss", true)]
    [InlineData("nonsense", false)]
    [InlineData("HH:mm", false)]
    [InlineData("%", false)]
    public void DateFormats_IsValid_AcceptsOnlyFormatsWithADate(string format, bool valid)
        => DateFormats.IsValid(format).ShouldBe(valid);

    [Fact]
    public void SharedValueMapsParser_ReadsMapsAndFallback()
    {
        var result = SharedValueMapsParser.Parse("currencies: { '€': EUR, '*': USD }\nunits: { pc: EA }\n", "value-maps.yaml");

        result.Errors.ShouldBeEmpty();
        result.Value!["currencies"].TryMap("£", out var fallback).ShouldBeTrue();
        fallback.ShouldBe("USD");
        result.Value["units"].TryMap("PC", out var unit).ShouldBeTrue();
        unit.ShouldBe("EA");
        result.Value["units"].TryMap("box", out _).ShouldBeFalse();
    }

    [Fact]
    public void SharedValueMapsParser_MapThatIsNotAMapping_IsAnError()
    {
        var result = SharedValueMapsParser.Parse("currencies: [EUR, USD]\n", "value-maps.yaml");

        result.Value.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Key.ShouldBe("currencies");
    }
}
