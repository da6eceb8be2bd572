using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances.Camt;

/// <summary>
/// Reads a camt.052 / 053 / 054 document (any version 01 to 13: elements are found by local name) into statements
/// and entries as written, before any check. Entries whose amount or direction cannot be read are file problems.
/// </summary>
internal static class CamtParser
{
    public const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

    /// <summary>The message name (camt.053.001.08) when the namespace is a camt.052 / 053 / 054 one, else null.</summary>
    public static string? MessageName(string ns)
    {
        if (!ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = ns[NamespacePrefix.Length..];
        return name.StartsWith("camt.052.", StringComparison.Ordinal)
               || name.StartsWith("camt.053.", StringComparison.Ordinal)
               || name.StartsWith("camt.054.", StringComparison.Ordinal)
            ? name
            : null;
    }

    public static CamtMessage Parse(XElement root, CamtValues values, List<Problem> fileProblems)
    {
        var message = root.Elements().FirstOrDefault();
        var statements = new List<CamtStatement>();
        foreach (var statement in message.All("Stmt").Concat(message.All("Rpt")).Concat(message.All("Ntfctn")))
        {
            statements.Add(Statement(statement, values, fileProblems));
        }

        return new CamtMessage(MessageName(root.Name.NamespaceName) ?? root.Name.NamespaceName, message.At("GrpHdr", "MsgId").Text(), statements);
    }

    private static CamtStatement Statement(XElement statement, CamtValues values, List<Problem> fileProblems)
    {
        var balances = new List<CamtBalance>();
        foreach (var balance in statement.All("Bal"))
        {
            var amountElement = balance.Child("Amt");
            var amount = CamtValues.Amount(amountElement);
            var direction = CamtValues.Direction(balance.Child("CdtDbtInd"));
            if (amount is null || direction is null)
            {
                fileProblems.Add(Problem.Error(
                    ProblemCodes.CamtEntryInvalid,
                    $"The balance has no readable amount and credit/debit indicator ('{amountElement?.Value.Trim()}', '{balance.Child("CdtDbtInd")?.Value.Trim()}').",
                    values.At(balance)));
                continue;
            }

            var type = balance.At("Tp", "CdOrPrtry", "Cd").Text() ?? balance.At("Tp", "CdOrPrtry", "Prtry").Text() ?? balance.At("Tp", "Cd").Text();
            balances.Add(new CamtBalance(type, direction == Model.EntryDirection.Debit ? -amount.Value : amount.Value, CamtValues.Currency(amountElement), balance.Spot()));
        }

        var entries = new List<CamtEntry>();
        foreach (var entry in statement.All("Ntry"))
        {
            if (Entry(entry, values, fileProblems) is { } read)
            {
                entries.Add(read);
            }
        }

        return new CamtStatement(
            statement.Name.LocalName,
            statement.At("Id").Text(),
            CamtValues.AccountId(statement.Child("Acct")),
            balances,
            Summary(statement.Child("TxsSummry")),
            entries,
            statement.Spot())
        {
            Page = Page(statement.Child("StmtPgntn") ?? statement.Child("RptPgntn") ?? statement.Child("NtfctnPgntn")),
        };
    }

    /// <summary>"page 2 (last)" when the pagination says the statement is split; null for a whole statement (page 1, last).</summary>
    private static string? Page(XElement? pagination)
    {
        if (pagination is null)
        {
            return null;
        }

        var number = pagination.At("PgNb").Text();
        var last = pagination.At("LastPgInd").Text() is "true" or "1";
        return number is "1" && last ? null : $"page {number}{(last ? " (last)" : " (more follow)")}";
    }

    private static CamtEntry? Entry(XElement entry, CamtValues values, List<Problem> fileProblems)
    {
        var amountElement = entry.Child("Amt");
        var amount = CamtValues.Amount(amountElement);
        var direction = CamtValues.Direction(entry.Child("CdtDbtInd"));
        if (amount is null || direction is null)
        {
            fileProblems.Add(Problem.Error(
                ProblemCodes.CamtEntryInvalid,
                amount is null
                    ? $"The entry's amount '{amountElement?.Value.Trim()}' is missing or not an amount; the statement's totals cannot be checked."
                    : $"The entry's credit/debit indicator '{entry.Child("CdtDbtInd")?.Value.Trim()}' is neither CRDT nor DBIT.",
                values.At(amountElement is not null && amount is null ? amountElement : entry),
                amount is null ? "Amt" : "CdtDbtInd",
                amount is null ? amountElement?.Value.Trim() : entry.Child("CdtDbtInd")?.Value.Trim()));
            return null;
        }

        var problems = new List<Problem>();

        // v01 has Btch and TxDtls directly in Ntry; later versions in NtryDtls (one or more).
        var batch = entry.All("NtryDtls").Select(d => d.Child("Btch")).FirstOrDefault(b => b is not null) ?? entry.Child("Btch");
        var transactions = entry.All("NtryDtls").SelectMany(d => d.All("TxDtls")).Concat(entry.All("TxDtls"));
        return new CamtEntry
        {
            Amount = amount.Value,
            Currency = CamtValues.Currency(amountElement),
            Direction = direction.Value,
            Reversal = string.Equals(entry.At("RvslInd").Text(), "true", StringComparison.OrdinalIgnoreCase) || entry.At("RvslInd").Text() == "1",
            Status = entry.At("Sts").Text(),
            BookingDate = values.Date(entry.Child("BookgDt"), problems),
            ValueDate = values.Date(entry.Child("ValDt"), problems),
            EntryReference = entry.At("NtryRef").Text(),
            AccountServicerReference = entry.At("AcctSvcrRef").Text(),
            Code = CamtValues.Code(entry.Child("BkTxCd")),
            AdditionalInfo = entry.At("AddtlNtryInf").Text(),
            Batch = batch is null ? null : new CamtBatch(
                CamtValues.Count(batch.Child("NbOfTxs")),
                CamtValues.Amount(batch.Child("TtlAmt")),
                CamtValues.Direction(batch.Child("CdtDbtInd")),
                batch.Spot()),
            HasCharges = entry.Descendants().Any(d => d.Name.LocalName == "Chrgs"),
            Transactions = [.. transactions.Select(t => CamtTransactions.Read(t, values))],
            Problems = problems,
            Spot = entry.Spot(),
        };
    }

    private static CamtSummary? Summary(XElement? summary)
    {
        if (summary is null)
        {
            return null;
        }

        var total = summary.Child("TtlNtries");
        var credits = summary.Child("TtlCdtNtries");
        var debits = summary.Child("TtlDbtNtries");

        // v02: TtlNtries/TtlNetNtryAmt + CdtDbtInd; v04 on: TtlNtries/TtlNetNtry/(Amt, CdtDbtInd).
        var netAmount = CamtValues.Amount(total.At("TtlNetNtry", "Amt") ?? total.Child("TtlNetNtryAmt"));
        var netDirection = CamtValues.Direction(total.At("TtlNetNtry", "CdtDbtInd") ?? total.Child("CdtDbtInd"));
        return new CamtSummary(
            CamtValues.Count(total.Child("NbOfNtries")),
            CamtValues.Amount(total.Child("Sum")),
            netAmount is null ? null : netDirection == Model.EntryDirection.Debit ? -netAmount : netAmount,
            CamtValues.Count(credits.Child("NbOfNtries")),
            CamtValues.Amount(credits.Child("Sum")),
            CamtValues.Count(debits.Child("NbOfNtries")),
            CamtValues.Amount(debits.Child("Sum")),
            summary.Spot());
    }
}
