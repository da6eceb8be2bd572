using System.Globalization;
using System.Text.RegularExpressions;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances.X12;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>The seven 820 samples of the OopFactory X12 parser against the BPR / RMR values recomputed in control_totals.txt.</summary>
public sealed partial class X12CorpusTests
{
    [CamtX12CorpusFact]
    public void Parse_EveryCorpusFile_GivesTheBprAndRmrValuesOfTheControlTotals()
    {
        var totals = CamtX12Corpus.ControlTotals("edi820-oopfactory/");
        totals.Count.ShouldBe(7);
        var reconciled = new List<string>();
        foreach (var (path, line) in totals)
        {
            var name = Path.GetFileName(path);
            var expected = Expected().Match(line);
            expected.Success.ShouldBeTrue(line);
            var (sets, _) = X12Reader.Parse(File.ReadAllBytes(Path.Combine(CamtX12Corpus.Directory!, path)), name);
            var set = sets.ShouldHaveSingleItem(name);
            var bpr = set.Body.First(s => s.Id == "BPR");
            bpr[1].ShouldBe(expected.Groups["h"].Value, name);
            bpr[2].ShouldBe(expected.Groups["amount"].Value, name);
            bpr[4].ShouldBe(expected.Groups["method"].Value, name);

            var mapped = X12Remittance.Map(set, "US01", name);
            var remittance = mapped.Remittance;
            var rmrLines = remittance.Lines.Where(l => l.Source.Column!.EndsWith(" RMR", StringComparison.Ordinal)).ToList();
            rmrLines.Count.ShouldBe(int.Parse(expected.Groups["count"].Value, CultureInfo.InvariantCulture), name);

            // The refs of control_totals are Q:ref for the first eight RMRs (as written, trailing blanks kept).
            var refs = Regex.Matches(expected.Groups["refs"].Value, "'([^']*)'").Select(m => m.Groups[1].Value.TrimEnd()).ToList();
            var rmrs = set.Body.Where(s => s.Id == "RMR").Take(refs.Count).Select(s => s[1] + ":" + s[2]).ToList();
            rmrs.ShouldBe(refs, name);
            rmrLines.Take(refs.Count).Select(l => l.Reference).ShouldBe(refs.Select(r => r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..]), name);

            var sumAdx = decimal.Parse(expected.Groups["adx"].Value, CultureInfo.InvariantCulture);
            remittance.Lines.Sum(l => l.Deduction ?? 0m).ShouldBe(-sumAdx, name);
            var amountIsNumber = decimal.TryParse(expected.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount);
            var paidIsNumber = decimal.TryParse(expected.Groups["rmr"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var paid);
            if (paidIsNumber)
            {
                rmrLines.Sum(l => l.AmountPaid ?? 0m).ShouldBe(paid, name);
            }

            if (amountIsNumber)
            {
                remittance.Amount.ShouldBe(amount, name);
                mapped.Problems.ShouldNotContain(p => p.Code == ProblemCodes.FieldInvalidNumber && p.Field == "BPR02", name);
            }
            else
            {
                remittance.Amount.ShouldBe(0m, name);
                mapped.Problems.ShouldContain(p => p.Code == ProblemCodes.FieldInvalidNumber && p.Field == "BPR02" && p.Severity == ProblemSeverity.Error, name);
            }

            var shouldReconcile = expected.Groups["h"].Value is "C" or "I" && amountIsNumber && paidIsNumber;
            var mismatch = shouldReconcile && amount != paid + sumAdx;
            mapped.Problems.Any(p => p.Code == ProblemCodes.RemittanceTotal).ShouldBe(mismatch, name);
            if (shouldReconcile && !mismatch)
            {
                reconciled.Add(name);
            }
        }

        // The corpus README: only Example5 satisfies BPR02 = Σ RMR04 + Σ ADX01.
        reconciled.ShouldBe(["Example5_Wikipedia.txt"]);
    }

    [CamtX12CorpusFact]
    public void Read_EveryCorpusFile_PassesItsEnvelopeChecksExceptTheTemplate()
    {
        foreach (var file in Directory.GetFiles(CamtX12Corpus.X12Folder, "*.txt"))
        {
            var name = Path.GetFileName(file);
            X12Reader.Sniff(File.ReadAllBytes(file).AsSpan(0, 512)).ShouldBeTrue(name);
            var context = new DocumentReadContext(name);
            using var stream = File.OpenRead(file);
            var remittances = X12Reader.Read(stream, "US01", context);
            if (name == "Example3_HomeDepot.txt")
            {
                // A template: GS06 is "44 (Group Control Number)" and GE02 "44".
                context.Failed.ShouldBeTrue();
                remittances.ShouldBeEmpty();
                var problem = context.Problems.ShouldHaveSingleItem();
                problem.Code.ShouldBe(ProblemCodes.EdiControlNumber);
                problem.Location.Line.ShouldBe(27);
                problem.Location.Column.ShouldBe("segment 27 GE02");
            }
            else
            {
                context.Failed.ShouldBeFalse($"{name}: {string.Join("; ", context.Problems)}");
                remittances.ShouldHaveSingleItem(name);
            }
        }
    }

    [CamtX12CorpusFact]
    public void Read_Safeway_MapsPayerTraceDatesDiscountsAndEntLevelAdjustments()
    {
        var context = new DocumentReadContext("Example4_Safeway.txt");
        using var stream = File.OpenRead(Path.Combine(CamtX12Corpus.X12Folder, "Example4_Safeway.txt"));
        var mapped = X12Reader.Read(stream, "US01", context).ShouldHaveSingleItem();
        var remittance = mapped.Remittance;
        remittance.PaymentNumber.ShouldBe("4311000190");
        remittance.Method.ShouldBe(PaymentMethod.Ach);
        remittance.Direction.ShouldBe(EntryDirection.Credit);
        remittance.PaymentDate.ShouldBe(new DateOnly(2005, 10, 20));
        remittance.Amount.ShouldBe(416093.15m);
        remittance.BankTransactionCode.ShouldBe("ACH/CTX");
        remittance.Payer.Name.ShouldBe("Safeway - U. S. Corporate");
        remittance.Payer.BankId.ShouldBe("053000219");
        remittance.Payer.BankAccount.ShouldBe("2000014804300");
        remittance.Payer.TaxId.ShouldBe("9991000700");
        remittance.FreeText!.ShouldContain("DTM 020 20051019");
        remittance.FreeText!.ShouldContain("payee Safeway Supplier Name 92 2397");

        var first = remittance.Lines[0];
        first.Reference.ShouldBe("WSO_144324_05");
        first.Kind.ShouldBe(ReferenceKind.CreditNote);
        first.AmountPaid.ShouldBeNull();
        first.Deduction.ShouldBe(13676.81m);
        first.DeductionReason.ShouldBe("ZZ");
        first.Text.ShouldBe("REF CM WSO_144324_05 | DTM 003 20050927");

        var invoice = remittance.Lines.Single(l => l.Reference == "6092392");
        invoice.Kind.ShouldBe(ReferenceKind.Invoice);
        invoice.AmountPaid.ShouldBe(20430.34m);
        invoice.InvoiceAmount.ShouldBe(20851.11m);
        invoice.DiscountTaken.ShouldBe(420.77m);
        invoice.Text.ShouldBe("RMR03 PI | REF PO 999999999 | DTM 003 20050923");

        var debit = remittance.Lines.Single(l => l.Reference == "P7817948-20");
        debit.Kind.ShouldBe(ReferenceKind.DebitNote);
        debit.Deduction.ShouldBe(-210m);

        var total = mapped.Problems.ShouldHaveSingleItem();
        total.Code.ShouldBe(ProblemCodes.RemittanceTotal);
        total.Message.ShouldContain("416093.15");
        total.Message.ShouldContain("448862.76");
        total.Message.ShouldContain("-32559.61");
    }

    [GeneratedRegex(@"^X12-820\tBPR01=(?<h>\S+) BPR02=(?<amount>.+?) BPR04=(?<method>\S+); RMR count=(?<count>\d+) refs=\[(?<refs>.*)\] sum\(RMR04\)=(?<rmr>\S+) sum\(ADX01\)=(?<adx>\S+)$")]
    private static partial Regex Expected();
}
