using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>
/// The control totals of a BAI2 file: each 49 against the algebraic sum of its account's 03 (with 88) amounts and 16
/// amounts (funds distributions and item counts excluded) and its record count (03 to 49 with every 88); each 98
/// against the sum of its 49 totals, its number of 03 accounts and its records (02 to 98); the 99 against the sum of
/// the 98 totals, the number of groups and every record of the file. Every mismatch is reported, naming the trailer's
/// line with the value written and the value computed, and fails the file.
/// </summary>
internal static class Bai2Checker
{
    public static void Check(Bai2File file, DocumentReadContext context)
    {
        foreach (var group in file.Groups)
        {
            foreach (var account in group.Accounts)
            {
                var trailer = account.Trailer!;
                var what = $"the 49 trailer of account {account.Number} (03 at line {account.Line})";
                Total(context, trailer, what, account.ComputedTotal, "its 03 and 16 amounts add up to");
                Count(context, trailer, trailer.Records, account.Records, what, "records", "the account has", "49 number of records");
            }

            var groupTrailer = group.Trailer!;
            var groupWhat = $"the 98 trailer of the group at line {group.Line}";
            Total(context, groupTrailer, groupWhat, group.Accounts.Sum(a => a.Trailer!.Total), "its 49 account totals add up to");
            Count(context, groupTrailer, groupTrailer.Count, group.Accounts.Count, groupWhat, "accounts", "the group has", "98 number of accounts");
            Count(context, groupTrailer, groupTrailer.Records, group.Records, groupWhat, "records", "the group has", "98 number of records");
        }

        var fileTrailer = file.Trailer!;
        const string fileWhat = "the 99 file trailer";
        Total(context, fileTrailer, fileWhat, file.Groups.Sum(g => g.Trailer!.Total), "its 98 group totals add up to");
        Count(context, fileTrailer, fileTrailer.Count, file.Groups.Count, fileWhat, "groups", "the file has", "99 number of groups");
        Count(context, fileTrailer, fileTrailer.Records, file.Records, fileWhat, "records", "the file has", "99 number of records");
    }

    private static void Total(DocumentReadContext context, Bai2Trailer trailer, string what, decimal computed, string how)
    {
        if (trailer.Total != computed)
        {
            context.Fail(Problem.Error(
                ProblemCodes.BankControlTotal,
                $"{what} gives the control total {BankFields.Number(trailer.Total)} but {how} {BankFields.Number(computed)} (minor units): the file does not reconcile and is refused",
                context.At(trailer.Line),
                "control total",
                BankFields.Number(trailer.Total)));
        }
    }

    private static void Count(DocumentReadContext context, Bai2Trailer trailer, int? written, int computed, string what, string noun, string how, string field)
    {
        if (written is not null && written.Value != computed)
        {
            var value = BankFields.Digits(written.Value);
            context.Fail(Problem.Error(
                ProblemCodes.BankRecordCount,
                $"{what} gives {value} {noun} but {how} {BankFields.Digits(computed)}: the file is incomplete or altered and is refused",
                context.At(trailer.Line),
                field,
                value));
        }
    }
}
