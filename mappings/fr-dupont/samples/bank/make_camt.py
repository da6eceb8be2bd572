#!/usr/bin/env python3
"""Writes FR01_camt054_20261120.xml: a camt.054.001.08 notification of the payments that reached Dupont Distribution's
account on 20 November 2026, for trying cash application on the demo's invoices:

    connector inspect --entity FR01 mappings/fr-dupont/samples/bank/FR01_camt054_20261120.xml

Each payment exercises one rule (see EXPECTED.md beside it). It also writes FR01_camt054_20261121.xml: the money of the
three payments described by the remittance advice AVIS_PAIEMENT_20261121.csv (no invoice references: the advice says
which invoices they pay). Standard library only; the output is the same on every run.
"""
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
IBAN = "FR7630004000031234567890143"

# (reference, amount, direction, debtor name, debtor IBAN, structured [(type, number, amount)], unstructured text)
PAYMENTS = [
    ("E2E-MOREAU-1120", "1708.80", "CRDT", "ELECTRICITE MOREAU SARL", "FR7610107001011234567890129", [("CINV", "FX26-00101", "1708.80")], None),
    ("E2E-EB-4510", "1471.95", "CRDT", "ELECTRO BRUXELLES SRL", "BE71096123456769", [], "FACT F26 4510 ET F26-4533"),
    ("E2E-CDP-105", "2700.00", "CRDT", "CLINIQUE DU PARC", "FR7630002005500000157845Z02", [], "REGLEMENT FX2600105"),
    ("E2E-LEFEVRE-11", "1551.60", "CRDT", "INSTALLATIONS LEFEVRE ET FILS", "FR7630006000011234567890189", [], "VIREMENT NOVEMBRE"),
    ("E2E-DUBOIS-4524", "2865.60", "CRDT", "DUBOIS RENOVATION SARL", "FR7611315000011234567890138", [("CINV", "F26-004524", "2865.60")], None),
    ("E2E-BERNARD-4541", "1200.00", "CRDT", "BERNARD ENERGIES RENOUVELABLES", "FR7614508000401234567890105", [("CINV", "F26-004541", "1200.00")], None),
    ("E2E-SCILAC-01", "450.00", "CRDT", "SCI DU LAC", "FR7617806001231234567890140", [], "ACOMPTE TRAVAUX"),
    ("FRAIS-1120", "12.50", "DBIT", None, None, [], "FRAIS TENUE DE COMPTE"),
]


def entry(i, ref, amount, direction, name, debtor_iban, strd, ustrd):
    family = ("RCDT", "ESCT") if direction == "CRDT" else ("CCRD", "CHRG")
    parties = ""
    if name:
        parties = f"""
              <RltdPties>
                <Dbtr><Pty><Nm>{escape(name)}</Nm></Pty></Dbtr>
                <DbtrAcct><Id><IBAN>{debtor_iban}</IBAN></Id></DbtrAcct>
              </RltdPties>"""
    rmt = ""
    if strd or ustrd:
        parts = []
        if ustrd:
            parts.append(f"<Ustrd>{escape(ustrd)}</Ustrd>")
        for kind, number, paid in strd:
            parts.append(f"""<Strd>
                  <RfrdDocInf><Tp><CdOrPrtry><Cd>{kind}</Cd></CdOrPrtry></Tp><Nb>{number}</Nb></RfrdDocInf>
                  <RfrdDocAmt><RmtdAmt Ccy="EUR">{paid}</RmtdAmt></RfrdDocAmt>
                </Strd>""")
        rmt = "\n              <RmtInf>\n                " + "\n                ".join(parts) + "\n              </RmtInf>"
    return f"""      <Ntry>
        <NtryRef>{i}</NtryRef>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>{direction}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
        <ValDt><Dt>2026-11-20</Dt></ValDt>
        <AcctSvcrRef>BNPP20261120{i:04d}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{family[0]}</Cd><SubFmlyCd>{family[1]}</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>BNPP20261120{i:04d}</AcctSvcrRef><EndToEndId>{ref}</EndToEndId></Refs>
            <Amt Ccy="EUR">{amount}</Amt>
            <CdtDbtInd>{direction}</CdtDbtInd>{parties}{rmt}
          </TxDtls>
        </NtryDtls>
      </Ntry>"""


# The credits the remittance advice AVIS_PAIEMENT_20261121.csv describes: the transfer quotes the advice's number, the
# second transfer and the cheque say nothing of what they pay.
ADVISED = [
    ("VIR-2611-0187", "1929.92", "CRDT", "NEXA IMMOBILIER SAS", "FR1630003012340005012345678", [], None),
    ("E2E-BRA-1121", "1717.72", "CRDT", "BATIMENTS RHONE-ALPES SAS", "FR4810096180000012345678914", [], "VIREMENT"),
    ("REMISE-CHQ-1121", "866.32", "CRDT", "AUVERGNE CABLAGE INDUSTRIE SAS", "FR7612548029981234567890161", [], "REMISE CHEQUE 4417203"),
]


def write(name, payments, day, first):
    entries = "\n".join(entry(first + i, *p) for i, p in enumerate(payments)).replace("2026-11-20", day).replace("BNPP20261120", "BNPP" + day.replace("-", ""))
    xml = document(entries).replace("2026-11-20", day).replace("20261120", day.replace("-", ""))
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(xml)


def main():
    write("FR01_camt054_20261120.xml", PAYMENTS, "2026-11-20", 1)
    write("FR01_camt054_20261121.xml", ADVISED, "2026-11-21", 1)


def document(entries):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr>
      <MsgId>BNPP-FR01-20261120-01</MsgId>
      <CreDtTm>2026-11-20T18:00:00+01:00</CreDtTm>
    </GrpHdr>
    <Ntfctn>
      <Id>BNPP-FR01-20261120</Id>
      <CreDtTm>2026-11-20T18:00:00+01:00</CreDtTm>
      <Acct>
        <Id><IBAN>{IBAN}</IBAN></Id>
        <Ccy>EUR</Ccy>
        <Ownr><Nm>DUPONT DISTRIBUTION SAS</Nm></Ownr>
      </Acct>
{entries}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
"""


if __name__ == "__main__":
    main()
