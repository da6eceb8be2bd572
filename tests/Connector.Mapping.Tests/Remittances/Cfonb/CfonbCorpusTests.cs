using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Cfonb;

namespace Connector.Mapping.Tests.Remittances.Cfonb;

/// <summary>Every CFONB 120 file of the corpus gives the statements of control_totals.txt; the CFONB 240 file is refused as such.</summary>
public sealed partial class CfonbCorpusTests
{
    private const string Folder = "cfonb-silarhi/tests/fixtures/";

    [TextBankCorpusTheory]
    [InlineData("complex-test.txt")]
    [InlineData("non-strict-test.txt")]
    [InlineData("simple-test.txt")]
    [InlineData("test-unused-parts.txt")]
    public void Parse_Statement_GivesTheRecomputedBalancesAndOperations(string name)
    {
        var (format, totals) = TextBankCorpus.ControlTotals(Folder + name);
        format.ShouldBe("CFONB120");
        var expected = Statement().Matches(totals).Select(m => (
            Open: Dec(m.Groups[1].Value),
            Ops: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            Sum: Dec(m.Groups[3].Value),
            Close: Dec(m.Groups[5].Value))).ToList();
        expected.ShouldNotBeEmpty();
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        var statements = Cfonb120Reader.Parse(stream, context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        statements.ShouldNotBeNull().Select(s => (s.Opening, s.Operations.Count, s.Operations.Sum(o => o.Amount), s.Closing)).ShouldBe(expected);
    }

    [TextBankCorpusFact]
    public void Read_ComplexSample_OperationsWithTheirComplements()
    {
        var context = TextBankCorpus.Context("complex-test.txt");
        using var stream = TextBankCorpus.Open(Folder + "complex-test.txt");

        var remittances = Cfonb120Reader.Read(stream, "FR01", context);

        context.Failed.ShouldBeFalse();
        remittances.Count.ShouldBe(5);
        var first = remittances[0].Remittance;
        (first.Amount, first.Direction, first.BankTransactionCode, first.Currency).ShouldBe((22.79m, Connector.Mapping.Model.EntryDirection.Debit, "B1", "EUR"));
        first.FreeText.ShouldBe("PRLV SEPA ONLINE SAS | DEDIBOX 3706114");
        first.BookingDate.ShouldBe(new DateOnly(2020, 4, 7));
        first.ReceivingAccount.ShouldBe("00012345603");
        first.Method.ShouldBe(Connector.Mapping.Model.PaymentMethod.DirectDebit);
        remittances[^1].Remittance.FreeText.ShouldBe("PRLV SEPA OVH SAS | PAYMENT ORDER 124359169 | ERS INF ORDER 124359169");
    }

    [TextBankCorpusFact]
    public void Read_Cfonb240Sample_RefusedAsNotCfonb120()
    {
        const string name = "cfonb.240-complex-test.txt";
        TextBankCorpus.ControlTotals(Folder + name).Totals.ShouldContain("240 format");
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        Cfonb120Reader.Read(stream, "FR01", context).ShouldBeEmpty();

        var problem = context.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.Line).ShouldBe((ProblemCodes.BankUnknownFormat, 1));
        problem.Message.ShouldContain("CFONB 240");
        Cfonb120Reader.Sniff(File.ReadAllBytes(TextBankCorpus.BankPath(Folder + name))).ShouldBeFalse();
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"open=(-?[\d.]+) \+(\d+) ops\((-?[\d.]+)\) -> calc=(-?[\d.]+) vs close=(-?[\d.]+)")]
    private static partial Regex Statement();
}
