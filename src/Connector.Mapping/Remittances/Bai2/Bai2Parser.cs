using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>
/// Builds the file / group / account / detail structure of a BAI2 file from its records, checking the nesting
/// <c>01 (02 (03 16* 49)+ 98)+ 99</c> and every field it reads. The first structural error fails the document.
/// </summary>
internal sealed partial class Bai2Parser
{
    private readonly DocumentReadContext _context;
    private readonly Bai2FieldReader _read;
    private Bai2File? _file;
    private Bai2Group? _group;
    private Bai2Account? _account;
    private bool _closed;

    private Bai2Parser(DocumentReadContext context)
    {
        _context = context;
        _read = new Bai2FieldReader(context);
    }

    public static Bai2File? Parse(IReadOnlyList<Bai2RawRecord> raw, DocumentReadContext context)
    {
        var records = Join(raw, context);
        if (records is null)
        {
            return null;
        }

        var parser = new Bai2Parser(context);
        foreach (var record in records)
        {
            if (!parser.Accept(record) || context.Failed)
            {
                return null;
            }
        }

        if (!parser._closed)
        {
            var last = raw[^1].Line;
            parser.Malformed(last, "the file ends before its 99 file trailer: it is truncated, or its end is missing");
            return null;
        }

        return parser._file;
    }

    private static List<Bai2Record>? Join(IReadOnlyList<Bai2RawRecord> raw, DocumentReadContext context)
    {
        var records = new List<Bai2Record>();
        var segments = new List<string>();
        foreach (var record in raw)
        {
            if (record.Code == "88")
            {
                if (records.Count == 0)
                {
                    context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, "not a BAI2 file: it begins with a continuation (88), not a 01 file header", context.At(record.Line)));
                    return null;
                }

                segments = [.. records[^1].Segments, record.Content];
                records[^1] = records[^1] with { Segments = segments };
                continue;
            }

            records.Add(new Bai2Record(record.Code, record.Line, [record.Content]));
        }

        return records;
    }

    private bool Accept(Bai2Record record)
    {
        if (_closed)
        {
            return Malformed(record.Line, $"a {record.Code} record follows the 99 file trailer");
        }

        if (_file is null && record.Code != "01")
        {
            _context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, $"not a BAI2 file: it begins with a {record.Code} record, not a 01 file header", _context.At(record.Line), "record code", record.Code));
            return false;
        }

        return record.Code switch
        {
            "01" => FileHeader(record),
            "02" => GroupHeader(record),
            "03" => AccountHeader(record),
            "16" => Detail(record),
            "49" => AccountTrailer(record),
            "98" => GroupTrailer(record),
            _ => FileTrailer(record),
        };
    }

    private bool FileHeader(Bai2Record record)
    {
        if (_file is not null)
        {
            return Out(record, "a second 01 file header");
        }

        var f = record.Fields();
        var sender = f.Next().Trim();
        var receiver = f.Next().Trim();
        if (!_read.Date(f.Next(), record, "creation date", out _))
        {
            return false;
        }

        _read.Time(f.Next(), record, "creation time");
        f.Next();
        f.Next();
        f.Next();
        var version = f.Next().Trim();
        if (version != "2")
        {
            _context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, $"the 01 file header says BAI version '{version}': only version 2 is read", _context.At(record.Line), "version number", version));
            return false;
        }

        _file = new Bai2File(record.Line, sender, receiver) { Records = record.Records };
        return true;
    }

    private bool GroupHeader(Bai2Record record)
    {
        if (_group is not null)
        {
            return Out(record, $"a 02 group header before the 98 trailer of the group at line {_group.Line}");
        }

        var f = record.Fields();
        f.Next();
        f.Next();
        var status = f.Next().Trim();
        if (status is not ("1" or "2" or "3" or "4"))
        {
            return Malformed(record.Line, $"the group status '{status}' is not 1 (update), 2 (deletion), 3 (correction) or 4 (test)", "group status", status);
        }

        if (!_read.Date(f.Next(), record, "as-of date", out var asOf))
        {
            return false;
        }

        if (asOf is null)
        {
            return Malformed(record.Line, "the 02 group header has no as-of date", "as-of date");
        }

        _read.Time(f.Next(), record, "as-of time");
        if (!_read.Currency(f.Next(), record, out var currency))
        {
            return false;
        }

        _group = new Bai2Group(record.Line, status, asOf.Value, currency) { Records = record.Records };
        _file!.Groups.Add(_group);
        return true;
    }

    private bool AccountHeader(Bai2Record record)
    {
        if (_group is null || _account is not null)
        {
            return Out(record, _group is null ? "an 03 account record outside a group" : $"an 03 account record before the 49 trailer of the account at line {_account!.Line}");
        }

        var f = record.Fields();
        var number = f.Next().Trim();
        if (number.Length == 0)
        {
            return Malformed(record.Line, "the 03 record names no account", "customer account number");
        }

        if (!_read.Currency(f.Next(), record, out var currency))
        {
            return false;
        }

        var account = new Bai2Account(record.Line, number, currency) { Records = record.Records };
        while (true)
        {
            f.SkipTrailingEmpty();
            if (!f.HasMore)
            {
                break;
            }

            var type = f.Next().Trim();
            var amountText = f.Next();
            var count = f.Next().Trim();
            if (!_read.TypeCode(type, record, allowEmpty: true)
                || !_read.Amount(amountText, record, "summary amount", signed: true, out var amount)
                || (count.Length > 0 && !BankFields.AllDigits(count) && !Malformed(record.Line, $"the item count '{count}' is not a number", "item count", count))
                || !_read.Funds(f, record, out _))
            {
                return false;
            }

            if (type.Length > 0 || amountText.Trim().Length > 0)
            {
                account.SummaryAmounts.Add(amount);
            }
        }

        _account = account;
        _group.Accounts.Add(account);
        return true;
    }
}
