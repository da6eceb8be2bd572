#!/usr/bin/env python3
"""Writes the DE01 Müller Maschinenbau GmbH sample data: ../customers.csv, the three daily invoice journals
(Rechnungsausgang_2026-11-0N.xlsx, sheet 'Rechnungen' after a cover sheet, two title rows, header in row 3) and
EXPECTED.md with control totals read back from the written workbooks.

Needs openpyxl: apt-get install python3-openpyxl, then run /usr/bin/python3 mappings/de-mueller/samples/make_samples.py
"""

from __future__ import annotations

import csv
import os
import random
import sys
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared"))

import samplekit as k  # noqa: E402
from samplekit import Customer, Inv, Line, MasterCustomer, d  # noqa: E402

rng = random.Random(20261104)

# ------------------------------------------------------------------------------------------------------ customers


def de(account: str, name: str, address: str, **kw) -> MasterCustomer:
    return MasterCustomer(account, name, address, tax_ids=[k.de_ust_idnr(rng)], **kw)


MASTER = [
    de("10001", "Hoffmann Fördertechnik GmbH", "Industriestraße 14, 74076 Heilbronn"),
    de("10002", "Krause & Söhne KG", "Am Hafen 3, 68159 Mannheim"),
    de("10003", "Weber Automotive Components GmbH", "Robert-Bosch-Straße 22, 71229 Leonberg"),
    de("10004", "Schäfer Kunststofftechnik GmbH & Co. KG", "Gewerbepark Süd 7, 97076 Würzburg"),
    de("10005", "Bergmann Präzisionsteile GmbH", "Daimlerstraße 41, 73037 Göppingen", alternate_names=["Bergmann Präzision"]),
    de("10006", "Stadtwerke Heilbronn GmbH", "Weipertstraße 41, 74076 Heilbronn"),
    de("10007", "Fischer Lebensmitteltechnik AG", "Molkereistraße 5, 87435 Kempten"),
    de("10008", "Wagner Metallbau e.K.", "Schmiedgasse 9, 74523 Schwäbisch Hall", status="credit_hold"),
    de("10009", "Becker Anlagenbau GmbH", "Hüttenweg 2, 66111 Saarbrücken", status="inactive"),
    de("10010", "Schulz Verpackungsmaschinen GmbH", "Lindenallee 30, 33602 Bielefeld"),
    de("10011", "Neue Schwäbische Gießerei GmbH", "Gießereistraße 1, 73430 Aalen", alternate_names=["NSG Gießerei"]),
    de("10012", "Zimmermann Landtechnik GmbH", "Raiffeisenstraße 18, 49661 Cloppenburg"),
    de("10013", "Brandt Medizintechnik GmbH", "Tuttlinger Straße 60, 78532 Tuttlingen"),
    de("10014", "Koch Holzbearbeitung GmbH", "Sägewerkstraße 4, 72250 Freudenstadt"),
    de("10015", "Richter Elektromotoren GmbH", "Voltastraße 12, 90459 Nürnberg", status="credit_hold"),
    de("10016", "Wolf Hydraulik GmbH", "Kolbenweg 8, 57072 Siegen"),
    de("10017", "Schröder Textilmaschinen GmbH", "Webereistraße 21, 41061 Mönchengladbach"),
    de("10018", "Neumann Logistik GmbH & Co. KG", "Frachtstraße 100, 76189 Karlsruhe"),
    de("10019", "Lange Druckerei GmbH", "Gutenbergring 6, 70565 Stuttgart", alternate_names=["Druckhaus Lange"]),
    de("10020", "Hartmann Brauerei KG", "Brauhausplatz 1, 95444 Bayreuth"),
    MasterCustomer("10021", "Österreichische Stahlwerkzeuge GmbH", "Werksgasse 12, 4020 Linz, Österreich",
                   tax_ids=[f"ATU{rng.randint(10000000, 99999999)}"]),
    MasterCustomer("10022", "Keller Präzision AG", "Seestrasse 88, 8800 Thalwil, Schweiz", tax_ids=[k.ch_uid(rng)],
                   currency="CHF"),
    de("10023", "Maier Feinmechanik GmbH", "Uhrmacherweg 3, 78647 Trossingen"),
    de("10024", "Hofmann Solartechnik GmbH", "Sonnenstraße 9, 93049 Regensburg", status="inactive"),
    de("10025", "Krüger Kältetechnik GmbH", "Eisweg 15, 30519 Hannover"),
    de("10026", "Berger Pharma Verpackung GmbH", "Pillenweg 2, 79539 Lörrach"),
    de("10027", "Vogel Agrartechnik GmbH", "Feldstraße 44, 88212 Ravensburg"),
    de("10028", "Kaiser Werkzeugbau GmbH", "Werkzeugmacherstraße 10, 58507 Lüdenscheid"),
    de("10029", "Lorenz Fensterbau GmbH", "Glaserstraße 7, 86153 Augsburg"),
    de("10030", "Huber Baumaschinen GmbH", "Baggerweg 1, 84028 Landshut"),
]
BY_ACCOUNT = {c.account: c for c in MASTER}
TERMS = {"10006": "30 Tage netto", "10007": "14 Tage 2 % Skonto, 30 Tage netto", "10020": "sofort ohne Abzug",
         "10021": "60 Tage netto", "10022": "60 Tage netto", "10010": "14 Tage 2 % Skonto, 30 Tage netto"}
FOREIGN = {"10021", "10022"}  # intra-community delivery to Austria, export to Switzerland: 0 %

# ------------------------------------------------------------------------------------------------------ products

P = {  # item: (description, unit, price, rate, quantities)
    "ET-SPL-7014": ("Spindellager 7014 C, gepaarter Satz", "Satz", "486.00", 19, [1, 2]),
    "ET-ZR-HTD8": ("Zahnriemen HTD 8M-1200, Breite 30 mm", "Stk", "64.80", 19, [1, 2, 4]),
    "ET-HF-10": ("Hydraulikfilterelement 10 µm", "Stk", "38.50", 19, [2, 4, 6, 10]),
    "ET-DS-80": ("Dichtungssatz Hydraulikzylinder Ø 80 mm", "Satz", "127.40", 19, [1, 2, 3]),
    "ET-NS-M18": ("Induktiver Näherungsschalter M18, PNP", "Stk", "42.90", 19, [2, 5, 10]),
    "MAT-HLP46": ("Hydrauliköl HLP 46", "l", "3.85", 19, [20, 60, 208]),
    "MAT-S235-3": ("Stahlblech S235JR, 3 mm, zugeschnitten", "kg", "1.74", 19, [120, 350, 800]),
    "DL-WART": ("Wartung und Inspektion CNC-Bearbeitungszentrum", "Std", "98.00", 19, [4, 6, "7.5", 16]),
    "DL-MONT": ("Montage vor Ort, ein Monteur", "Tag", "780.00", 19, [1, 2, 3]),
    "DL-REISE": ("Reisekostenpauschale", "Stk", "145.00", 19, [1]),
    "DL-SCHUL": ("Bedienerschulung an der Maschine", "Std", "110.00", 19, [4, 8]),
    "MA-MV220": ("Spannvorrichtung MV-220, kundenspezifisch", "Stk", "4850.00", 19, [1]),
    "ET-KGT-32": ("Kugelgewindetrieb Ø 32 x 10, L = 1200 mm", "Stk", "1245.00", 19, [1, 2]),
    "ET-SERVO22": ("Servomotor 2,2 kW mit Haltebremse", "Stk", "1380.00", 19, [1, 2]),
    "DOK-BA": ("Betriebsanleitung, gedrucktes Handbuch", "Stk", "48.00", 7, [1, 2, 3]),
}


def line(item: str, account: str, qty=None, sign: int = 1) -> Line:
    desc, unit, price, rate, quantities = P[item]
    q = d(qty) if qty is not None else d(rng.choice(quantities))
    return Line(item, desc, q * sign, unit, d(price), Decimal(0) if account in FOREIGN else d(rate))


def due_for(terms: str, issue: date) -> date:
    days = {"30 Tage netto": 30, "60 Tage netto": 60, "sofort ohne Abzug": 0,
            "14 Tage 2 % Skonto, 30 Tage netto": 30}.get(terms, 30)
    return issue + timedelta(days=days)


def invoice(number: str, day: date, account: str, items: list[tuple] | None = None, **kw) -> Inv:
    c = BY_ACCOUNT[account]
    kind = kw.pop("kind", "invoice")
    sign = -1 if kind == "credit_note" else 1
    if items is None:
        items = [(i,) for i in rng.sample(sorted(P), rng.choice([1, 2, 2, 3, 3, 4]))]
    lines = [line(i[0], account, *i[1:], sign=sign) for i in items]
    terms = kw.pop("terms", TERMS.get(account, "30 Tage netto"))
    text_dates = kw.pop("text_dates", None)
    inv = Inv(number, day, kw.pop("due", due_for(terms, day)), kw.pop("customer", Customer(c.account, c.name, c.tax_ids[0])),
              lines, kind=kind, terms=terms, currency=kw.pop("currency", "CHF" if account == "10022" else "EUR"),
              po=kw.pop("po", f"{rng.randint(4500000000, 4500999999)}" if rng.random() < 0.6 else ""), **kw)
    # Dates typed by hand into the journal are text cells "dd.MM.yyyy"; the others are real Excel dates.
    inv.text_dates = text_dates if text_dates is not None else (inv.issue_text is not None or rng.random() < 0.35)
    return inv


REGULAR = [c.account for c in MASTER if c.status == "active" and c.account not in {"10002"}]


def regular(number: str, day: date) -> Inv:
    return invoice(number, day, rng.choice(REGULAR))


D2, D3, D4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)

DAY2 = [
    regular("RE-2026-10430", D2),
    regular("RE-2026-10431", D2),
    invoice("RE-2026-10432", D2, "10008", trouble="customer 10008 Wagner Metallbau e.K. is on credit hold",
            outcome="CUSTOMER_CREDIT_HOLD"),
    invoice("GS-2026-0117", D2, "10016", [("ET-HF-10", 4)], kind="credit_note", due=D2,
            trouble="credit note (Gutschrift): returned filter elements, negative quantities and amounts, no type column",
            outcome="goes through as a credit memo (negative_total_is_credit)"),
    invoice("RE-2026-10433", D2, "10003", [("ET-KGT-32", 2), ("DL-MONT", 1), ("DL-REISE", 1)],
            total_net_written=d("3451.00"),
            trouble="Summe netto 3.451,00 declared, the positions sum to 3.415,00 (Bruttobetrag follows the wrong sum)",
            outcome="TOTAL_MISMATCH (and GROSS_MISMATCH: the declared gross follows the wrong net total)"),
    invoice("RE-2026-10434", D2, "10002", [("ET-SPL-7014", 1), ("DL-WART", 6)],
            customer=Customer("", "Krause und Söhne", ""),
            trouble="no Kundennummer nor USt-IdNr.; name written \"Krause und Söhne\", master has \"Krause & Söhne KG\" "
                    "(10002)",
            outcome="matched by name to 10002 if the fuzzy score reaches accept_score (92), else CUSTOMER_AMBIGUOUS "
                    "with 10002 as first candidate"),
    regular("RE-2026-10435", D2),
]

DAY3 = [
    regular("RE-2026-10436", D3),
    invoice("RE-2026-10437", D3, "10027", currency="EUO",
            trouble="Währung \"EUO\" (typing error for EUR) is no ISO 4217 code", outcome="CURRENCY_UNKNOWN"),
    invoice("RE-2026-10438", D3, "10013", due=date(2026, 10, 3), text_dates=True,
            trouble="Fälligkeitsdatum 03.10.2026 is before the Rechnungsdatum 03.11.2026", outcome="DATE_DUE_BEFORE_ISSUE"),
    regular("RE-2026-10439", D3),
    invoice("RE-2026-10440", D3, "10029", terms="Vorkasse", due=D3,
            trouble="Zahlungsbedingung \"Vorkasse\" not in the profile's terms map",
            outcome="FIELD_VALUE_UNMAPPED (payment_terms)"),
    invoice("RE-2026-10441", D3, "10022", [("MA-MV220", 1), ("DL-MONT", 2), ("DL-REISE", 1)],
            trouble="none: export to Switzerland invoiced in CHF, 0 %", outcome="goes through in CHF (CHF is an accepted currency)"),
    invoice("RE-2026-10442", D3, "10001", customer=Customer("10999", "Petersen Windkraft Service GmbH", k.de_ust_idnr(rng)),
            trouble="customer 10999 Petersen Windkraft Service GmbH is not in the master (neither number, USt-IdNr. nor name)",
            outcome="CUSTOMER_UNKNOWN"),
    regular("RE-2026-10443", D3),
]

DAY4 = [
    regular("RE-2026-10444", D4),
    invoice("RE-2026-10430", D4, "10025", [("ET-SERVO22", 1), ("DL-WART", 4)],
            trouble="number RE-2026-10430 already sent on 2026-11-02 with another customer and other positions",
            outcome="DUPLICATE_CONFLICT"),
    invoice("RE-2026-10445", D4, "10014", issue_text="31.02.2026", trouble="Rechnungsdatum \"31.02.2026\" (text cell) "
            "does not exist", outcome="FIELD_DATE (issue_date)"),
    invoice("RE-2026-10446", D4, "10009", trouble="customer 10009 Becker Anlagenbau GmbH is inactive",
            outcome="CUSTOMER_INACTIVE"),
    invoice("GS-2026-0118", D4, "10019", [("DL-SCHUL", 4)], kind="credit_note", due=D4,
            trouble="credit note (Gutschrift): training hours not held, negative quantities and amounts",
            outcome="goes through as a credit memo (negative_total_is_credit)"),
    regular("RE-2026-10447", D4),
]

# --------------------------------------------------------------------------------------------------------- writing

HEADER = ["Rechnungsnummer", "Rechnungsdatum", "Fälligkeitsdatum", "Kundennummer", "Kunde", "USt-IdNr.",
          "Bestellnummer", "Zahlungsbedingung", "Währung", "Position", "Artikel", "Bezeichnung", "Menge", "Einheit",
          "Einzelpreis", "Nettobetrag", "Steuersatz", "Steuerbetrag", "Summe netto", "Summe USt", "Bruttobetrag"]
MONEY = "#,##0.00"
FIXED = datetime(2026, 11, 5, 6, 0, 0)


def date_cell(ws, row: int, col: int, value: date, text: str | None, as_text: bool) -> None:
    if as_text or text is not None:
        ws.cell(row, col, text or value.strftime("%d.%m.%Y"))
    else:
        ws.cell(row, col, value).number_format = "DD.MM.YYYY"


def write_workbook(path: str, day: date, invoices: list[Inv]) -> None:
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Deckblatt"
    cover["A1"] = "Müller Maschinenbau GmbH"
    cover["A2"] = "Export Rechnungsausgangsbuch aus der Finanzbuchhaltung"
    cover["A3"] = f"Buchungstag {day:%d.%m.%Y}; die Rechnungen stehen im Blatt „Rechnungen“."
    ws = wb.create_sheet("Rechnungen")
    ws["A1"] = "Müller Maschinenbau GmbH – Rechnungsausgangsbuch"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"Zeitraum: {day:%d.%m.%Y} bis {day:%d.%m.%Y}   Mandant 100   Währung lt. Spalte"
    for col, title in enumerate(HEADER, start=1):
        ws.cell(3, col, title).font = Font(bold=True)
    row = 4
    for inv in invoices:
        for n, l in enumerate(inv.lines, start=1):
            date_cell(ws, row, 1 + 1, inv.issue, inv.issue_text, inv.text_dates)
            date_cell(ws, row, 3, inv.due, inv.due_text, inv.text_dates)
            ws.cell(row, 1, inv.number)
            if inv.customer.account:
                ws.cell(row, 4, int(inv.customer.account))  # a numeric cell, as the accounting system exports it
            ws.cell(row, 5, inv.customer.name or None)
            ws.cell(row, 6, inv.customer.tax_id or None)
            ws.cell(row, 7, inv.po or None)
            ws.cell(row, 8, inv.terms)
            ws.cell(row, 9, inv.currency)
            ws.cell(row, 10, n)
            ws.cell(row, 11, l.item)
            ws.cell(row, 12, l.description)
            ws.cell(row, 13, float(l.quantity))
            ws.cell(row, 14, l.unit)
            values = [(15, l.price), (16, l.amount), (18, l.tax), (19, inv.declared_net), (20, inv.tax),
                      (21, inv.declared_gross)]
            for col, value in values:
                ws.cell(row, col, float(value)).number_format = MONEY
            ws.cell(row, 17, int(l.rate) if l.rate == l.rate.to_integral() else float(l.rate))
            row += 1
    for col, width in zip("ABCDEFGHIJKLMNOPQRSTU", [16, 14, 16, 13, 36, 16, 14, 34, 9, 9, 14, 46, 8, 8, 12, 13, 10, 13, 13,
                                                   12, 13]):
        ws.column_dimensions[col].width = width
    wb.properties.creator = "FIBU-Export"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    _fix_zip_times(path)


def _fix_zip_times(path: str) -> None:
    """openpyxl stamps every zip entry with the current time; rewrite them with a fixed one so that running the
    generator again gives byte-identical workbooks."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)


FILES = [("Rechnungsausgang_2026-11-02.xlsx", D2, DAY2), ("Rechnungsausgang_2026-11-03.xlsx", D3, DAY3),
         ("Rechnungsausgang_2026-11-04.xlsx", D4, DAY4)]

# -------------------------------------------------------------------------------------- reading back: control totals


def control_totals(path: str) -> k.FileTotals:
    """Reads a written workbook back (sheet Rechnungen, header in row 3) and sums the Nettobetrag of every invoice;
    an invoice whose positions sum negative is a credit note and stays negative."""
    totals = k.FileTotals(os.path.basename(path))
    ws = openpyxl.load_workbook(path, read_only=True)["Rechnungen"]
    rows = ws.iter_rows(min_row=3, values_only=True)
    header = list(next(rows))
    number_col, currency_col, net_col = (header.index(h) for h in ("Rechnungsnummer", "Währung", "Nettobetrag"))
    invoices: list[list] = []
    for values in rows:
        if values[number_col] is None:
            continue
        if not invoices or invoices[-1][0] != values[number_col]:
            invoices.append([values[number_col], values[currency_col], Decimal(0)])
        invoices[-1][2] += k.r2(Decimal(str(values[net_col])))
    for _, currency, net in invoices:
        totals.add(currency, net)
    return totals


def main() -> None:
    k.write_master(os.path.join(HERE, "..", "customers.csv"), MASTER, "EUR")
    troubles = []
    for name, day, invoices in FILES:
        write_workbook(os.path.join(HERE, name), day, invoices)
        troubles += [(name, inv) for inv in invoices if inv.trouble]
    totals = [control_totals(os.path.join(HERE, name)) for name, _, _ in FILES]
    text = k.expected_markdown(
        "DE01 Müller Maschinenbau GmbH: expected outcomes of the sample files",
        "Invoice journals of Müller Maschinenbau (special-purpose machines, spare parts and service, Heilbronn) as "
        "XLSX: a cover sheet `Deckblatt` first, the data in sheet `Rechnungen` with two title rows and the header in "
        "row 3, one row per invoice position with the header values repeated. Numbers are numeric cells (the "
        "Kundennummer too); dates are real Excel date cells in some invoices and `dd.MM.yyyy` text in others. "
        "There is no document-type column: a credit note (Gutschrift, GS-...) has negative quantities and amounts. "
        "Profile: `rechnungen-xlsx`. Run the tests with the clock at 2026-11-05.",
        troubles, totals,
        "Read back from the written workbooks by the generator: every invoice (consecutive rows with one number), "
        "whatever its outcome, with its net amount as the sum of its `Nettobetrag` cells (not the declared "
        "`Summe netto`), credit notes negative as written. The currency is the `Währung` cell as written.",
        "mappings/de-mueller/samples/make_samples.py")
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
