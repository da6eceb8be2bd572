using Connector.Mapping.Model;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>The payment method an ISO 20022 bank transaction code (domain / family / sub-family) stands for.</summary>
internal static class CamtMethods
{
    private static readonly HashSet<string> AchSubFamilies = new(StringComparer.Ordinal)
    {
        "ACDT", "ADBT", "ACON", "ACOR", "APAC", "ARET", "AREV", "ASET", "ATXN",
    };

    public static PaymentMethod Of(CamtTransactionCode? code)
    {
        if (code?.Domain is null)
        {
            return PaymentMethod.Unknown;
        }

        // Sub-families that say it all, whatever the family.
        switch (code.SubFamily)
        {
            case "ESCT" or "DMCT" or "XBCT" or "SDVA" or "BOOK" or "STDO" or "RRTN":
                break;
            case "ESDD" or "BBDD" or "PMDD" or "URDD" or "OODD":
                return PaymentMethod.DirectDebit;
            case "CCHQ" or "CDIS" or "URCQ" or "UPCQ" or "ORCQ" or "BCHQ" or "CCCH" or "XBCQ":
                return PaymentMethod.Cheque;
            case "CWDL" or "CDPT":
                return PaymentMethod.Cash;
        }

        if (code.SubFamily is { } sub && AchSubFamilies.Contains(sub))
        {
            return PaymentMethod.Ach;
        }

        return code.Family switch
        {
            "RCDT" or "ICDT" or "RRCT" or "IRCT" => PaymentMethod.CreditTransfer,
            "RDDT" or "IDDT" => PaymentMethod.DirectDebit,
            "RCHQ" or "ICHQ" or "LBOX" or "CCHQ" => PaymentMethod.Cheque,
            "CCRD" or "MCRD" => PaymentMethod.Card,
            "CNTR" => PaymentMethod.Cash,
            _ => PaymentMethod.Other,
        };
    }
}
