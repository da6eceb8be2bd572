using System.Globalization;
using System.Text;

namespace Connector.Bench.Payments;

/// <summary>Generated bank files of a given number of payments, each consistent with its own control totals.</summary>
internal static class BankFiles
{
    public static byte[] Bai2(int payments, Random random)
    {
        var text = new StringBuilder();
        text.Append("01,BANKUS33,ACMEAR,261120,0800,1,,,2/\n02,ACMEAR,BANKUS33,1,261120,,USD,2/\n03,123456789,USD,,,,/\n");
        long total = 0;
        for (var i = 0; i < payments; i++)
        {
            var cents = random.Next(1_000, 5_000_000);
            total += cents;
            text.Append(CultureInfo.InvariantCulture, $"16,301,{cents},Z,BREF{i:D8},CHK{i:D6},REMIT INV-{random.Next(10000, 99999)} CUSTOMER {random.Next(1000)}\n");
        }

        var accountRecords = payments + 2;
        text.Append(CultureInfo.InvariantCulture, $"49,{total},{accountRecords}/\n");
        text.Append(CultureInfo.InvariantCulture, $"98,{total},1,{accountRecords + 2}/\n");
        text.Append(CultureInfo.InvariantCulture, $"99,{total},1,{accountRecords + 4}/\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static byte[] Camt053(int payments, Random random)
    {
        var entries = new StringBuilder();
        decimal credits = 0;
        for (var i = 0; i < payments; i++)
        {
            var amount = random.Next(1_000, 5_000_000) / 100m;
            credits += amount;
            entries.Append(CultureInfo.InvariantCulture, $"""
                <Ntry><NtryRef>{i}</NtryRef><Amt Ccy="EUR">{amount:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt><AcctSvcrRef>REF{i:D8}</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>E2E{i:D8}</EndToEndId></Refs><Amt Ccy="EUR">{amount:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <RltdPties><Dbtr><Pty><Nm>CUSTOMER {random.Next(1000)} SAS</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>FR7630004000031234567{i % 100000:D5}</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>FACTURE F26-{random.Next(100000, 999999)}</Ustrd><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>F26-{random.Next(100000, 999999)}</Nb></RfrdDocInf><RfrdDocAmt><RmtdAmt Ccy="EUR">{amount:0.00}</RmtdAmt></RfrdDocAmt></Strd></RmtInf>
                </TxDtls></NtryDtls></Ntry>

                """);
        }

        const decimal opening = 1000m;
        var xml = string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-20T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>BENCH-1</Id><CreDtTm>2026-11-20T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{opening:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{opening + credits:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>
            {entries}</Stmt></BkToCstmrStmt></Document>
            """);
        return Encoding.UTF8.GetBytes(xml);
    }

    public static byte[] Cfonb120(int payments, Random random)
    {
        var text = new StringBuilder();
        long balance = 100_000;
        text.Append(Record("01", (35, "201126"), (91, Amount(balance)))).Append('\n');
        for (var i = 0; i < payments; i++)
        {
            long cents = random.Next(1_000, 5_000_000);
            balance += cents;
            text.Append(Record("04", (33, "05"), (35, "201126"), (43, "201126"), (49, $"VIR SEPA CUSTOMER {i % 1000,-5}"), (82, $"{i % 10_000_000:D7}"), (91, Amount(cents)), (105, $"R{i:D6}"))).Append('\n');
            text.Append(Record("05", (33, "05"), (35, "201126"), (46, "LIB"), (49, $"FACTURE F26-{random.Next(100000, 999999)}"))).Append('\n');
        }

        text.Append(Record("07", (35, "201126"), (91, Amount(balance)))).Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>13 digits then the overpunched last digit: { A-I for +0..9.</summary>
    private static string Amount(long cents)
    {
        var digits = cents.ToString("D14", CultureInfo.InvariantCulture);
        var last = digits[^1] - '0';
        return digits[..13] + (last == 0 ? '{' : (char)('A' + last - 1));
    }

    private static string Record(string code, params (int Column, string Text)[] fields)
    {
        var chars = new string(' ', 120).ToCharArray();
        Put(chars, 1, code);
        Put(chars, 3, "30004");
        Put(chars, 12, "00001");
        Put(chars, 17, "EUR");
        chars[19] = '2';
        Put(chars, 22, "00012345603");
        foreach (var (column, text) in fields)
        {
            Put(chars, column, text);
        }

        return new string(chars);
    }

    private static void Put(char[] chars, int column, string text) => text.CopyTo(0, chars, column - 1, text.Length);
}
