using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>Reads one TxDtls: amount and direction, references, the debtor (v02 party, v08 Pty or Agt), and its remittance information.</summary>
internal static class CamtTransactions
{
    public static CamtTransaction Read(XElement tx, CamtValues values)
    {
        var problems = new List<Problem>();
        var amountElement = tx.Child("Amt") ?? tx.At("AmtDtls", "TxAmt", "Amt") ?? tx.At("AmtDtls", "InstdAmt", "Amt");
        var amount = CamtValues.Amount(amountElement);
        if (amountElement is not null && amount is null)
        {
            problems.Add(Problem.Error(
                ProblemCodes.FieldInvalidNumber,
                $"The transaction amount '{amountElement.Value.Trim()}' is not an amount.",
                values.At(amountElement),
                amountElement.Name.LocalName,
                amountElement.Value.Trim()));
        }

        var refs = tx.Child("Refs");
        var endToEnd = refs.At("EndToEndId").Text();
        if (string.Equals(endToEnd, "NOTPROVIDED", StringComparison.OrdinalIgnoreCase))
        {
            endToEnd = null;
        }

        var lines = CamtRemittanceInfo.Lines(tx.Child("RmtInf"), values, problems);
        return new CamtTransaction
        {
            Amount = amount,
            Currency = CamtValues.Currency(amountElement),
            Direction = CamtValues.Direction(tx.Child("CdtDbtInd")),
            EndToEndId = endToEnd,
            AccountServicerReference = refs.At("AcctSvcrRef").Text(),
            ChequeNumber = refs.At("ChqNb").Text(),
            Code = CamtValues.Code(tx.Child("BkTxCd")),
            SettlementDate = values.Date(tx.At("RltdDts", "IntrBkSttlmDt"), problems),
            Payer = Payer(tx),
            Unstructured = [.. tx.At("RmtInf").All("Ustrd").Select(u => u.Text()).OfType<string>()],
            AdditionalInfo = tx.At("AddtlTxInf").Text(),
            Lines = lines,
            Problems = problems,
            Spot = tx.Spot(),
        };
    }

    /// <summary>The debtor: name and id of the party (v02: Dbtr is the party; v08: Dbtr/Pty, or Dbtr/Agt for a bank), its account and its agent's BIC.</summary>
    private static PayerReference Payer(XElement tx)
    {
        var parties = tx.Child("RltdPties");
        var debtor = parties.Child("Dbtr");
        var party = debtor.Child("Pty") ?? (debtor.Child("Agt") is null ? debtor : null);
        var agent = debtor.At("Agt", "FinInstnId");
        var ultimate = parties.Child("UltmtDbtr");
        var ultimateParty = ultimate.Child("Pty") ?? ultimate;
        var debtorAgent = tx.At("RltdAgts", "DbtrAgt", "FinInstnId");
        return new PayerReference
        {
            Name = party.At("Nm").Text() ?? agent.At("Nm").Text() ?? ultimateParty.At("Nm").Text(),
            TaxId = PartyId(party) ?? PartyId(ultimateParty),
            BankAccount = CamtValues.AccountId(parties.Child("DbtrAcct")),
            BankId = Bic(agent) ?? Bic(debtorAgent) ?? debtorAgent.At("ClrSysMmbId", "MmbId").Text(),
        };
    }

    private static string? Bic(XElement? financialInstitution)
        => financialInstitution.At("BICFI").Text() ?? financialInstitution.At("BIC").Text();

    /// <summary>The party's first identifier: an organisation's other id, BIC or BEI, else a person's other id.</summary>
    private static string? PartyId(XElement? party)
    {
        var id = party.Child("Id");
        var org = id.Child("OrgId");
        var person = id.Child("PrvtId");
        return org.At("Othr", "Id").Text()
            ?? org.At("AnyBIC").Text()
            ?? org.At("BICOrBEI").Text()
            ?? org.At("BIC").Text()
            ?? org.At("PrtryId", "Id").Text()
            ?? person.At("Othr", "Id").Text();
    }
}
