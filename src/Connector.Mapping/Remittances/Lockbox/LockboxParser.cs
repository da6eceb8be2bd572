using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Lockbox;

/// <summary>
/// The record order of a lockbox file, <c>1 2 (5 (6 4*)* 7 ... 8)* 9</c> (a 5 may also open each batch of the same
/// lockbox), and its controls: each 7 against the cheques of its batch (count, amount in cents), each 8 against the
/// cheques of its lockbox, the 9 against the number of records. Order errors stop at the first; every total that
/// does not reconcile is reported. Either fails the document.
/// </summary>
internal sealed class LockboxParser(DocumentReadContext context)
{
    private readonly List<LockboxDeposit> _deposits = [];
    private readonly List<LockboxCheque> _batch = [];
    private LockboxDeposit? _deposit;
    private bool _service;
    private bool _ended;

    public List<LockboxDeposit> Run(List<LockboxLine> lines)
    {
        for (var i = 0; i < lines.Count && !Broken; i++)
        {
            Accept(lines[i], i);
        }

        if (!Broken && !_ended)
        {
            Malformed(lines[^1], "the file ends before its 9 destination trailer: it is truncated, or its end is missing");
        }

        return _deposits;
    }

    /// <summary>A record could not be read or is out of order: what follows cannot be read either. (Totals that do not reconcile do not stop the reading: every one is reported.)</summary>
    private bool Broken => context.Problems.Any(p => p.Severity == ProblemSeverity.Error && p.Code is not (ProblemCodes.BankControlTotal or ProblemCodes.BankRecordCount));

    private void Accept(LockboxLine line, int index)
    {
        if (_ended)
        {
            Malformed(line, $"a {line.Type} record follows the 9 destination trailer");
            return;
        }

        switch (line.Type)
        {
            case '1' when index == 0:
                Ensure(line.Digits(23, 29, "processing date") is not null && BankFields.YyMmDd(line.Text(23, 29)) is not null, line, "the processing date is not a date YYMMDD");
                break;
            case '2' when index == 1:
                _service = true;
                break;
            case '5' when _service:
                LockboxHeader(line);
                break;
            case '6' when _deposit is not null:
                Cheque(line);
                break;
            case '4' when _batch.Count > 0:
                Overflow(line);
                break;
            case '7' when _deposit is not null:
                BatchTotal(line);
                break;
            case '8' when _deposit is not null && _batch.Count == 0:
                ServiceTotal(line);
                break;
            case '9' when _deposit is null && _service:
                Trailer(line, index + 1);
                break;
            default:
                Malformed(line, $"a {line.Type} record cannot come here: the records are out of order (1 2 (5 (6 4*)* 7 8)* 9) or the type is unknown");
                break;
        }
    }

    private void LockboxHeader(LockboxLine line)
    {
        var number = line.Digits(7, 14, "lockbox number");
        var dateText = line.Digits(14, 20, "deposit date");
        var date = dateText is null ? null : BankFields.YyMmDd(dateText);
        if (number is null || date is null)
        {
            Ensure(dateText is null, line, "the deposit date is not a date YYMMDD");
            return;
        }

        if (_deposit is not null && (_deposit.Number != number || _batch.Count > 0))
        {
            Malformed(line, $"a 5 header of lockbox {number} before the {(_batch.Count > 0 ? "7 batch total" : "8 service total")} of lockbox {_deposit.Number} (line {BankFields.Digits(_deposit.Line)})");
            return;
        }

        if (_deposit is null)
        {
            _deposit = new LockboxDeposit(line.Number, number, date.Value);
        }
    }

    private void Cheque(LockboxLine line)
    {
        var batch = line.Digits(1, 4, "batch number");
        var item = line.Digits(4, 7, "item number");
        var amount = line.Value(7, 17, "cheque amount");
        var routing = line.Digits(17, 26, "transit routing number");
        var account = line.Digits(26, 36, "DDA account number");
        var number = line.Digits(36, 46, "cheque number");
        var date = line.Digits(46, 52, "cheque date");
        if (batch is null || item is null || amount is null || routing is null || account is null || number is null || date is null)
        {
            return;
        }

        if (_batch.Count > 0 && _batch[0].Batch != batch)
        {
            Malformed(line, $"a cheque of batch {batch} inside batch {_batch[0].Batch} (line {BankFields.Digits(_batch[0].Line)}): its 7 batch total is missing");
            return;
        }

        _batch.Add(new LockboxCheque(line.Number, batch, item, amount.Value, routing, account, number, date, line.Text(52, 82), line.Text(82, 102)));
    }

    private void Overflow(LockboxLine line)
    {
        var cheque = _batch[^1];
        var batch = line.Digits(1, 4, "batch number");
        var item = line.Digits(4, 7, "item number");
        if (batch is null || item is null)
        {
            return;
        }

        if (batch != cheque.Batch || item != cheque.Item)
        {
            Malformed(line, $"the overflow is for batch {batch} item {item}, but the cheque before it (line {BankFields.Digits(cheque.Line)}) is batch {cheque.Batch} item {cheque.Item}");
            return;
        }

        cheque.Overflows.Add(new LockboxOverflow(line.Number, line.Text(8, 10), line.Text(10, 11), line.Text(11, LockboxLine.MaxLength)));
    }

    private void BatchTotal(LockboxLine line)
    {
        var batch = line.Digits(1, 4, "batch number");
        var count = line.Value(20, 23, "number of remittances");
        var total = line.Value(23, 33, "batch dollar total");
        if (batch is null || count is null || total is null)
        {
            return;
        }

        if (_batch.Count > 0 && _batch[0].Batch != batch)
        {
            Malformed(line, $"the 7 total of batch {batch} closes batch {_batch[0].Batch} (cheques from line {BankFields.Digits(_batch[0].Line)})");
            return;
        }

        var what = $"the 7 total of batch {batch}" + (_batch.Count > 0 ? $" (cheques at lines {BankFields.Digits(_batch[0].Line)}-{BankFields.Digits(_batch[^1].Line)})" : "");
        Compare(line, what, count.Value, _batch.Count, total.Value, _batch.Sum(c => c.AmountCents), "the batch holds");
        _deposit!.Cheques.AddRange(_batch);
        _batch.Clear();
    }

    private void ServiceTotal(LockboxLine line)
    {
        var lockbox = line.Digits(7, 14, "lockbox number");
        var count = line.Value(20, 24, "total number of cheques");
        var total = line.Value(24, 34, "service dollar total");
        if (lockbox is null || count is null || total is null)
        {
            return;
        }

        var deposit = _deposit!;
        if (lockbox != deposit.Number)
        {
            Malformed(line, $"the 8 total of lockbox {lockbox} closes lockbox {deposit.Number} (5 at line {BankFields.Digits(deposit.Line)})");
            return;
        }

        Compare(line, $"the 8 total of lockbox {lockbox} (5 at line {BankFields.Digits(deposit.Line)})", count.Value, deposit.Cheques.Count, total.Value, deposit.Cheques.Sum(c => c.AmountCents), "its batches hold");
        _deposits.Add(deposit);
        _deposit = null;
    }

    private void Trailer(LockboxLine line, int records)
    {
        var count = line.Value(1, 7, "total number of records");
        if (count is not null && count.Value != records)
        {
            context.Fail(Problem.Error(ProblemCodes.BankRecordCount, $"the 9 trailer gives {BankFields.Digits(count.Value)} records but the file has {BankFields.Digits(records)}: the file is incomplete or altered and is refused", context.At(line.Number), "total number of records", BankFields.Digits(count.Value)));
        }

        _ended = true;
    }

    private void Compare(LockboxLine line, string what, long count, int cheques, long cents, long computed, string how)
    {
        if (count != cheques)
        {
            context.Fail(Problem.Error(ProblemCodes.BankRecordCount, $"{what} gives {BankFields.Digits(count)} cheque(s) but {how} {BankFields.Digits(cheques)}: the file is refused", context.At(line.Number), "number of cheques", BankFields.Digits(count)));
        }

        if (cents != computed)
        {
            context.Fail(Problem.Error(ProblemCodes.BankControlTotal, $"{what} gives {BankFields.Money(cents / 100m)} but {how} {BankFields.Money(computed / 100m)} in cheques: the file is refused", context.At(line.Number), "dollar total", BankFields.Money(cents / 100m)));
        }
    }

    private void Ensure(bool condition, LockboxLine line, string message)
    {
        if (!condition && !Broken)
        {
            Malformed(line, message);
        }
    }

    private void Malformed(LockboxLine line, string message)
        => context.Fail(Problem.Error(ProblemCodes.BankMalformed, message, context.At(line.Number), "record type", line.Type.ToString()));
}
