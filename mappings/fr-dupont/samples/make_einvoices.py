#!/usr/bin/env python3
"""Writes the FR01 Dupont Distribution SAS sample e-invoices (from November 2026 its new billing system also emits
e-invoices) into this folder, as FR01_efacture_*:

  FR01_efacture_FX26-00101_EN16931.pdf   Factur-X EN 16931, invoice to C10001 (buyer by VAT id), 2 lines at 20 %
  FR01_efacture_FX26-00102_BASIC.pdf     Factur-X BASIC, to C10003, 3 lines at 20 % / 5.5 %, 2 % loyalty allowance
  FR01_efacture_FX26-00103_AVOIR.pdf     Factur-X EN 16931 credit note (381) to C10001 referencing FX26-00101
  FR01_efacture_FX26-00104_BASICWL.pdf   Factur-X BASIC WL (no lines), to C10010
  FR01_efacture_FX26-00105_UBL.xml       UBL 2.1 (Peppol BIS Billing 3.0) to C10017, identified only by SIRET / 0225
  FR01_efacture_FX26-00106_CII.xml       CII EN 16931 to C10025, GrandTotalAmount 10.00 too high (BR-CO-15 fails)

and replaces the "## E-invoices" section of EXPECTED.md (make_samples.py rewrites EXPECTED.md without it: run this
script after it). Python 3 standard library only; the output is deterministic (no clock, no randomness).

The PDFs are written by hand (objects, xref table, FlateDecode through zlib): one A4 page showing the invoice in
Helvetica (WinAnsiEncoding), the CII XML embedded as factur-x.xml (EmbeddedFiles name tree and catalog /AF, with
/AFRelationship /Data, /Subtype /text#2Fxml, /Params /Size /ModDate) and an XMP packet declaring pdfaid:part 3,
conformance B and the Factur-X extension schema. They are NOT conforming PDF/A-3: the standard fonts are not
embedded and there is no OutputIntent / ICC profile. They are meant for the Connector's tests and demos, which read
them with poppler (pdfdetach -list, pdfinfo -meta, pdftotext), not for a PDF/A validator.

Run from anywhere: python3 mappings/fr-dupont/samples/make_einvoices.py
"""

from __future__ import annotations

import hashlib
import os
import re
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CENT = Decimal("0.01")

SELLER = {
    "name": "Dupont Distribution SAS",
    "siren": "412987653",
    "siret": "41298765310009",
    "vat": "FR13412987653",
    "endpoint": ("0225", "412987653"),
    "street": "18 rue de Gerland",
    "postcode": "69007",
    "city": "Lyon",
    "country": "FR",
    "iban": "FR7630004000031234567890143",
    "bic": "BNPAFRPPXXX",
}

PROFILES = {
    "EN 16931": "urn:cen.eu:en16931:2017",
    "BASIC": "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
    "BASIC WL": "urn:factur-x.eu:1p0:basicwl",
}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Buyer:
    account: str
    name: str
    street: str
    postcode: str
    city: str
    vat: str | None = None
    siret: str | None = None
    endpoint: tuple[str, str] | None = None


@dataclass
class Line:
    item: str
    name: str
    quantity: Decimal
    price: Decimal
    rate: Decimal
    unit: str = "C62"

    @property
    def net(self) -> Decimal:
        return money(self.quantity * self.price)


@dataclass
class Allowance:
    reason: str
    percent: Decimal
    rate: Decimal
    basis: Decimal = Decimal(0)

    @property
    def amount(self) -> Decimal:
        return money(self.basis * self.percent / 100)


@dataclass
class Invoice:
    number: str
    issue: date
    buyer: Buyer
    profile: str
    type_code: str = "380"
    lines: list[Line] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)
    header_only: dict[Decimal, Decimal] = field(default_factory=dict)  # BASIC WL: rate -> taxable amount
    header_text: str = ""
    preceding: tuple[str, date] | None = None
    grand_total_error: Decimal = Decimal(0)
    note: str = ""

    @property
    def due(self) -> date:
        return self.issue + timedelta(days=30)

    @property
    def is_credit(self) -> bool:
        return self.type_code == "381"

    def line_total(self) -> Decimal:
        return sum((l.net for l in self.lines), Decimal(0)) if self.lines else sum(self.header_only.values(), Decimal(0))

    def allowance_total(self) -> Decimal:
        return sum((a.amount for a in self.allowances), Decimal(0))

    def breakdown(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        """(rate, taxable amount, tax) per rate: taxable = line nets - allowances of the rate; tax rounded half up."""
        bases: dict[Decimal, Decimal] = {}
        if self.lines:
            for l in self.lines:
                bases[l.rate] = bases.get(l.rate, Decimal(0)) + l.net
        else:
            bases.update(self.header_only)
        for a in self.allowances:
            bases[a.rate] -= a.amount
        return [(rate, base, money(base * rate / 100)) for rate, base in sorted(bases.items(), reverse=True)]

    def totals(self) -> dict[str, Decimal]:
        net = self.line_total() - self.allowance_total()
        tax = sum((t for _, _, t in self.breakdown()), Decimal(0))
        gross = net + tax + self.grand_total_error
        return {"lines": self.line_total(), "allowances": self.allowance_total(), "net": net, "tax": tax,
                "gross": gross, "payable": gross}


def prepare(invoice: Invoice) -> Invoice:
    for a in invoice.allowances:
        a.basis = sum((l.net for l in invoice.lines if l.rate == a.rate), Decimal(0))
    return invoice


# --------------------------------------------------------------------------------------------------------- the data

C10001 = Buyer("C10001", "Électricité Moreau SARL", "14 rue des Tanneurs", "69007", "Lyon", vat="FR60389037722")
C10003 = Buyer("C10003", "Bâtiments Rhône-Alpes SAS", "112 cours Lafayette", "69003", "Lyon", vat="FR38513958033")
C10010 = Buyer("C10010", "Lumière & Design SAS", "9 rue Mercière", "69002", "Lyon", vat="FR70926632548")
# Identified only by its SIRET (SIREN 567441456 of its VAT id FR85567441456 + NIC 00017, Luhn-valid) and its 0225
# electronic address; no VAT id; name written without the legal form.
C10017 = Buyer("C10017", "Clinique du Parc", "155 boulevard de Stalingrad", "69006", "Lyon",
               siret="56744145600017", endpoint=("0225", "567441456"))
C10025 = Buyer("C10025", "Nexa Immobilier SAS", "30 quai Perrache", "69002", "Lyon", vat="FR63912125937")

D = Decimal
INVOICES = [
    prepare(Invoice("FX26-00101", date(2026, 11, 3), C10001, "EN 16931", lines=[
        Line("CAB-R2V-3G25-100", "Câble R2V 3G2,5 mm² couronne 100 m", D("12"), D("89.50"), D("20")),
        Line("DJ-1PN-16C", "Disjoncteur divisionnaire 1P+N 16 A courbe C", D("40"), D("8.75"), D("20")),
    ], note="Commande n° CM-7781 du 28/10/2026")),
    prepare(Invoice("FX26-00102", date(2026, 11, 3), C10003, "BASIC", lines=[
        Line("TAB-3R-39M", "Tableau électrique pré-équipé 3 rangées 39 modules", D("4"), D("186.50"), D("20")),
        Line("LED-PAN-6060-40", "Luminaire LED panneau 600x600 40 W 4000 K", D("25"), D("32.80"), D("20")),
        Line("GT-NFC15100", "Guide technique « Installations électriques NF C 15-100 »", D("3"), D("28.00"), D("5.5")),
    ], allowances=[Allowance("Remise fidélité", D("2"), D("20"))], note="Chantier résidence Les Tilleuls, Villeurbanne")),
    prepare(Invoice("FX26-00103", date(2026, 11, 4), C10001, "EN 16931", type_code="381", lines=[
        Line("DJ-1PN-16C", "Retour : disjoncteur divisionnaire 1P+N 16 A courbe C", D("4"), D("8.75"), D("20")),
    ], preceding=("FX26-00101", date(2026, 11, 3)), note="Avoir sur facture FX26-00101 : retour de 4 disjoncteurs")),
    prepare(Invoice("FX26-00104", date(2026, 11, 4), C10010, "BASIC WL",
                    header_only={D("20"): D("2450.00")},
                    header_text="Luminaires LED suspension et rails (détail sur le bon de livraison BL26-0456)",
                    note="Livraison BL26-0456 du 03/11/2026")),
    prepare(Invoice("FX26-00105", date(2026, 11, 4), C10017, "EN 16931", lines=[
        Line("LED-ETA-IP65-150", "Luminaire LED étanche IP65 1500 mm 45 W", D("30"), D("54.20"), D("20")),
        Line("DET-PRES-360", "Détecteur de présence plafonnier 360°", D("15"), D("41.60"), D("20")),
    ])),
    prepare(Invoice("FX26-00106", date(2026, 11, 4), C10025, "EN 16931", lines=[
        Line("IRVE-7K4", "Borne de recharge murale 7,4 kW", D("2"), D("890.00"), D("20")),
        Line("CAB-U1000-5G6", "Câble U1000 R2V 5G6 mm² (au mètre)", D("50"), D("7.30"), D("20"), unit="MTR"),
    ], grand_total_error=D("10.00"))),
]


# ------------------------------------------------------------------------------------------------------------ CII

def amt(value: Decimal) -> str:
    return f"{money(value):.2f}"


def num(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def rate_text(rate: Decimal) -> str:
    return f"{rate:.2f}"


def ymd(d: date) -> str:
    return d.strftime("%Y%m%d")


def x(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def cii(inv: Invoice) -> str:
    en = inv.profile == "EN 16931"
    t = inv.totals()
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"'
           ' xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"'
           ' xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"'
           ' xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">',
           '  <rsm:ExchangedDocumentContext>',
           '    <ram:GuidelineSpecifiedDocumentContextParameter>',
           f'      <ram:ID>{PROFILES[inv.profile]}</ram:ID>',
           '    </ram:GuidelineSpecifiedDocumentContextParameter>',
           '  </rsm:ExchangedDocumentContext>',
           '  <rsm:ExchangedDocument>',
           f'    <ram:ID>{inv.number}</ram:ID>',
           f'    <ram:TypeCode>{inv.type_code}</ram:TypeCode>',
           f'    <ram:IssueDateTime><udt:DateTimeString format="102">{ymd(inv.issue)}</udt:DateTimeString></ram:IssueDateTime>']
    if inv.note:
        out.append(f'    <ram:IncludedNote><ram:Content>{x(inv.note)}</ram:Content></ram:IncludedNote>')
    out += ['  </rsm:ExchangedDocument>', '  <rsm:SupplyChainTradeTransaction>']
    for i, l in enumerate(inv.lines, 1):
        out += ['    <ram:IncludedSupplyChainTradeLineItem>',
                f'      <ram:AssociatedDocumentLineDocument><ram:LineID>{i}</ram:LineID></ram:AssociatedDocumentLineDocument>',
                '      <ram:SpecifiedTradeProduct>']
        if en:
            out.append(f'        <ram:SellerAssignedID>{x(l.item)}</ram:SellerAssignedID>')
        out += [f'        <ram:Name>{x(l.name)}</ram:Name>',
                '      </ram:SpecifiedTradeProduct>',
                '      <ram:SpecifiedLineTradeAgreement>',
                f'        <ram:NetPriceProductTradePrice><ram:ChargeAmount>{amt(l.price)}</ram:ChargeAmount></ram:NetPriceProductTradePrice>',
                '      </ram:SpecifiedLineTradeAgreement>',
                f'      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="{l.unit}">{num(l.quantity)}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>',
                '      <ram:SpecifiedLineTradeSettlement>',
                '        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode>'
                f'<ram:RateApplicablePercent>{rate_text(l.rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>',
                f'        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{amt(l.net)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>',
                '      </ram:SpecifiedLineTradeSettlement>',
                '    </ram:IncludedSupplyChainTradeLineItem>']
    s, b = SELLER, inv.buyer
    out += ['    <ram:ApplicableHeaderTradeAgreement>',
            '      <ram:SellerTradeParty>',
            f'        <ram:Name>{x(s["name"])}</ram:Name>',
            f'        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{s["siren"]}</ram:ID></ram:SpecifiedLegalOrganization>',
            f'        <ram:PostalTradeAddress><ram:PostcodeCode>{s["postcode"]}</ram:PostcodeCode><ram:LineOne>{x(s["street"])}</ram:LineOne>'
            f'<ram:CityName>{s["city"]}</ram:CityName><ram:CountryID>{s["country"]}</ram:CountryID></ram:PostalTradeAddress>',
            f'        <ram:URIUniversalCommunication><ram:URIID schemeID="{s["endpoint"][0]}">{s["endpoint"][1]}</ram:URIID></ram:URIUniversalCommunication>',
            f'        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{s["vat"]}</ram:ID></ram:SpecifiedTaxRegistration>',
            '      </ram:SellerTradeParty>',
            '      <ram:BuyerTradeParty>',
            f'        <ram:Name>{x(b.name)}</ram:Name>']
    if b.siret:
        out.append(f'        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">{b.siret}</ram:ID></ram:SpecifiedLegalOrganization>')
    out.append(f'        <ram:PostalTradeAddress><ram:PostcodeCode>{b.postcode}</ram:PostcodeCode><ram:LineOne>{x(b.street)}</ram:LineOne>'
               f'<ram:CityName>{b.city}</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>')
    if b.endpoint:
        out.append(f'        <ram:URIUniversalCommunication><ram:URIID schemeID="{b.endpoint[0]}">{b.endpoint[1]}</ram:URIID></ram:URIUniversalCommunication>')
    if b.vat:
        out.append(f'        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{b.vat}</ram:ID></ram:SpecifiedTaxRegistration>')
    out += ['      </ram:BuyerTradeParty>',
            '    </ram:ApplicableHeaderTradeAgreement>',
            '    <ram:ApplicableHeaderTradeDelivery/>',
            '    <ram:ApplicableHeaderTradeSettlement>',
            f'      <ram:PaymentReference>{inv.number}</ram:PaymentReference>',
            '      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>',
            '      <ram:SpecifiedTradeSettlementPaymentMeans>',
            '        <ram:TypeCode>58</ram:TypeCode>',
            f'        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{s["iban"]}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>']
    if en:
        out.append(f'        <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>{s["bic"]}</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>')
    out.append('      </ram:SpecifiedTradeSettlementPaymentMeans>')
    for rate, base, tax in inv.breakdown():
        out.append(f'      <ram:ApplicableTradeTax><ram:CalculatedAmount>{amt(tax)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>'
                   f'<ram:BasisAmount>{amt(base)}</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>'
                   f'<ram:RateApplicablePercent>{rate_text(rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>')
    for a in inv.allowances:
        out += ['      <ram:SpecifiedTradeAllowanceCharge>',
                '        <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>',
                f'        <ram:CalculationPercent>{rate_text(a.percent)}</ram:CalculationPercent>',
                f'        <ram:BasisAmount>{amt(a.basis)}</ram:BasisAmount>',
                f'        <ram:ActualAmount>{amt(a.amount)}</ram:ActualAmount>',
                '        <ram:ReasonCode>95</ram:ReasonCode>',
                f'        <ram:Reason>{x(a.reason)}</ram:Reason>',
                '        <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode>'
                f'<ram:RateApplicablePercent>{rate_text(a.rate)}</ram:RateApplicablePercent></ram:CategoryTradeTax>',
                '      </ram:SpecifiedTradeAllowanceCharge>']
    out += ['      <ram:SpecifiedTradePaymentTerms>',
            '        <ram:Description>Paiement à 30 jours net par virement</ram:Description>',
            f'        <ram:DueDateDateTime><udt:DateTimeString format="102">{ymd(inv.due)}</udt:DateTimeString></ram:DueDateDateTime>',
            '      </ram:SpecifiedTradePaymentTerms>',
            '      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>',
            f'        <ram:LineTotalAmount>{amt(t["lines"])}</ram:LineTotalAmount>']
    if inv.allowances:
        out += ['        <ram:ChargeTotalAmount>0.00</ram:ChargeTotalAmount>',
                f'        <ram:AllowanceTotalAmount>{amt(t["allowances"])}</ram:AllowanceTotalAmount>']
    out += [f'        <ram:TaxBasisTotalAmount>{amt(t["net"])}</ram:TaxBasisTotalAmount>',
            f'        <ram:TaxTotalAmount currencyID="EUR">{amt(t["tax"])}</ram:TaxTotalAmount>',
            f'        <ram:GrandTotalAmount>{amt(t["gross"])}</ram:GrandTotalAmount>',
            '        <ram:TotalPrepaidAmount>0.00</ram:TotalPrepaidAmount>',
            f'        <ram:DuePayableAmount>{amt(t["payable"])}</ram:DuePayableAmount>',
            '      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>']
    if inv.preceding:
        out += ['      <ram:InvoiceReferencedDocument>',
                f'        <ram:IssuerAssignedID>{inv.preceding[0]}</ram:IssuerAssignedID>',
                f'        <ram:FormattedIssueDateTime><qdt:DateTimeString format="102">{ymd(inv.preceding[1])}</qdt:DateTimeString></ram:FormattedIssueDateTime>',
                '      </ram:InvoiceReferencedDocument>']
    out += ['    </ram:ApplicableHeaderTradeSettlement>', '  </rsm:SupplyChainTradeTransaction>', '</rsm:CrossIndustryInvoice>', '']
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------------------ UBL

def ubl(inv: Invoice) -> str:
    s, b, t = SELLER, inv.buyer, inv.totals()
    cur = 'currencyID="EUR"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"'
           ' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"'
           ' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
           '  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>',
           '  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>',
           f'  <cbc:ID>{inv.number}</cbc:ID>',
           f'  <cbc:IssueDate>{inv.issue.isoformat()}</cbc:IssueDate>',
           f'  <cbc:DueDate>{inv.due.isoformat()}</cbc:DueDate>',
           f'  <cbc:InvoiceTypeCode>{inv.type_code}</cbc:InvoiceTypeCode>',
           '  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>',
           '  <cac:OrderReference><cbc:ID>BC-CDP-2026-0412</cbc:ID></cac:OrderReference>',
           '  <cac:AccountingSupplierParty>',
           '    <cac:Party>',
           f'      <cbc:EndpointID schemeID="{s["endpoint"][0]}">{s["endpoint"][1]}</cbc:EndpointID>',
           f'      <cac:PartyIdentification><cbc:ID schemeID="0009">{s["siret"]}</cbc:ID></cac:PartyIdentification>',
           f'      <cac:PartyName><cbc:Name>{x(s["name"])}</cbc:Name></cac:PartyName>',
           f'      <cac:PostalAddress><cbc:StreetName>{x(s["street"])}</cbc:StreetName><cbc:CityName>{s["city"]}</cbc:CityName>'
           f'<cbc:PostalZone>{s["postcode"]}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>{s["country"]}</cbc:IdentificationCode></cac:Country></cac:PostalAddress>',
           f'      <cac:PartyTaxScheme><cbc:CompanyID>{s["vat"]}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>',
           f'      <cac:PartyLegalEntity><cbc:RegistrationName>{x(s["name"])}</cbc:RegistrationName><cbc:CompanyID schemeID="0002">{s["siren"]}</cbc:CompanyID></cac:PartyLegalEntity>',
           '    </cac:Party>',
           '  </cac:AccountingSupplierParty>',
           '  <cac:AccountingCustomerParty>',
           '    <cac:Party>',
           f'      <cbc:EndpointID schemeID="{b.endpoint[0]}">{b.endpoint[1]}</cbc:EndpointID>' if b.endpoint else '',
           f'      <cac:PartyName><cbc:Name>{x(b.name)}</cbc:Name></cac:PartyName>',
           f'      <cac:PostalAddress><cbc:StreetName>{x(b.street)}</cbc:StreetName><cbc:CityName>{b.city}</cbc:CityName>'
           f'<cbc:PostalZone>{b.postcode}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>',
           f'      <cac:PartyLegalEntity><cbc:RegistrationName>{x(b.name)}</cbc:RegistrationName><cbc:CompanyID schemeID="0009">{b.siret}</cbc:CompanyID></cac:PartyLegalEntity>',
           '    </cac:Party>',
           '  </cac:AccountingCustomerParty>',
           '  <cac:PaymentMeans>',
           '    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>',
           f'    <cbc:PaymentID>{inv.number}</cbc:PaymentID>',
           f'    <cac:PayeeFinancialAccount><cbc:ID>{s["iban"]}</cbc:ID><cac:FinancialInstitutionBranch><cbc:ID>{s["bic"]}</cbc:ID></cac:FinancialInstitutionBranch></cac:PayeeFinancialAccount>',
           '  </cac:PaymentMeans>',
           '  <cac:PaymentTerms><cbc:Note>Paiement à 30 jours net par virement</cbc:Note></cac:PaymentTerms>',
           f'  <cac:TaxTotal>',
           f'    <cbc:TaxAmount {cur}>{amt(t["tax"])}</cbc:TaxAmount>']
    for rate, base, tax in inv.breakdown():
        out += ['    <cac:TaxSubtotal>',
                f'      <cbc:TaxableAmount {cur}>{amt(base)}</cbc:TaxableAmount>',
                f'      <cbc:TaxAmount {cur}>{amt(tax)}</cbc:TaxAmount>',
                f'      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{num(rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>',
                '    </cac:TaxSubtotal>']
    out += ['  </cac:TaxTotal>',
            '  <cac:LegalMonetaryTotal>',
            f'    <cbc:LineExtensionAmount {cur}>{amt(t["lines"])}</cbc:LineExtensionAmount>',
            f'    <cbc:TaxExclusiveAmount {cur}>{amt(t["net"])}</cbc:TaxExclusiveAmount>',
            f'    <cbc:TaxInclusiveAmount {cur}>{amt(t["gross"])}</cbc:TaxInclusiveAmount>',
            f'    <cbc:PayableAmount {cur}>{amt(t["payable"])}</cbc:PayableAmount>',
            '  </cac:LegalMonetaryTotal>']
    for i, l in enumerate(inv.lines, 1):
        out += ['  <cac:InvoiceLine>',
                f'    <cbc:ID>{i}</cbc:ID>',
                f'    <cbc:InvoicedQuantity unitCode="{l.unit}">{num(l.quantity)}</cbc:InvoicedQuantity>',
                f'    <cbc:LineExtensionAmount {cur}>{amt(l.net)}</cbc:LineExtensionAmount>',
                '    <cac:Item>',
                f'      <cbc:Name>{x(l.name)}</cbc:Name>',
                f'      <cac:SellersItemIdentification><cbc:ID>{x(l.item)}</cbc:ID></cac:SellersItemIdentification>',
                f'      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{num(l.rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>',
                '    </cac:Item>',
                f'    <cac:Price><cbc:PriceAmount {cur}>{amt(l.price)}</cbc:PriceAmount></cac:Price>',
                '  </cac:InvoiceLine>']
    out += ['</Invoice>', '']
    return "\n".join(line for line in out if line)


# ------------------------------------------------------------------------------------------------------------ XMP

def xmp(inv: Invoice) -> str:
    title = ("Avoir " if inv.is_credit else "Facture ") + inv.number
    stamp = inv.issue.isoformat() + "T09:00:00+01:00"
    props = [("DocumentFileName", "The name of the embedded XML document"),
             ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
             ("Version", "The actual version of the standard applying to the embedded XML document"),
             ("ConformanceLevel", "The conformance level of the embedded XML document")]
    schema_props = "".join(
        '\n              <rdf:li rdf:parseType="Resource">'
        f'<pdfaProperty:name>{n}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>'
        f'<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>{d}</pdfaProperty:description></rdf:li>'
        for n, d in props)
    return f'''<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x(title)}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>{x(SELLER["name"])}</rdf:li></rdf:Seq></dc:creator>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>make_einvoices.py (Connector samples)</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreatorTool>Dupont Distribution facturation</xmp:CreatorTool>
      <xmp:CreateDate>{stamp}</xmp:CreateDate>
      <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>{schema_props}
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>{inv.profile}</fx:ConformanceLevel>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>'''


# ------------------------------------------------------------------------------------------------------- the page

# Helvetica advance widths (1/1000 em) of the characters whose width differs from the default, for right alignment.
NARROW = {c: 278 for c in " ,.:;/!-'"} | {c: 222 for c in "ijl"} | {"f": 278, "t": 278, "r": 333, "(": 333, ")": 333,
                                                                    "%": 889, "m": 833, "w": 722, "M": 833, "W": 944}


def width(text: str, size: float) -> float:
    return sum(NARROW.get(c, 556) for c in text) * size / 1000


def fr(value: Decimal) -> str:
    """1 234,56 (a plain space between thousands: WinAnsi has no narrow no-break space)."""
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(money(value)):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{' '.join(groups)},{cents}"


def fr_rate(rate: Decimal) -> str:
    return num(rate).replace(".", ",") + " %"


def pdf_text(text: str) -> str:
    """A PDF literal string in WinAnsiEncoding (cp1252), with non-ASCII bytes as octal escapes."""
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        if ch in "\\()":
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


class Page:
    def __init__(self) -> None:
        self.ops: list[str] = []

    def text(self, x_: float, y: float, text: str, size: float = 9, bold: bool = False, right: bool = False) -> None:
        if right:
            x_ -= width(text, size)
        self.ops.append(f"BT /{'F2' if bold else 'F1'} {size:g} Tf {x_:.2f} {y:.2f} Td {pdf_text(text)} Tj ET")

    def rule(self, x1: float, y: float, x2: float) -> None:
        self.ops.append(f"0.5 w {x1:.2f} {y:.2f} m {x2:.2f} {y:.2f} l S")

    def content(self) -> bytes:
        return "\n".join(self.ops).encode("ascii")


def draw(inv: Invoice) -> bytes:
    s, b, t = SELLER, inv.buyer, inv.totals()
    p = Page()
    p.text(50, 790, s["name"], 16, bold=True)
    p.text(50, 774, f'{s["street"]}, {s["postcode"]} {s["city"]}, France')
    p.text(50, 762, f'SIREN {s["siren"]} - SIRET {s["siret"]} - TVA {s["vat"]}')
    p.text(50, 750, f'Adresse électronique {s["endpoint"][0]}:{s["endpoint"][1]}')
    title = "AVOIR" if inv.is_credit else "FACTURE"
    p.text(545, 790, f"{title} {inv.number}", 14, bold=True, right=True)
    p.text(545, 774, f"Date : {inv.issue.strftime('%d/%m/%Y')}", right=True)
    p.text(545, 762, f"Échéance : {inv.due.strftime('%d/%m/%Y')}", right=True)
    if inv.preceding:
        p.text(545, 750, f"Facture d'origine : {inv.preceding[0]} du {inv.preceding[1].strftime('%d/%m/%Y')}", right=True)
    p.text(330, 712, "Client", bold=True)
    p.text(330, 698, b.name, 10, bold=True)
    p.text(330, 686, b.street)
    p.text(330, 674, f"{b.postcode} {b.city}")
    ids = [f"TVA {b.vat}"] if b.vat else []
    if b.siret:
        ids.append(f"SIRET {b.siret}")
    p.text(330, 662, " - ".join(ids))
    y = 630
    if inv.note:
        p.text(50, y, inv.note)
        y -= 24
    cols = [(50, "Désignation", False), (360, "Qté", True), (430, "PU HT €", True), (480, "TVA", True), (545, "Montant HT €", True)]
    for cx, head, right in cols:
        p.text(cx, y, head, bold=True, right=right)
    p.rule(50, y - 4, 545)
    y -= 18
    if inv.lines:
        for l in inv.lines:
            p.text(50, y, l.name[:58])
            p.text(360, y, num(l.quantity).replace(".", ",") + (" m" if l.unit == "MTR" else ""), right=True)
            p.text(430, y, fr(l.price), right=True)
            p.text(480, y, fr_rate(l.rate), right=True)
            p.text(545, y, fr(l.net), right=True)
            y -= 14
    else:
        for rate, base in inv.header_only.items():
            p.text(50, y, inv.header_text[:70])
            p.text(480, y, fr_rate(rate), right=True)
            p.text(545, y, fr(base), right=True)
            y -= 14
    for a in inv.allowances:
        p.text(50, y, f"{a.reason} {num(a.percent)} % sur {fr(a.basis)} € (TVA {fr_rate(a.rate)})")
        p.text(480, y, fr_rate(a.rate), right=True)
        p.text(545, y, fr(-a.amount), right=True)
        y -= 14
    p.rule(50, y + 8, 545)
    y -= 14
    rows = [("Total HT des lignes", t["lines"])]
    if inv.allowances:
        rows.append(("Remises", -t["allowances"]))
    rows += [("Total HT", t["net"])]
    rows += [(f"TVA {fr_rate(rate)} sur {fr(base)} €", tax) for rate, base, tax in inv.breakdown()]
    rows += [("Total TVA", t["tax"]), ("Total TTC", t["gross"]), ("Net à payer", t["payable"])]
    for label, value in rows:
        bold = label in ("Total TTC", "Net à payer")
        p.text(330, y, label, bold=bold)
        p.text(545, y, fr(value) + " €", bold=bold, right=True)
        y -= 14
    y -= 14
    p.text(50, y, "Paiement à 30 jours net par virement, référence à rappeler : " + inv.number)
    p.text(50, y - 12, f'IBAN {s["iban"]} - BIC {s["bic"]}')
    p.text(50, y - 24, "Pas d'escompte pour paiement anticipé. Pénalités de retard : 3 fois le taux d'intérêt légal ; "
                       "indemnité forfaitaire de recouvrement 40 €.", 7)
    p.text(50, 60, f"Factur-X, profil {inv.profile} : les données structurées de ce document sont jointes (factur-x.xml).", 8)
    p.text(50, 48, f'{s["name"]} - SAS au capital de 500 000 € - RCS Lyon {s["siren"]}', 7)
    return p.content()


# ------------------------------------------------------------------------------------------------------------ PDF

def pdf_date(d: date) -> str:
    return f"D:{ymd(d)}090000+01'00'"


def utf16(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def stream(dictionary: str, data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        dictionary += " /Filter /FlateDecode"
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode("ascii") + data + b"\nendstream"


def facturx_pdf(inv: Invoice, xml: bytes) -> bytes:
    stamp = pdf_date(inv.issue)
    title = ("Avoir " if inv.is_credit else "Facture ") + inv.number
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 7 0 R] >> >>"
        b" /AF [7 0 R] /PageMode /UseAttachments /Lang (fr-FR) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 8 0 R /F2 9 0 R >> >>"
        b" /Contents 4 0 R >>",
        stream("", draw(inv)),
        stream("/Type /Metadata /Subtype /XML", xmp(inv).encode("utf-8"), compress=False),
        stream(f"/Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size {len(xml)} /ModDate ({stamp})"
               f" /CheckSum <{hashlib.md5(xml).hexdigest().upper()}> >>", xml),
        b"<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 6 0 R /UF 6 0 R >>"
        b" /Desc (Factur-X invoice) /AFRelationship /Data >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Title {utf16(title)} /Author {utf16(SELLER['name'])} /Creator (Dupont Distribution facturation)"
        f" /Producer (make_einvoices.py) /CreationDate ({stamp}) /ModDate ({stamp}) >>".encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    file_id = hashlib.md5(bytes(out)).hexdigest().upper()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R /ID [<{file_id}> <{file_id}>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode("ascii")
    return bytes(out)


# ------------------------------------------------------------------------------------------------------- EXPECTED

OUTCOMES = {
    "FX26-00101": ("C10001, by its VAT id FR60389037722 (no account number in the XML)", "goes through"),
    "FX26-00102": ("C10003, by its VAT id FR38513958033", "goes through (two VAT rates, document-level allowance)"),
    "FX26-00103": ("C10001, by its VAT id", "goes through as a credit memo for FX26-00101 (BT-25), amounts negated"),
    "FX26-00104": ("C10010, by its VAT id FR70926632548", "goes through (header only: one summary line per VAT rate)"),
    "FX26-00105": ("C10017, only by its SIRET 56744145600017 (legal id, scheme 0009: SIREN 567441456 of its VAT id "
                   "FR85567441456) and electronic address 0225:567441456; no VAT id; name \"Clinique du Parc\"",
                   "goes through: matched to C10017 through the SIREN (of the SIRET and of the 0225 address) against its VAT id"),
    "FX26-00106": ("C10025, by its VAT id FR63912125937",
                   "exception EN16931_BR_CO_15: GrandTotalAmount 2 584,00 is 10,00 more than net 2 145,00 + VAT 429,00"),
}


def expected_section(rows: list[tuple[str, Invoice]]) -> str:
    out = ["## E-invoices", "",
           "Generated by `mappings/fr-dupont/samples/make_einvoices.py` (run it after make_samples.py, which rewrites this "
           "file without this section). Seller Dupont Distribution SAS: SIREN 412987653, SIRET 41298765310009, VAT "
           "FR13412987653, electronic address 0225:412987653. The PDFs are Factur-X (CII D16B embedded as `factur-x.xml`, XMP "
           "`fx:ConformanceLevel` as below) but not conforming PDF/A-3 (fonts not embedded, no OutputIntent). Amounts in EUR; "
           "due dates 30 days after issue; credit notes are written with positive amounts, as CII does.", "",
           "| file | number | type | profile | issue | customer, identified by | net | tax | gross | intended outcome |",
           "|---|---|---|---|---|---|---:|---:|---:|---|"]
    for name, inv in rows:
        t = inv.totals()
        who, outcome = OUTCOMES[inv.number]
        kind = "credit note 381" if inv.is_credit else "invoice 380"
        profile = {"_UBL.xml": "UBL 2.1, Peppol BIS Billing 3.0", "_CII.xml": "CII, EN 16931"}.get(name[-8:], "Factur-X " + inv.profile)
        out.append(f"| {name} | {inv.number} | {kind} | {profile} | {inv.issue.isoformat()} | {who} | "
                   f"{amt(t['net'])} | {amt(t['tax'])} | {amt(t['gross'])} | {outcome} |")
    out.append("")
    return "\n".join(out)


def write_expected(section: str) -> None:
    path = os.path.join(HERE, "EXPECTED.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\n## E-invoices\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n") + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n" + section)


# ----------------------------------------------------------------------------------------------------------- main

def main() -> None:
    for old in os.listdir(HERE):
        if old.startswith("FR01_efacture_"):
            os.remove(os.path.join(HERE, old))
    kinds = {"FX26-00101": "EN16931.pdf", "FX26-00102": "BASIC.pdf", "FX26-00103": "AVOIR.pdf", "FX26-00104": "BASICWL.pdf",
             "FX26-00105": "UBL.xml", "FX26-00106": "CII.xml"}
    rows = []
    for inv in INVOICES:
        name = f"FR01_efacture_{inv.number}_{kinds[inv.number]}"
        if name.endswith("_UBL.xml"):
            data = ubl(inv).encode("utf-8")
        elif name.endswith("_CII.xml"):
            data = cii(inv).encode("utf-8")
        else:
            data = facturx_pdf(inv, cii(inv).encode("utf-8"))
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        rows.append((name, inv))
        t = inv.totals()
        print(f"{name}: net {amt(t['net'])} tax {amt(t['tax'])} gross {amt(t['gross'])}")
    write_expected(expected_section(rows))


if __name__ == "__main__":
    main()
