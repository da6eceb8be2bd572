using System.Globalization;
using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>Reads camt's simple values (amounts, indicators, dates, codes); every failure is a problem naming the element and its line.</summary>
internal sealed class CamtValues(string documentName)
{
    public string DocumentName { get; } = documentName;

    public SourceLocation At(XElement element)
    {
        var spot = element.Spot();
        return new SourceLocation(DocumentName, spot.Line, spot.Path);
    }

    /// <summary>An ActiveOrHistoricCurrencyAndAmount: digits and one decimal point, no sign (camt amounts are never negative).</summary>
    public static decimal? Amount(XElement? element)
        => element.Text() is { } text
           && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static string? Currency(XElement? element) => element.Attr("Ccy")?.ToUpperInvariant();

    public static EntryDirection? Direction(XElement? element) => element.Text() switch
    {
        "CRDT" => EntryDirection.Credit,
        "DBIT" => EntryDirection.Debit,
        _ => null,
    };

    public static int? Count(XElement? element)
        => element.Text() is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A DateAndDateTimeChoice (Dt or DtTm); a date-time gives its date as the bank wrote it (its own offset).</summary>
    public DateOnly? Date(XElement? choice, List<Problem> problems)
    {
        if (choice is null)
        {
            return null;
        }

        var element = choice.Child("Dt") ?? choice.Child("DtTm") ?? choice;
        var text = element.Text();
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 10
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && (text.Length == 10 || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)))
        {
            return date;
        }

        problems.Add(Problem.Error(ProblemCodes.FieldInvalidDate, $"'{text}' is not an ISO date (YYYY-MM-DD) or date-time.", At(element), element.Name.LocalName, text));
        return null;
    }

    /// <summary>The BkTxCd of an entry or a transaction, or null when absent.</summary>
    public static CamtTransactionCode? Code(XElement? bkTxCd)
    {
        if (bkTxCd is null)
        {
            return null;
        }

        var domain = bkTxCd.Child("Domn");
        var code = new CamtTransactionCode(
            domain.At("Cd").Text(),
            domain.At("Fmly", "Cd").Text(),
            domain.At("Fmly", "SubFmlyCd").Text(),
            bkTxCd.At("Prtry", "Cd").Text());
        return code.Domain is null && code.Proprietary is null ? null : code;
    }

    /// <summary>An account's id: IBAN, else Othr/Id (v02+), else PrtryAcct/Id or BBAN (v01).</summary>
    public static string? AccountId(XElement? account)
    {
        var id = account.Child("Id");
        return id.At("IBAN").Text() ?? id.At("Othr", "Id").Text() ?? id.At("PrtryAcct", "Id").Text() ?? id.At("BBAN").Text() ?? id.At("UPIC").Text();
    }
}
