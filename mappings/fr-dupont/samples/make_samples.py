#!/usr/bin/env python3
"""Writes the FR01 Dupont Distribution SAS sample data: ../customers.csv, the three daily billing exports
(FACTURES_2026110N.csv, ';'-separated, windows-1252, CRLF) and EXPECTED.md with control totals read back from the
written files. Run from anywhere: python3 mappings/fr-dupont/samples/make_samples.py
"""

from __future__ import annotations

import calendar
import csv
import io
import os
import random
import sys
from datetime import date, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared"))

import samplekit as k  # noqa: E402
from samplekit import Customer, Inv, Line, MasterCustomer, d  # noqa: E402

rng = random.Random(20261102)

# ------------------------------------------------------------------------------------------------------ customers


def fr(account: str, name: str, address: str, **kw) -> MasterCustomer:
    return MasterCustomer(account, name, address, tax_ids=[k.fr_vat(k.siren(rng))], **kw)


MASTER = [
    fr("C10001", "Électricité Moreau SARL", "14 rue des Tanneurs 69007 Lyon"),
    fr("C10002", "Societe Generale de Transports SA", "8 avenue Jean Jaurès 69007 Lyon", alternate_names=["SGT Lyon"]),
    fr("C10003", "Bâtiments Rhône-Alpes SAS", "112 cours Lafayette 69003 Lyon", alternate_names=["BRA Construction"]),
    fr("C10004", "Installations Lefèvre et Fils SARL", "3 impasse des Lilas 38200 Vienne"),
    fr("C10005", "Domotique Services SAS", "27 rue de la République 42000 Saint-Étienne"),
    fr("C10006", "Groupe Hospitalier Saint-Joseph", "20 quai Claude Bernard 69007 Lyon"),
    fr("C10007", "Commune de Villeurbanne", "Place Lazare Goujon 69100 Villeurbanne"),
    fr("C10008", "Chauffage Durand & Cie", "5 chemin du Moulin 01000 Bourg-en-Bresse", status="credit_hold"),
    fr("C10009", "Ets Perrin Électricité Générale", "41 route de Genas 69500 Bron", status="inactive"),
    fr("C10010", "Lumière & Design SAS", "9 rue Mercière 69002 Lyon"),
    fr("C10011", "Garnier Maintenance Industrielle SAS", "ZI des Ayats 69330 Meyzieu"),
    fr("C10012", "Hôtel Les Terrasses SARL", "2 montée du Gourguillon 69005 Lyon"),
    fr("C10013", "Cabinet Rousseau Immobilier", "66 rue Garibaldi 69006 Lyon", alternate_names=["Rousseau Syndic"]),
    fr("C10014", "Entreprise Blanc Électricité", "17 rue Pasteur 26000 Valence", status="credit_hold"),
    MasterCustomer("C10015", "Électro Bruxelles SRL", "Chaussée de Louvain 412 1030 Schaerbeek Belgique",
                   tax_ids=[k.be_vat(rng)]),
    MasterCustomer("C10016", "Thames Lighting Ltd", "Unit 4 Riverside Park, Reading RG1 8DB United Kingdom",
                   tax_ids=["GB" + str(rng.randint(100000000, 999999999))], currency="GBP"),
    fr("C10017", "Clinique du Parc SAS", "155 boulevard de Stalingrad 69006 Lyon"),
    fr("C10018", "Roux Climatisation SARL", "8 rue de l'Industrie 69800 Saint-Priest"),
    fr("C10019", "Atelier Fournier Menuiserie", "23 rue Victor Hugo 71100 Chalon-sur-Saône"),
    fr("C10020", "Lycée Professionnel Jean Moulin", "1 rue Maurice Ravel 69800 Saint-Priest"),
    fr("C10021", "Bernard Énergies Renouvelables SAS", "Parc Technologique, 4 allée Ampère 69800 Saint-Priest",
       alternate_names=["BER Solaire"]),
    fr("C10022", "SCI Les Halles du Centre", "102 cours Lafayette 69003 Lyon"),
    fr("C10023", "Auvergne Câblage Industrie SAS", "ZA du Brézet 63100 Clermont-Ferrand"),
    fr("C10024", "Fontaine Électricité SARL", "6 place du Marché 38000 Grenoble", status="inactive"),
    fr("C10025", "Nexa Immobilier SAS", "30 quai Perrache 69002 Lyon"),
    fr("C10026", "EHPAD Résidence Les Tilleuls", "12 allée des Tilleuls 69160 Tassin-la-Demi-Lune"),
    fr("C10027", "Girard Plomberie Chauffage", "75 avenue Berthelot 69007 Lyon"),
    fr("C10028", "Mercier Éclairage Public SAS", "ZI Nord, 11 rue Ampère 01100 Oyonnax"),
    fr("C10029", "Technic'Elec Bourgogne SARL", "18 rue de Dijon 21200 Beaune"),
    fr("C10030", "Vincent Sécurité Incendie SAS", "40 rue Jean Macé 42100 Saint-Étienne"),
    MasterCustomer("C10031", "Schweizer Licht AG", "Industriestrasse 12 4053 Basel Schweiz",
                   tax_ids=[k.ch_uid(rng)], currency="CHF"),
    fr("C10032", "Dubois Rénovation SARL", "9 rue des Forges 69400 Villefranche-sur-Saône"),
]
BY_ACCOUNT = {c.account: c for c in MASTER}

TERMS = {  # the billing system's wording; the profile maps these onto Oracle terms
    "C10006": "60 jours", "C10007": "30 jours net", "C10016": "45 jours fin de mois", "C10020": "30 jours net",
    "C10026": "45 jours fin de mois", "C10012": "Comptant", "C10022": "Comptant",
}

# ------------------------------------------------------------------------------------------------------ products

P = {  # item: (description, unit, price, tax code)
    "CAB-R2V-3G25": ("Câble R2V 3G2,5 mm² – couronne 100 m", "u", "142.80", "TVA20"),
    "FIL-H07-25BL": ("Fil H07V-U 2,5 mm² bleu, au mètre", "m", "0.62", "TVA20"),
    "ID-40A-30MA": ("Interrupteur différentiel 40 A 30 mA type AC", "u", "48.90", "TVA20"),
    "DJ-PN-C16": ("Disjoncteur phase+neutre 16 A courbe C", "u", "9.85", "TVA20"),
    "TAB-3R-39M": ("Tableau électrique 3 rangées 39 modules", "u", "118.00", "TVA20"),
    "LED-DAL-6060": ("Dalle LED 60x60 40 W 4000 K", "u", "34.50", "TVA20"),
    "LED-PRJ-50": ("Projecteur LED extérieur 50 W IP65, angle 120°", "u", "27.90", "TVA20"),
    "GAI-ICTA-20": ("Gaine ICTA Ø20 avec tire-fil; couronne 100 m", "u", "31.20", "TVA20"),
    "IRVE-7KW": ("Borne de recharge 7,4 kW monophasée", "u", "689.00", "TVA20"),
    "PR-2PT-16": ("Prise 2P+T 16 A \"Céliane\" blanc", "u", "3.45", "TVA20"),
    "MO-ELEC": ("Main d'œuvre électricien qualifié", "h", "52.00", "TVA20"),
    "DEPL-Z2": ("Forfait déplacement zone 2", "u", "45.00", "TVA20"),
    "LOC-NAC12": ("Location nacelle élévatrice 12 m", "jour", "185.00", "TVA20"),
    "CTRL-CONF": ("Contrôle et attestation de conformité", "u", "160.00", "TVA20"),
    "THERM-CNX": ("Thermostat connecté programmable", "u", "129.00", "TVA20"),
    "RJ45-C6-305": ("Câble RJ45 catégorie 6 – touret 305 m", "u", "96.40", "TVA20"),
    "GOUL-4025": ("Goulotte PVC 40x25, longueur 2 m", "u", "6.80", "TVA20"),
    "MO-RENOV10": ("Mise aux normes électriques logement de plus de 2 ans", "h", "50.00", "TVA10"),
    "MO-ENER55": ("Pose régulation chauffage, rénovation énergétique", "h", "48.00", "TVA55"),
}
RATES = {"TVA20": "20", "TVA10": "10", "TVA55": "5.5", "EXO": "0"}
QTY = {"u": [1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24], "m": [50, 100, 150, 250], "h": ["3.5", 4, 7, 8, 14, 16, "2.5"],
       "jour": [1, 2, 3, 5]}
ITEM_QTY = {"DEPL-Z2": [1, 1, 2], "IRVE-7KW": [1, 1, 2], "CTRL-CONF": [1], "TAB-3R-39M": [1, 1, 2],
            "THERM-CNX": [1, 2, 3, 4], "RJ45-C6-305": [1, 2], "MO-RENOV10": [4, 7, 8, 14], "MO-ENER55": [3, "3.5", 7]}
FOREIGN = {"C10015", "C10016", "C10031"}  # intra-community delivery / export: no French VAT


def line(item: str, qty=None, price=None, amount_written=None, export=False) -> Line:
    desc, unit, p, code = P[item]
    q = d(qty) if qty is not None else d(rng.choice(ITEM_QTY.get(item, QTY[unit])))
    code = "EXO" if export else code
    return Line(item, desc, q, unit, d(price or p), d(RATES[code]), code,
                None if amount_written is None else d(amount_written))


def random_lines(export=False) -> list[Line]:
    items = rng.sample(sorted(P), rng.choice([1, 2, 2, 3, 3, 4]))
    return [line(i, export=export) for i in items]


def due_for(terms: str, issue: date) -> date:
    if terms == "45 jours fin de mois":
        x = issue + timedelta(days=45)
        return x.replace(day=calendar.monthrange(x.year, x.month)[1])
    if terms == "60 jours":
        return issue + timedelta(days=60)
    if terms == "Comptant":
        return issue
    return issue + timedelta(days=30)


def invoice(number: str, day: date, account: str, lines: list[Line] | None = None, **kw) -> Inv:
    c = BY_ACCOUNT[account]
    customer = kw.pop("customer", Customer(c.account, c.name, c.tax_ids[0]))
    terms = kw.pop("terms", TERMS.get(account, "30 jours net"))
    currency = kw.pop("currency", {"C10016": "GBP", "C10031": "CHF"}.get(account, rng.choice(["EUR", "EUR", "€"])))
    return Inv(number, day, kw.pop("due", due_for(terms, day)), customer,
               lines or random_lines(export=account in FOREIGN), terms=terms, currency=currency,
               po=kw.pop("po", f"BC-{rng.randint(10000, 99999)}" if rng.random() < 0.6 else ""), **kw)


REGULAR = [c.account for c in MASTER if c.status == "active" and c.account not in {"C10002", "C10011"}]


def regular(number: str, day: date) -> Inv:
    return invoice(number, day, rng.choice(REGULAR))


D2, D3, D4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)

DAY2 = [
    regular("F26-004510", D2),
    regular("F26-004511", D2),
    invoice("F26-004512", D2, "C10017", [line("LED-DAL-6060", 24), line("MO-ELEC", 8)]),
    regular("F26-004513", D2),
    regular("F26-004514", D2),
    invoice("F26-004515", D2, "C10002", [line("LED-PRJ-50", 12), line("DEPL-Z2", 1)],
            customer=Customer("", "Sté Générale de Transports", ""),
            trouble="no account number nor VAT id; name written \"Sté Générale de Transports\", master has "
                    "\"Societe Generale de Transports SA\" (C10002)",
            outcome="matched by name to C10002 if the fuzzy score reaches accept_score (92), else "
                    "CUSTOMER_AMBIGUOUS with C10002 as first candidate"),
    regular("F26-004516", D2),
    invoice("AV26-000231", D2, "C10003", [line("TAB-3R-39M", 1), line("DJ-PN-C16", 6)], kind="credit_note",
            original="F26-004377", trouble="credit note (Type AV), amounts written positive",
            outcome="goes through as a credit memo with negated amounts (flip_sign)"),
    regular("F26-004517", D2),
    invoice("F26-004518", D2, "C10008", trouble="customer C10008 Chauffage Durand & Cie is on credit hold",
            outcome="CUSTOMER_CREDIT_HOLD"),
    regular("F26-004519", D2),
    invoice("F26-004520", D2, "C10025", [line("IRVE-7KW", 2), line("MO-ELEC", 7), line("CTRL-CONF", 1)],
            total_net_written=d("1951.00"),
            trouble="Total HT 1 951,00 declared, lines sum to 1 902,00 (Total TTC follows the wrong Total HT)",
            outcome="TOTAL_MISMATCH (and GROSS_MISMATCH: the declared gross follows the wrong net total)"),
]

DAY3 = [
    regular("F26-004521", D3),
    regular("F26-004522", D3),
    invoice("F26-004523", D3, "C10011", [line("LOC-NAC12", 3), line("MO-ELEC", 16)],
            customer=Customer("", "", k.fmt_siret(k.siret(BY_ACCOUNT["C10011"].tax_ids[0][4:], rng))), trouble="no account, no name; the VAT field holds the SIRET "
                                                   "(14 digits) of C10011, the master has its VAT id",
            outcome="matched to C10011 through the SIREN (first 9 digits of the SIRET); goes through"),
    regular("F26-004524", D3),
    invoice("F26-004525", D3, "C10010", issue_text="31/02/2026",
            trouble="Date facture 31/02/2026 does not exist", outcome="FIELD_DATE (issue_date)"),
    invoice("F26-004526", D3, "C10023", terms="90 jours", due=D3 + timedelta(days=90),
            trouble="payment terms \"90 jours\" not in the profile's terms map",
            outcome="FIELD_VALUE_UNMAPPED (payment_terms)"),
    regular("F26-004527", D3),
    invoice("F26-004528", D3, "C10009", trouble="customer C10009 Ets Perrin Électricité Générale is inactive",
            outcome="CUSTOMER_INACTIVE"),
    invoice("F26-004529", D3, "C10016", [line("LED-DAL-6060", 40, export=True), line("ID-40A-30MA", 10, export=True)],
            currency="£", trouble="none: export to the UK in GBP, Devise written \"£\", tax code EXO",
            outcome="goes through in GBP (GBP is an accepted currency)"),
    regular("F26-004530", D3),
]

DAY4 = [
    regular("F26-004531", D4),
    invoice("F26-004512", D4, "C10027", [line("THERM-CNX", 3), line("MO-ENER55", 4)],
            trouble="number F26-004512 already sent on 2026-11-02 with another customer and other lines",
            outcome="DUPLICATE_CONFLICT"),
    regular("F26-004532", D4),
    regular("F26-004533", D4),
    invoice("F26-004534", D4, "C10001", customer=Customer("C10999", "Thermi-Lux Savoie SAS", k.fr_vat(k.siren(rng))),
            trouble="customer C10999 Thermi-Lux Savoie SAS is not in the master (neither account, VAT nor name)",
            outcome="CUSTOMER_UNKNOWN"),
    regular("F26-004535", D4),
    invoice("F26-004536", D4, "C10013", due=date(2026, 10, 4),
            trouble="Échéance 04/10/2026 is before the Date facture 04/11/2026", outcome="DATE_DUE_BEFORE_ISSUE"),
    regular("F26-004537", D4),
    invoice("F26-004538", D4, "C10029", [line("GOUL-4025", 12), line("CAB-R2V-3G25", 3, amount_written="482.40")],
            trouble="line 2: 3 x 142,80 = 428,40 but Montant HT 482,40 (totals follow the written amounts)",
            outcome="LINE_ARITHMETIC"),
    invoice("AV26-000232", D4, "C10020", [line("MO-ELEC", "3.5")], kind="credit_note", original="F26-004498",
            trouble="credit note (Type AV) for F26-004498, amounts written positive",
            outcome="goes through as a credit memo with negated amounts (flip_sign)"),
    regular("F26-004539", D4),
    invoice("F26-004540", D4, "C10031", [line("LED-PRJ-50", 30, export=True)], currency="CHF",
            trouble="none: export to Switzerland in CHF", outcome="goes through in CHF (CHF is an accepted currency)"),
    regular("F26-004541", D4),
]

# --------------------------------------------------------------------------------------------------------- writing

HEADER = ["Type", "N° facture", "Date facture", "Échéance", "Code client", "Raison sociale", "N° TVA intracom.",
          "Devise", "Conditions de paiement", "Réf. commande", "Facture d'origine", "Ligne", "Article", "Désignation",
          "Qté", "Unité", "PU HT", "Montant HT", "Code TVA", "Taux TVA", "Montant TVA", "Total HT", "Total TVA",
          "Total TTC"]


def money(x: Decimal) -> str:
    return k.fmt_number(x, ",", " ")


def fdate(x: date) -> str:
    return x.strftime("%d/%m/%Y")


def rate(x: Decimal) -> str:
    return k.fmt_quantity(x, ",") + " %"


def render(invoices: list[Inv]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for inv in invoices:
        for n, l in enumerate(inv.lines, start=1):
            writer.writerow([
                "AV" if inv.kind == "credit_note" else "FA", inv.number, inv.issue_text or fdate(inv.issue),
                inv.due_text or fdate(inv.due), inv.customer.account, inv.customer.name, inv.customer.tax_id,
                inv.currency, inv.terms, inv.po, inv.original, n, l.item, l.description,
                k.fmt_quantity(l.quantity, ","), l.unit, money(l.price), money(l.amount), l.tax_code, rate(l.rate),
                money(l.tax), money(inv.declared_net), money(inv.tax), money(inv.declared_gross),
            ])
    return buffer.getvalue().encode("windows-1252")


FILES = [("FACTURES_20261102.csv", DAY2), ("FACTURES_20261103.csv", DAY3), ("FACTURES_20261104.csv", DAY4)]

# -------------------------------------------------------------------------------------- reading back: control totals

CURRENCY = {"EUR": "EUR", "€": "EUR", "EURO": "EUR", "GBP": "GBP", "£": "GBP", "CHF": "CHF"}


def parse_money(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def control_totals(path: str) -> k.FileTotals:
    """Reads a written file as the Connector would and sums the line amounts per invoice (credit notes negative)."""
    totals = k.FileTotals(os.path.basename(path))
    with open(path, encoding="windows-1252", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    invoices: dict[str, tuple[str, str, Decimal]] = {}
    order: list[str] = []
    previous = None
    for row in rows:
        key = row["N° facture"]
        if key != previous:  # consecutive rows with one number form one invoice; a later repeat is another record
            order.append(f"{key}#{len(order)}")
        previous = key
        number = order[-1]
        kind, currency, net = invoices.get(number, (row["Type"], CURRENCY.get(row["Devise"], row["Devise"]), Decimal(0)))
        invoices[number] = (kind, currency, net + parse_money(row["Montant HT"]))
    for kind, currency, net in invoices.values():
        totals.add(currency, -net if kind == "AV" else net)
    return totals


def main() -> None:
    k.write_master(os.path.join(HERE, "..", "customers.csv"), MASTER, "EUR")
    troubles = []
    for name, invoices in FILES:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(render(invoices))
        troubles += [(name, inv) for inv in invoices if inv.trouble]
    totals = [control_totals(os.path.join(HERE, name)) for name, _ in FILES]
    text = k.expected_markdown(
        "FR01 Dupont Distribution SAS: expected outcomes of the sample files",
        "Billing exports of Dupont Distribution (electrical supplies wholesaler, Lyon): `;`-separated, windows-1252, "
        "CRLF, one row per invoice line with the header values repeated, amounts `1 234,56`, dates `dd/MM/yyyy`, "
        "credit notes (`Type` AV) written with positive amounts. Profile: `factures-csv`. "
        "Run the tests with the clock at 2026-11-05.",
        troubles, totals,
        "Read back from the written files by the generator: every invoice (consecutive rows with one number), "
        "whatever its outcome, with its net amount as the sum of its line amounts (`Montant HT`, not the declared "
        "`Total HT`), credit notes negative. The currency is the mapped `Devise` (`€` = EUR, `£` = GBP).",
        "mappings/fr-dupont/samples/make_samples.py")
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    # The e-invoice samples and their section of EXPECTED.md come from make_einvoices.py: rewrite them too.
    import make_einvoices
    make_einvoices.main()


if __name__ == "__main__":
    main()
