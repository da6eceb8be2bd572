using Connector.Mapping.Model;

namespace Connector.Mapping.Remittances.Cfonb;

/// <summary>
/// The payment method of a CFONB interbank operation code (columns 33-34). Numeric codes: 01 02 03 15 16 17 cheques
/// (paid, deposited, unpaid); 04 29 cash; 05 06 12 13 14 18 19 20 21 transfers; 08 09 10 22-27 direct debits and TIP;
/// 11 28 30 cards; 41 44 45 transfers from or to abroad (wire); 07 31-38 bills of exchange (LCR, effets): other.
/// Alphanumeric codes (the SEPA codes of the 2007 update, such as B1) are not in this table: the method then comes
/// from the label's usual French prefix (PRLV direct debit, VIR transfer, CHQ / REM CHQ cheque, CB card), else unknown.
/// </summary>
internal static class CfonbCodes
{
    public static PaymentMethod Method(string code, string label) => code switch
    {
        "01" or "02" or "03" or "15" or "16" or "17" => PaymentMethod.Cheque,
        "04" or "29" => PaymentMethod.Cash,
        "05" or "06" or "12" or "13" or "14" or "18" or "19" or "20" or "21" => PaymentMethod.CreditTransfer,
        "08" or "09" or "10" or "22" or "23" or "24" or "25" or "26" or "27" => PaymentMethod.DirectDebit,
        "11" or "28" or "30" => PaymentMethod.Card,
        "41" or "44" or "45" => PaymentMethod.Wire,
        "07" or "31" or "32" or "33" or "34" or "35" or "36" or "37" or "38" => PaymentMethod.Other,
        _ when code.All(char.IsAsciiDigit) => PaymentMethod.Unknown,
        _ => FromLabel(label.ToUpperInvariant()),
    };

    private static PaymentMethod FromLabel(string label)
    {
        if (label.StartsWith("PRLV", StringComparison.Ordinal) || label.StartsWith("PRELEVEMENT", StringComparison.Ordinal))
        {
            return PaymentMethod.DirectDebit;
        }

        if (label.StartsWith("VIR", StringComparison.Ordinal))
        {
            return PaymentMethod.CreditTransfer;
        }

        if (label.StartsWith("CHQ", StringComparison.Ordinal) || label.StartsWith("REM CHQ", StringComparison.Ordinal) || label.StartsWith("CHEQUE", StringComparison.Ordinal) || label.StartsWith("REMISE CHEQUE", StringComparison.Ordinal))
        {
            return PaymentMethod.Cheque;
        }

        return label.StartsWith("CB ", StringComparison.Ordinal) || label.StartsWith("CARTE", StringComparison.Ordinal) ? PaymentMethod.Card : PaymentMethod.Unknown;
    }
}
