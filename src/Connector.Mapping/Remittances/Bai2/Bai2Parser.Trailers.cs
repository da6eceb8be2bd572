using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>The 16 details and the 49 / 98 / 99 trailers, with the record counts they close.</summary>
internal sealed partial class Bai2Parser
{
    private bool Detail(Bai2Record record)
    {
        if (_account is null)
        {
            return Out(record, "a 16 transaction detail outside an account (03 ... 49)");
        }

        var f = record.Fields();
        var type = f.Next().Trim();
        if (!_read.TypeCode(type, record, allowEmpty: false)
            || !_read.Amount(f.Next(), record, "amount", signed: false, out var amount)
            || !_read.Funds(f, record, out var funds))
        {
            return false;
        }

        var bankReference = BankFields.NullIfBlank(f.Next());
        var customerReference = BankFields.NullIfBlank(f.Next());
        var text = BankFields.NullIfBlank(f.Rest());
        _account.Details.Add(new Bai2Detail(record.Line, type, amount, funds.Kind, funds.ValueDate, bankReference, customerReference, text, record.Records));
        _account.Records += record.Records;
        return true;
    }

    private bool AccountTrailer(Bai2Record record)
    {
        if (_account is null)
        {
            return Out(record, "a 49 account trailer without an open account");
        }

        var trailer = _read.Trailer(record, counts: 1);
        if (trailer is null)
        {
            return false;
        }

        _account.Trailer = trailer;
        _account.Records += record.Records;
        _group!.Records += _account.Records;
        _account = null;
        return true;
    }

    private bool GroupTrailer(Bai2Record record)
    {
        if (_group is null || _account is not null)
        {
            return Out(record, _group is null ? "a 98 group trailer without an open group" : $"a 98 group trailer before the 49 trailer of the account at line {_account!.Line}");
        }

        var trailer = _read.Trailer(record, counts: 2);
        if (trailer is null)
        {
            return false;
        }

        _group.Trailer = trailer;
        _group.Records += record.Records;
        _file!.Records += _group.Records;
        _group = null;
        return true;
    }

    private bool FileTrailer(Bai2Record record)
    {
        if (_group is not null)
        {
            return Out(record, $"the 99 file trailer before the 98 trailer of the group at line {_group.Line}");
        }

        var trailer = _read.Trailer(record, counts: 2);
        if (trailer is null)
        {
            return false;
        }

        _file!.Trailer = trailer;
        _file.Records += record.Records;
        _closed = true;
        return true;
    }

    private bool Out(Bai2Record record, string what) => Malformed(record.Line, $"{what}: the records are out of order (01 (02 (03 16* 49)+ 98)+ 99)", "record code", record.Code);

    /// <summary>Fails the document; always false, so that a check can return it.</summary>
    private bool Malformed(int line, string message, string? field = null, string? value = null)
    {
        _context.Fail(Problem.Error(ProblemCodes.BankMalformed, message, _context.At(line), field, value));
        return false;
    }
}
