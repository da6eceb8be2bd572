using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>
/// The statements of a CFONB 120 file: <c>(01 (04 05*)* 07)*</c>, each 04 and 05 of the statement's account, and
/// each statement's balance (01 + Σ 04 = 07). Records that cannot be read or are out of order stop the reading at
/// the first; every balance that does not reconcile is reported. Either fails the document.
/// </summary>
internal sealed class CfonbParser(DocumentReadContext context)
{
    private readonly List<CfonbStatement> _statements = [];
    private CfonbStatement? _open;
    private CfonbOperation? _operation;

    /// <summary>The records of the file: lines of at most 120 characters (shorter ones padded), or one line of 120-character records without line ends (then a record's "line" is its number in the file).</summary>
    public static List<CfonbLine>? Records(IReadOnlyList<string> text, DocumentReadContext context)
    {
        var lines = text.Select((t, i) => (Text: t.TrimEnd('\r', '\n'), Number: i + 1)).Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count == 1 && lines[0].Text.Length > CfonbLine.Length && lines[0].Text.Length % CfonbLine.Length == 0 && !lines[0].Text.StartsWith('3'))
        {
            var single = lines[0].Text;
            lines = [.. Enumerable.Range(0, single.Length / CfonbLine.Length).Select(i => (single.Substring(i * CfonbLine.Length, CfonbLine.Length), i + 1))];
        }

        if (lines.Count > 0 && lines[0].Text.StartsWith("31", StringComparison.Ordinal))
        {
            context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, "this is a CFONB 240 file (240-character records 31 / 34 / 39: a remittance of transfers or direct debits), not a CFONB 120 account statement: it is not read as one", context.At(lines[0].Number), "record code", "31"));
            return null;
        }

        var records = new List<CfonbLine>();
        foreach (var (line, number) in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > CfonbLine.Length)
            {
                context.Fail(Problem.Error(ProblemCodes.BankMalformed, $"the record is {BankFields.Digits(trimmed.Length)} characters long; a CFONB 120 record has 120", context.At(number)));
                return null;
            }

            records.Add(new CfonbLine(trimmed, number, context));
        }

        if (records.Count == 0 || records[0].Code != "01" || !BankFields.AllDigits(records[0].Col(3, 7)))
        {
            context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, "not a CFONB 120 statement: it does not begin with a 01 previous-balance record (01 and a five-digit bank code)", context.At(records.Count == 0 ? null : records[0].Number), "record code", records.Count == 0 ? null : records[0].Code));
            return null;
        }

        return records;
    }

    public List<CfonbStatement> Run(List<CfonbLine> records)
    {
        foreach (var record in records)
        {
            if (Broken)
            {
                break;
            }

            switch (record.Code)
            {
                case "01":
                    Previous(record);
                    break;
                case "04":
                    Operation(record);
                    break;
                case "05":
                    Complement(record);
                    break;
                case "07":
                    New(record);
                    break;
                default:
                    record.Fail($"'{record.Code}' is no CFONB 120 record code (01 previous balance, 04 operation, 05 complement, 07 new balance)", "record code", record.Code);
                    break;
            }
        }

        if (!Broken && _open is not null)
        {
            context.Fail(Problem.Error(ProblemCodes.BankMalformed, $"the statement of account {_open.Account} opened at line {BankFields.Digits(_open.Line)} has no 07 new balance: the file is truncated", context.At(records[^1].Number)));
        }

        return _statements;
    }

    private bool Broken => context.Problems.Any(p => p.Severity == ProblemSeverity.Error && p.Code != ProblemCodes.BankControlTotal);

    private void Previous(CfonbLine record)
    {
        if (_open is not null)
        {
            record.Fail($"a 01 previous balance before the 07 new balance of the statement at line {BankFields.Digits(_open.Line)}", "record code", "01");
            return;
        }

        if (record.Amount() is { } opening)
        {
            _open = new CfonbStatement(record.Number, record.Account, record.Currency, opening);
            _operation = null;
        }
    }

    private void Operation(CfonbLine record)
    {
        if (!SameAccount(record, "an 04 operation"))
        {
            return;
        }

        var date = record.Date(35, 40);
        if (date is null)
        {
            record.Fail($"the operation date (columns 35-40) is '{record.Col(35, 40)}', not a date DDMMYY", "operation date", record.Col(35, 40));
            return;
        }

        if (record.Amount() is not { } amount)
        {
            return;
        }

        _operation = new CfonbOperation(record.Number, record.Account, record.Currency, record.Col(33, 34).Trim(), date.Value, record.Date(43, 48), record.Col(49, 79).Trim(), record.Col(82, 88).Trim(), record.Col(105, 120).Trim(), amount);
        _open!.Operations.Add(_operation);
    }

    private void Complement(CfonbLine record)
    {
        if (!SameAccount(record, "a 05 complement"))
        {
            return;
        }

        if (_operation is null)
        {
            record.Fail("a 05 complement with no 04 operation before it", "record code", "05");
            return;
        }

        _operation.Complements.Add(new CfonbComplement(record.Number, record.Col(46, 48).Trim().ToUpperInvariant(), record.Col(49, 118)));
    }

    private void New(CfonbLine record)
    {
        if (!SameAccount(record, "a 07 new balance") || record.Amount() is not { } closing)
        {
            return;
        }

        var statement = _open!;
        statement.ClosingLine = record.Number;
        statement.Closing = closing;
        if (statement.Computed != closing)
        {
            record.Fail(
                $"the new balance {BankFields.Money(closing)} of account {statement.Account} is not the previous balance {BankFields.Money(statement.Opening)} (line {BankFields.Digits(statement.Line)}) plus its {BankFields.Digits(statement.Operations.Count)} operation(s) {BankFields.Money(statement.Operations.Sum(o => o.Amount))} = {BankFields.Money(statement.Computed)}: the statement does not reconcile and the file is refused",
                "new balance",
                BankFields.Money(closing),
                ProblemCodes.BankControlTotal);
        }

        _statements.Add(statement);
        _open = null;
        _operation = null;
    }

    private bool SameAccount(CfonbLine record, string what)
    {
        if (_open is null)
        {
            record.Fail($"{what} outside a statement (01 ... 07)", "record code", record.Code);
            return false;
        }

        if (record.Account != _open.Account || record.Currency != _open.Currency)
        {
            record.Fail($"{what} of account {record.Account} {record.Currency} inside the statement of account {_open.Account} {_open.Currency} (line {BankFields.Digits(_open.Line)})", "account number", record.Account);
            return false;
        }

        return true;
    }
}
