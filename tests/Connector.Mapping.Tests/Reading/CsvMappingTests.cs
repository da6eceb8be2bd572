using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using static Connector.Mapping.Tests.Reading.ReadingHelper;

namespace Connector.Mapping.Tests.Reading;

public sealed class CsvMappingTests
{
    private const string BasicProfile = """
        name: p
        format: csv
        csv: { delimiter: ";" }
        numbers: { decimal: ",", group: " ." }
        dates: { formats: [dd/MM/yyyy] }
        fields:
          invoice_number: { column: Facture }
          issue_date: { column: Date }
          currency: { column: Devise, default: EUR }
          customer_name: { column: Client }
          description: { column: Libellé }
          quantity: { column: Qté }
          unit_price: { column: PU }
          tax_amount: { column: TVA }
        """;

    [Fact]
    public void Read_ConsecutiveRows_GroupIntoInvoicesWithLinesAndDefaults()
    {
        const string csv = "Facture;Date;Devise;Client;Libellé;Qté;PU;TVA\n"
            + "F1;05/03/2026;;Acme;Widget;2;1 234,50;10\n"
            + "F1;05/03/2026;;Acme;Gadget;3;0,335;0\n"
            + "F2;06/03/2026;usd;Beta;Thing;1;1.000,00;200\n";

        var (invoices, context) = ReadText(csv, Profile(BasicProfile));

        context.Failed.ShouldBeFalse();
        context.Problems.ShouldBeEmpty();
        context.RowsRead.ShouldBe(3);
        invoices.Count.ShouldBe(2);
        var f1 = invoices[0].Invoice;
        f1.Number.ShouldBe("F1");
        f1.EntityCode.ShouldBe("FR01");
        f1.IssueDate.ShouldBe(new DateOnly(2026, 3, 5));
        f1.Currency.ShouldBe("EUR");
        f1.Customer.Name.ShouldBe("Acme");
        f1.Source.ShouldBe(new SourceLocation("doc.csv", 2));
        f1.Lines.Select(l => l.LineNumber).ShouldBe([1, 2]);
        f1.Lines.Select(l => l.SourceLine).ShouldBe([2, 3]);
        f1.Lines[0].Amount.ShouldBe(2469.00m);
        f1.Lines[1].Amount.ShouldBe(1.01m); // 3 x 0.335 = 1.005, away from zero
        f1.Lines[0].TaxAmount.ShouldBe(10m);
        invoices[1].Invoice.Currency.ShouldBe("USD");
        invoices[1].Invoice.Lines.ShouldHaveSingleItem().UnitPrice.ShouldBe(1000m);
    }

    [Fact]
    public void Read_LaterRowDisagreesOnHeader_ReportsInconsistencyOnce()
    {
        const string csv = "Facture;Date;Devise;Client;Libellé;Qté;PU;TVA\n"
            + "F1;05/03/2026;EUR;Acme;A;1;1;0\n"
            + "F1;05/03/2026;EUR;Acme Corp;B;1;1;0\n"
            + "F1;05/03/2026;EUR;Other;C;1;1;0\n";

        var (invoices, _) = ReadText(csv, Profile(BasicProfile));

        var problem = invoices.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.InconsistentHeader);
        problem.Field.ShouldBe("customer_name");
        problem.Location.Line.ShouldBe(3);
        problem.Value.ShouldBe("Acme Corp");
        invoices[0].Invoice.Customer.Name.ShouldBe("Acme");
        invoices[0].Invoice.Lines.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_BadValues_AreRecordProblemsWithLineColumnAndRawValue()
    {
        const string csv = "Facture;Date;Devise;Client;Libellé;Qté;PU;TVA\n"
            + "F1;31/02/2026;EUR;Acme;A;deux;1;0\n"
            + "F2;01/02/2026;EUR;Acme;A;1;1;0\n";

        var (invoices, context) = ReadText(csv, Profile(BasicProfile));

        context.Failed.ShouldBeFalse();
        invoices.Count.ShouldBe(2);
        var f1 = invoices[0];
        f1.Invoice.IssueDate.ShouldBeNull();
        f1.Invoice.Lines[0].Quantity.ShouldBe(0m);
        var date = f1.Problems.Single(p => p.Code == ProblemCodes.FieldInvalidDate);
        date.Location.ShouldBe(new SourceLocation("doc.csv", 2, "Date (2)"));
        date.Value.ShouldBe("31/02/2026");
        date.Field.ShouldBe("issue_date");
        var number = f1.Problems.Single(p => p.Code == ProblemCodes.FieldInvalidNumber);
        number.Value.ShouldBe("deux");
        number.Field.ShouldBe("quantity");
        invoices[1].Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_EmptyInvoiceNumber_IsAContextProblemAndOtherRowsStillComeOut()
    {
        const string csv = "Facture;Date;Devise;Client;Libellé;Qté;PU;TVA\n"
            + "F1;05/03/2026;EUR;Acme;A;1;1;0\n"
            + ";05/03/2026;EUR;Acme;B;1;1;0\n"
            + ";;;;;;;\n"
            + "F2;05/03/2026;EUR;Acme;C;1;1;0\n";

        var (invoices, context) = ReadText(csv, Profile(BasicProfile));

        invoices.Select(i => i.Invoice.Number).ShouldBe(["F1", "F2"]);
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldRequired);
        problem.Location.Line.ShouldBe(3);
        context.Failed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("(12,00)", "-12.00")]
    [InlineData("12,00-", "-12.00")]
    [InlineData("-12,5", "-12.5")]
    [InlineData("€ 1.234,56", "1234.56")]
    [InlineData("1 234,56 €", "1234.56")]
    public void NumberParser_DecimalCommaWithGroups_Parses(string text, string expected)
    {
        var style = new NumberStyle { Decimal = ',', Group = " .\u00A0\u202F" };
        Connector.Mapping.Reading.NumberParser.TryParse(text, style, out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("$1,234.56", "1234.56")]
    [InlineData("0.5", "0.5")]
    public void NumberParser_DecimalPointWithCommaGroups_Parses(string text, string expected)
    {
        Connector.Mapping.Reading.NumberParser.TryParse(text, new NumberStyle { Decimal = '.', Group = "," }, out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.234,56")]
    [InlineData("1 234")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("1.2.3")]
    public void NumberParser_WithoutGroups_RejectsWhatIsNotANumber(string text)
        => Connector.Mapping.Reading.NumberParser.TryParse(text, new NumberStyle(), out _).ShouldBeFalse();
}
