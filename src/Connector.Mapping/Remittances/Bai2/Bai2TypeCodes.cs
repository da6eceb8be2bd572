using Connector.Mapping.Model;

namespace Connector.Mapping.Remittances.Bai2;

/// <summary>
/// What a BAI2 detail type code says (BAI2 2005 code list, read from the specification's ranges):
/// 100-399 credits, 400-699 debits; 001-099 status, 700-799 loan and 900-999 bank-specific or non-monetary (890)
/// codes are not transactions. The method, where the code says it:
/// <list type="table">
/// <item><term>Cheque</term><description>115 116 118 lockbox deposit and its items and adjustment; 175 cheque deposit package; 184 draft deposit;
/// 187 189 cash letter credit and adjustment; 222 foreign cheques deposited; 255 cheque posted and returned; 395 cheque reversal;
/// 474 certified cheque; 475 cheque paid; 555 deposited item returned.</description></item>
/// <item><term>ACH</term><description>140-169 (ACH credits: 142 received, 145 concentration, 165 preauthorised...) and 440-469 (ACH debits: 451 received, 455 preauthorised...).</description></item>
/// <item><term>Wire</term><description>191 195 196 incoming (internal) money transfer and adjustment; 208 216 international money transfer / foreign remittance credit;
/// 491 493 495 496 outgoing money transfer; 508 international money transfer debit.</description></item>
/// <item><term>CreditTransfer</term><description>206 book transfer credit; 506 book transfer debit.</description></item>
/// <item><term>Unknown</term><description>every other code, among them 301 commercial deposit (cheques and/or cash: the file does not say which) and 399 / 699 miscellaneous.</description></item>
/// </list>
/// </summary>
internal static class Bai2TypeCodes
{
    private static readonly HashSet<int> Cheque = [115, 116, 118, 175, 184, 187, 189, 222, 255, 395, 474, 475, 555];
    private static readonly HashSet<int> Wire = [191, 195, 196, 208, 216, 491, 493, 495, 496, 508];
    private static readonly HashSet<int> Book = [206, 506];

    /// <summary>Credit or debit, or null for a code that is not a transaction.</summary>
    public static EntryDirection? Direction(int code) => code switch
    {
        >= 100 and <= 399 => EntryDirection.Credit,
        >= 400 and <= 699 => EntryDirection.Debit,
        _ => null,
    };

    public static PaymentMethod Method(int code)
    {
        if (Cheque.Contains(code))
        {
            return PaymentMethod.Cheque;
        }

        if (code is (>= 140 and <= 169) or (>= 440 and <= 469))
        {
            return PaymentMethod.Ach;
        }

        if (Wire.Contains(code))
        {
            return PaymentMethod.Wire;
        }

        return Book.Contains(code) ? PaymentMethod.CreditTransfer : PaymentMethod.Unknown;
    }
}
