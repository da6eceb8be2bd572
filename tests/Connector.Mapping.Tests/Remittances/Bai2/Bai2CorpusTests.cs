using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.Problems;
using Connector.Mapping.Remittances.Bai2;

namespace Connector.Mapping.Tests.Remittances.Bai2;

/// <summary>Every BAI2 file of the corpus gives the recomputed totals of control_totals.txt, or is refused where they say so.</summary>
public sealed partial class Bai2CorpusTests
{
    private const string Folder = "bai2-moov/test/testdata/";

    [TextBankCorpusTheory]
    [InlineData("sample1.txt")]
    [InlineData("sample2.txt")]
    [InlineData("sample3.txt")]
    public void Parse_ReconcilingSample_GivesTheRecomputedTotals(string name)
    {
        var (format, totals) = TextBankCorpus.ControlTotals(Folder + name);
        format.ShouldBe("BAI2");
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        var file = Bai2Reader.Parse(stream, context);

        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));
        file.ShouldNotBeNull();
        var accounts = file.Groups.SelectMany(g => g.Accounts).ToList();
        accounts.Count.ShouldBe(Int(totals, @"accounts=(\d+)"));
        accounts.Sum(a => a.Details.Count).ShouldBe(Int(totals, @"detail16=(\d+)"));
        var expected49 = AccountTotals().Matches(totals).Select(m => (Ctl: decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Calc: decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        accounts.Select(a => (a.Trailer!.Total, a.ComputedTotal)).ShouldBe(expected49.Select(e => (e.Ctl, e.Calc)));
        var file99 = FileTrailer().Match(totals);
        file.Trailer!.Total.ShouldBe(decimal.Parse(file99.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        file.Groups.Count.ShouldBe(int.Parse(file99.Groups[2].Value, CultureInfo.InvariantCulture));
        file.Records.ShouldBe(int.Parse(file99.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [TextBankCorpusTheory]
    [InlineData("sample1.txt", 17)]
    [InlineData("sample2.txt", 4)]
    [InlineData("sample3.txt", 26)]
    public void Read_ReconcilingSample_GivesOneRemittancePerTransactionDetail(string name, int details)
    {
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        var remittances = Bai2Reader.Read(stream, "US01", context);

        context.Failed.ShouldBeFalse();
        remittances.Count.ShouldBe(details);
        remittances.ShouldAllBe(r => r.Remittance.Amount > 0 && r.Remittance.BookingDate != null && r.Remittance.ReceivingAccount != null);
    }

    [TextBankCorpusTheory]
    [InlineData("sample4-continuations-newline-delimited.txt")]
    [InlineData("sample5-issue113.txt")]
    public void Read_SampleWhoseAccountsDoNotReconcile_IsRefusedNamingTheTrailers(string name)
    {
        var (_, totals) = TextBankCorpus.ControlTotals(Folder + name);
        var mismatches = AccountTotals().Matches(totals).Where(m => m.Value.EndsWith("MISMATCH", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToList();
        mismatches.Count.ShouldBe(2);
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        var remittances = Bai2Reader.Read(stream, "US01", context);

        remittances.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var totalProblems = context.Problems.Where(p => p.Code == ProblemCodes.BankControlTotal && p.Message.StartsWith("the 49 trailer", StringComparison.Ordinal)).ToList();
        totalProblems.Select(p => p.Value).ShouldBe(mismatches);
        totalProblems.ShouldAllBe(p => p.Location.Line != null && p.Message.Contains("add up to"));
        var lines = File.ReadAllLines(TextBankCorpus.BankPath(Folder + name));
        totalProblems.ShouldAllBe(p => lines[p.Location.Line!.Value - 1].StartsWith("49," + p.Value, StringComparison.Ordinal));
    }

    [TextBankCorpusFact]
    public void Read_ParseErrorSample_IsRefusedAsNotBai2()
    {
        const string name = "errors/sample-parseError.txt";
        TextBankCorpus.ControlTotals(Folder + name).Totals.ShouldContain("not a BAI2 file");
        var context = TextBankCorpus.Context(name);
        using var stream = TextBankCorpus.Open(Folder + name);

        Bai2Reader.Read(stream, "US01", context).ShouldBeEmpty();

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldContain(p => p.Code == ProblemCodes.BankUnknownFormat && p.Location.Line == 1);
    }

    private static int Int(string text, string pattern) => int.Parse(Regex.Match(text, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"49 ctl=(-?\d+) calc=(-?\d+)( MISMATCH)?")]
    private static partial Regex AccountTotals();

    [GeneratedRegex(@"99 ctl=([+-]?\d+) groups=(\d+) records=(\d+)")]
    private static partial Regex FileTrailer();
}
