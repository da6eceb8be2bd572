using System.Globalization;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>The funds type of a summary or detail: its code and, for V, the value date.</summary>
internal readonly record struct Bai2Funds(string Kind, DateOnly? ValueDate);

/// <summary>Reads and checks BAI2 fields; a field that cannot be read fails the document naming line and field.</summary>
internal sealed class Bai2FieldReader(DocumentReadContext context)
{
    /// <summary>YYMMDD; an empty field gives null. False (document failed) when it is not a date.</summary>
    public bool Date(string text, Bai2Record record, string field, out DateOnly? date)
    {
        var trimmed = text.Trim();
        date = trimmed.Length == 0 ? null : BankFields.YyMmDd(trimmed);
        return trimmed.Length == 0 || date is not null || Fail(record, $"the {field} '{trimmed}' is not a date YYMMDD", field, trimmed);
    }

    /// <summary>HHMM military time, 2400 and 9999 meaning end of day; another value is a warning (a time is not used).</summary>
    public void Time(string text, Bai2Record record, string field)
    {
        var t = text.Trim();
        var valid = t.Length == 0 || t == "9999" || t == "2400"
            || (t.Length == 4 && BankFields.AllDigits(t) && int.Parse(t[..2], CultureInfo.InvariantCulture) < 24 && int.Parse(t[2..], CultureInfo.InvariantCulture) < 60);
        if (!valid)
        {
            context.Report(Problem.Warning(ProblemCodes.BankMalformed, $"the {field} '{t}' is not a time HHMM (2400 or 9999 for end of day); it is not used", context.At(record.Line), field, t));
        }
    }

    /// <summary>An ISO 4217 code (3 letters) or empty (the default applies).</summary>
    public bool Currency(string text, Bai2Record record, out string? currency)
    {
        var t = text.Trim().ToUpperInvariant();
        currency = t.Length == 0 ? null : t;
        return t.Length == 0 || (t.Length == 3 && t.All(char.IsAsciiLetterUpper)) || Fail(record, $"the currency '{t}' is not an ISO 4217 code", "currency code", t);
    }

    /// <summary>A type code: three digits (leading zeros are significant).</summary>
    public bool TypeCode(string type, Bai2Record record, bool allowEmpty)
        => (allowEmpty && type.Length == 0) || (type.Length == 3 && BankFields.AllDigits(type))
            || Fail(record, $"the type code '{type}' is not three digits", "type code", type);

    /// <summary>An amount in minor units without a decimal point; signed only where the format allows (status amounts).</summary>
    public bool Amount(string text, Bai2Record record, string field, bool signed, out decimal amount)
    {
        var t = text.Trim();
        amount = 0m;
        if (t.Length == 0)
        {
            return true;
        }

        var negative = signed && t[0] == '-';
        var digits = signed && t[0] is '+' or '-' ? t[1..] : t;
        var value = BankFields.Unsigned(digits);
        if (value is null)
        {
            return Fail(record, $"the {field} '{t}' is not an amount (digits without a decimal point{(signed ? ", optionally signed" : "")})", field, t);
        }

        amount = negative ? -value.Value : value.Value;
        return true;
    }

    /// <summary>The funds type and the fields it brings: V value date and time, S three amounts, D a count and its pairs.</summary>
    public bool Funds(Bai2Fields fields, Bai2Record record, out Bai2Funds funds)
    {
        var kind = fields.Next().Trim().ToUpperInvariant();
        funds = new Bai2Funds(kind, null);
        switch (kind)
        {
            case "" or "Z" or "0" or "1" or "2":
                return true;
            case "V":
                if (!Date(fields.Next(), record, "value date", out var valueDate))
                {
                    return false;
                }

                Time(fields.Next(), record, "value time");
                funds = new Bai2Funds(kind, valueDate);
                return true;
            case "S":
                return Amount(fields.Next(), record, "immediate availability amount", true, out _)
                    && Amount(fields.Next(), record, "one-day availability amount", true, out _)
                    && Amount(fields.Next(), record, "two-or-more-day availability amount", true, out _);
            case "D":
                var countText = fields.Next().Trim();
                var count = BankFields.Unsigned(countText);
                if (count is null or > 99)
                {
                    return Fail(record, $"the number of distributions '{countText}' of funds type D is not a number", "number of distributions", countText);
                }

                for (var i = 0; i < count; i++)
                {
                    var days = fields.Next().Trim();
                    if (!BankFields.AllDigits(days))
                    {
                        return Fail(record, $"distribution {i + 1} of funds type D has no day count ('{days}')", "availability in days", days);
                    }

                    if (!Amount(fields.Next(), record, "distributed availability amount", true, out _))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return Fail(record, $"the funds type '{kind}' is not 0, 1, 2, Z, V, S or D", "funds type", kind);
        }
    }

    /// <summary>A 49 (total, records), 98 or 99 (total, accounts or groups, records) trailer.</summary>
    public Bai2Trailer? Trailer(Bai2Record record, int counts)
    {
        var fields = record.Fields();
        var totalText = fields.Next();
        if (totalText.Trim().Length == 0)
        {
            Fail(record, $"the {record.Code} trailer has no control total", "control total");
            return null;
        }

        if (!Amount(totalText, record, "control total", signed: true, out var total))
        {
            return null;
        }

        var numbers = new int?[counts];
        for (var i = 0; i < counts; i++)
        {
            var text = fields.Next().Trim();
            var value = BankFields.Unsigned(text);
            if (text.Length > 0 && value is null or > int.MaxValue)
            {
                Fail(record, $"the {record.Code} trailer's count '{text}' is not a number", "count", text);
                return null;
            }

            numbers[i] = (int?)value;
        }

        return counts == 1 ? new Bai2Trailer(record.Line, total, null, numbers[0]) : new Bai2Trailer(record.Line, total, numbers[0], numbers[1]);
    }

    private bool Fail(Bai2Record record, string message, string field, string? value = null)
    {
        context.Fail(Problem.Error(ProblemCodes.BankMalformed, $"{record.Code} record: {message}", context.At(record.Line), field, value));
        return false;
    }
}
