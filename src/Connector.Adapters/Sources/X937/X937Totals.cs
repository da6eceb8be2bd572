using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Sources.X937;

/// <summary>
/// The counts and totals of one level (bundle, cash letter, file) as the records add them up, compared with its
/// control record (70, 90, 99): each difference is an Error (BANK_RECORD_COUNT for counts, BANK_CONTROL_TOTAL for amounts).
/// </summary>
internal sealed class X937Totals
{
    public int Items { get; set; }

    public long Amount { get; set; }

    public long MicrValidAmount { get; set; }

    public int Images { get; set; }

    public int Children { get; set; }

    public void Add(X937Totals inner)
    {
        Items += inner.Items;
        Amount += inner.Amount;
        MicrValidAmount += inner.MicrValidAmount;
        Images += inner.Images;
    }

    public static void Compare(List<Problem> problems, SourceLocation location, string what, long? declared, long counted, bool isAmount)
    {
        if (declared is null)
        {
            problems.Add(Problem.Error(ProblemCodes.BankMalformed, $"The {what} of the control record is not a number.", location, what));
            return;
        }

        if (declared.Value != counted)
        {
            var (d, c) = isAmount
                ? ((declared.Value / 100m).ToString("F2", CultureInfo.InvariantCulture), (counted / 100m).ToString("F2", CultureInfo.InvariantCulture))
                : (declared.Value.ToString(CultureInfo.InvariantCulture), counted.ToString(CultureInfo.InvariantCulture));
            problems.Add(Problem.Error(
                isAmount ? ProblemCodes.BankControlTotal : ProblemCodes.BankRecordCount,
                $"The control record says {what} {d}, the records add up to {c}.",
                location,
                what,
                d));
        }
    }
}
