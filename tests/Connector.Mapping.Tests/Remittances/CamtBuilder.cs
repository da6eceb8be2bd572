using System.Text;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Camt;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>Writes camt documents for tests: a message of the given kind and version around statements written by the test.</summary>
internal static class CamtBuilder
{
    /// <summary>A camt.053 (BkToCstmrStmt/Stmt) of version <paramref name="version"/> (02, 08...) with one statement on the account.</summary>
    public static string Statement(string version, string balancesAndEntries, string account = "DE89370400440532013000")
        => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-03-01T18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>STMT-1</Id>
                  <Acct><Id><IBAN>{account}</IBAN></Id></Acct>
            {balancesAndEntries}
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    /// <summary>A camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn) of version <paramref name="version"/> with the given entries.</summary>
    public static string Notification(string version, string entries)
        => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.{version}">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>MSG-2</MsgId><CreDtTm>2024-03-01T18:00:00+01:00</CreDtTm></GrpHdr>
                <Ntfctn>
                  <Id>NTF-1</Id>
                  <Acct><Id><Othr><Id>0532013000</Id></Othr></Id></Acct>
            {entries}
                </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """;

    public static string Balance(string code, string amount, string indicator = "CRDT")
        => $"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>";

    /// <summary>An entry; <paramref name="details"/> goes inside NtryDtls (nothing when empty).</summary>
    public static string Entry(string amount, string indicator = "CRDT", string details = "", string extra = "", string status = "<Sts>BOOK</Sts>")
        => $"""
                  <Ntry>
                    <Amt Ccy="EUR">{amount}</Amt>
                    <CdtDbtInd>{indicator}</CdtDbtInd>
                    {extra}
                    {status}
                    <BookgDt><Dt>2024-03-01</Dt></BookgDt>
                    <ValDt><Dt>2024-03-02</Dt></ValDt>
                    <AcctSvcrRef>BANKREF-{amount}</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                    {(details.Length == 0 ? string.Empty : "<NtryDtls>" + details + "</NtryDtls>")}
                  </Ntry>
            """;

    public static (IReadOnlyList<MappedRemittance> Remittances, DocumentReadContext Context) Read(string xml)
        => Read(Encoding.UTF8.GetBytes(xml));

    public static (IReadOnlyList<MappedRemittance> Remittances, DocumentReadContext Context) Read(byte[] content)
    {
        var context = new DocumentReadContext("stmt.xml");
        using var stream = new MemoryStream(content);
        return (CamtReader.Read(stream, "DE01", context), context);
    }
}
