#!/usr/bin/env python3
"""Writes the US01 Acme Industrial Supply Inc. sample data: ../customers.csv, the three daily AR exports
(acme_ar_export_2026110N.csv, ',' separated, UTF-8, the 11-03 file with a BOM, plus a byte-identical resend of it)
and EXPECTED.md with control totals read back from the written files.
Run from anywhere: python3 mappings/us-acme/samples/make_samples.py
"""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import sys
from datetime import date, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared"))

import samplekit as k  # noqa: E402
from samplekit import Customer, Inv, Line, MasterCustomer, d  # noqa: E402

rng = random.Random(20261103)

# ------------------------------------------------------------------------------------------------------ customers


def us(account: str, name: str, address: str, **kw) -> MasterCustomer:
    return MasterCustomer(account, name, address, tax_ids=[k.us_ein(rng)], **kw)


MASTER = [
    us("100101", "Acme Corporation", "1200 Industrial Pkwy, Dayton, OH 45414"),
    us("100102", "Great Lakes Fabrication Inc.", "455 Harbor Dr, Erie, PA 16507"),
    us("100103", "Midwest Conveyor Systems LLC", "2900 W 47th St, Chicago, IL 60632", alternate_names=["MCS Conveyors"]),
    us("100104", "Riverside Packaging Co.", "88 River Rd, Louisville, KY 40206"),
    us("100105", "Northwind Traders LLC", "720 Commerce St, Columbus, OH 43215", alternate_names=["Northwind"]),
    us("100106", "Summit Food Processing Inc.", "31 Summit Ave, Grand Rapids, MI 49503"),
    us("100107", "Bluegrass Automotive Parts LLC", "1600 Newtown Pike, Lexington, KY 40511"),
    us("100108", "Ohio Valley Plastics Corp.", "3400 Spring Grove Ave, Cincinnati, OH 45225"),
    us("100109", "Pioneer Hydraulics Inc.", "77 Foundry St, Akron, OH 44311", status="credit_hold"),
    us("100110", "Keystone Metal Works Inc.", "19 Mill St, Pittsburgh, PA 15201"),
    us("100111", "Harbor Marine Services LLC", "5 Pier Rd, Toledo, OH 43611"),
    us("100112", "Cascade Paper Mills Inc.", "2100 Mill Creek Rd, Kalamazoo, MI 49007"),
    us("100113", "Lone Star Oilfield Supply LLC", "9800 FM 1960, Houston, TX 77070", status="inactive"),
    us("100114", "Granite State Electronics Inc.", "14 Technology Dr, Nashua, NH 03060"),
    us("100115", "Prairie Grain Cooperative", "301 Elevator Rd, Decatur, IL 62521"),
    us("100116", "Allegheny Steel Fabricators Inc.", "600 Allegheny Ave, Pittsburgh, PA 15233"),
    us("100117", "Tri-County School District", "50 Education Way, Mansfield, OH 44902"),
    us("100118", "Redwood Brewing Company", "1450 Brewery Ln, Cleveland, OH 44113"),
    us("100119", "Magnolia Textile Mills Inc.", "220 Cotton Row, Gastonia, NC 28052", status="credit_hold"),
    us("100120", "Evergreen Medical Devices Inc.", "8 Innovation Blvd, Ann Arbor, MI 48108"),
    us("100121", "Heartland Cold Storage LLC", "4100 Freezer Way, Fort Wayne, IN 46803"),
    us("100122", "Atlas Precision Machining Inc.", "1250 Tool Ct, Toledo, OH 43607", alternate_names=["Atlas Machining"]),
    us("100123", "Copper Canyon Mining Co.", "1 Mine Rd, Globe, AZ 85501", status="inactive"),
    us("100124", "Bayou Chemical Distributors LLC", "7700 Airline Hwy, Baton Rouge, LA 70805"),
    MasterCustomer("100125", "Maple Leaf Industrial Ltd.", "400 Bay St, Windsor, ON N9A 1K8, Canada",
                   tax_ids=[f"{rng.randint(100000000, 999999999)}RT0001"], currency="CAD"),
    us("100126", "Sierra Aggregates Inc.", "3300 Quarry Rd, Fort Wayne, IN 46809"),
    us("100127", "Chesapeake Logistics Group LLC", "900 Dock St, Baltimore, MD 21230"),
    us("100128", "Frontier Rail Services Inc.", "45 Depot St, Altoona, PA 16601"),
    us("100129", "Twin Cities Food Co-op", "2200 Como Ave, St Paul, MN 55108"),
    us("100130", "Desert Sun Solar LLC", "5100 E Sun Valley Rd, Phoenix, AZ 85018"),
]
BY_ACCOUNT = {c.account: c for c in MASTER}

STATE_TAX = {"OH": "7.25", "PA": "6", "KY": "6", "MI": "6", "IL": "8.75", "NH": "0", "IN": "7", "MD": "6",
             "MN": "7.875", "AZ": "8.6", "LA": "9.45", "NC": "7", "TX": "8.25"}
EXEMPT = {"100103", "100115", "100117", "100125"}  # resale certificate, cooperative, school district, export
TERMS = {"100117": "Net 45", "100102": "2% 10 Net 30", "100116": "2% 10 Net 30", "100129": "Due on Receipt",
         "100125": "Net 60", "100120": "Net 45"}


def tax_rate(account: str) -> Decimal:
    if account in EXEMPT:
        return Decimal(0)
    state = BY_ACCOUNT[account].address.split(",")[-1].split()[0]
    return d(STATE_TAX[state])


# ------------------------------------------------------------------------------------------------------ products

P = {  # item: (description, unit, price, quantities)
    "GLV-NIT-L": ("Nitrile gloves, 8 mil, size L (box of 100)", "BX", "18.95", [5, 10, 20, 40]),
    "BLT-HX-12": ("Hex bolt 1/2-13 x 2\", grade 8, zinc (box of 50)", "BX", "32.40", [2, 4, 6, 10]),
    "BRG-6205": ("Ball bearing 6205-2RS", "EA", "7.85", [10, 20, 24, 50]),
    "HOSE-HYD-38": ("Hydraulic hose 3/8\", 3000 psi, 25 ft", "EA", "86.50", [1, 2, 4]),
    "FLT-HYD-10": ("Hydraulic return filter, 10 micron", "EA", "24.75", [2, 4, 6, 12]),
    "LUB-EP2-14": ("EP2 lithium grease, 14 oz cartridge", "EA", "6.40", [10, 24, 48]),
    "SAF-GLS-CL": ("Safety glasses, clear, ANSI Z87.1", "EA", "4.25", [12, 24, 36, 100]),
    "MTR-5HP": ("Electric motor 5 HP, 1800 RPM, TEFC, 230/460 V", "EA", "612.00", [1, 1, 2]),
    "BELT-B68": ("V-belt B68", "EA", "14.30", [2, 4, 6, 10]),
    "SVC-TECH": ("Field service technician", "HR", "95.00", [2, 4, "6.5", 8]),
    "RNT-FORK": ("Forklift rental, 5,000 lb capacity", "DAY", "165.00", [1, 2, 3, 5]),
    "STL-SHT-16": ("Cold rolled steel sheet, 16 ga", "LB", "0.92", [250, 500, 1200]),
    "ABS-PAD": ("Oil absorbent pads, 15 x 19 in (bundle of 100)", "EA", "54.00", [1, 2, 5]),
    "LAD-FG-8": ("Fiberglass step ladder, 8 ft, Type IA", "EA", "189.00", [1, 2]),
}


def line(item: str, account: str, qty=None, amount_written=None, sign: int = 1) -> Line:
    desc, unit, price, quantities = P[item]
    q = d(qty) if qty is not None else d(rng.choice(quantities))
    return Line(item, desc, q * sign, unit, d(price), tax_rate(account),
                amount_written=None if amount_written is None else d(amount_written))


def due_for(terms: str, issue: date) -> date:
    days = {"Net 30": 30, "Net 45": 45, "Net 60": 60, "2% 10 Net 30": 30, "Due on Receipt": 0}.get(terms, 30)
    return issue + timedelta(days=days)


def invoice(number: str, day: date, account: str, items: list[tuple] | None = None, name_only: bool = False,
            **kw) -> Inv:
    c = BY_ACCOUNT[account]
    kind = kw.pop("kind", "invoice")
    sign = -1 if kind == "credit_note" else 1
    if items is None:
        items = [(i,) for i in rng.sample(sorted(P), rng.choice([1, 2, 2, 3, 4]))]
    lines = [line(i[0], account, *i[1:], sign=sign) for i in items]
    customer = kw.pop("customer", None) or (
        Customer("", c.name, "") if name_only else Customer(c.account, c.name, c.tax_ids[0] if rng.random() < 0.5 else ""))
    terms = kw.pop("terms", TERMS.get(account, "Net 30"))
    return Inv(number, day, kw.pop("due", due_for(terms, day)), customer, lines, kind=kind, terms=terms,
               currency=kw.pop("currency", "CAD" if account == "100125" else "USD"),
               po=kw.pop("po", f"PO{rng.randint(400000, 499999)}" if rng.random() < 0.7 else ""), **kw)


REGULAR = [c.account for c in MASTER if c.status == "active" and c.account not in {"100101", "100105", "100125"}]


def regular(number: str, day: date) -> Inv:
    return invoice(number, day, rng.choice(REGULAR), name_only=rng.random() < 0.3)


D2, D3, D4 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)

DAY2 = [
    regular("INV-104231", D2),
    regular("INV-104232", D2),
    invoice("INV-104233", D2, "100101", [("BRG-6205", 50), ("BELT-B68", 10)],
            customer=Customer("", "ACME Corp.", ""),
            trouble="name only, written \"ACME Corp.\"; master has \"Acme Corporation\" (100101)",
            outcome="matched by name to 100101 if the fuzzy score reaches accept_score (92), else CUSTOMER_AMBIGUOUS "
                    "with 100101 as first candidate"),
    regular("INV-104234", D2),
    invoice("INV-104235", D2, "100109", trouble="customer 100109 Pioneer Hydraulics Inc. is on credit hold",
            outcome="CUSTOMER_CREDIT_HOLD"),
    invoice("CM-2207", D2, "100108", [("MTR-5HP", 1)], kind="credit_note", original="INV-103988", due=D2,
            trouble="credit memo (Doc Type CM) for a returned motor, amounts written negative",
            outcome="goes through as a credit memo (amounts already negative, no flip)"),
    regular("INV-104236", D2),
    invoice("INV-104237", D2, "100110", customer=Customer("", "Brightline Robotics LLC", ""),
            trouble="name only, \"Brightline Robotics LLC\" is not a customer of US01", outcome="CUSTOMER_UNKNOWN"),
    regular("INV-104238", D2),
]

DAY3 = [
    regular("INV-104239", D3),
    invoice("INV-104240", D3, "100122", [("SVC-TECH", 8), ("FLT-HYD-10", 12, "279.00")],
            trouble="line 2: 12 x 24.75 = 297.00 but Line Amount 279.00 (totals follow the written amounts)",
            outcome="LINE_ARITHMETIC"),
    regular("INV-104241", D3),
    invoice("INV-104242", D3, "100104", issue_text="13/45/2026",
            trouble="Invoice Date 13/45/2026 (month 13, day 45)", outcome="FIELD_DATE (issue_date)"),
    regular("INV-104243", D3),
    invoice("INV-104244", D3, "100123", trouble="customer 100123 Copper Canyon Mining Co. is inactive",
            outcome="CUSTOMER_INACTIVE"),
    invoice("INV-104245", D3, "100125", [("MTR-5HP", 2), ("BELT-B68", 6)],
            trouble="none: export to Canada invoiced in CAD, tax exempt",
            outcome="goes through in CAD (CAD is an accepted currency)"),
    regular("INV-104246", D3),
    invoice("INV-104247", D3, "100126", terms="COD", due=D3,
            trouble="payment terms \"COD\" not in the profile's terms map", outcome="FIELD_VALUE_UNMAPPED (payment_terms)"),
    regular("INV-104248", D3),
    invoice("INV-104249", D3, "100105", [("GLV-NIT-L", 20), ("SAF-GLS-CL", 36)], customer=Customer("", "Northwind", ""),
            trouble="none: name only, written as the master's alternate name \"Northwind\" (100105)",
            outcome="matched by alternate name to 100105; goes through"),
]

DAY4 = [
    regular("INV-104250", D4),
    invoice("INV-104236", D4, "100130", [("LAD-FG-8", 2), ("ABS-PAD", 5)],
            trouble="number INV-104236 already sent on 2026-11-02 with another customer and other lines",
            outcome="DUPLICATE_CONFLICT"),
    regular("INV-104251", D4),
    invoice("CM-2208", D4, "100118", [("SVC-TECH", 2)], kind="credit_note", original="INV-104102", due=D4,
            trouble="credit memo (Doc Type CM): billed service hours given back, amounts written negative",
            outcome="goes through as a credit memo (amounts already negative, no flip)"),
    regular("INV-104252", D4),
    invoice("INV-104253", D4, "100119", name_only=True,
            trouble="name only; customer 100119 Magnolia Textile Mills Inc. is on credit hold",
            outcome="CUSTOMER_CREDIT_HOLD"),
    regular("INV-104254", D4),
    regular("INV-104255", D4),
]

# ------------------------------------------------ second format: the B2B web store's order export (tab-separated)

WEB_ITEMS = ["GLV-NIT-L", "SAF-GLS-CL", "LUB-EP2-14", "BRG-6205", "BELT-B68", "FLT-HYD-10", "ABS-PAD", "LAD-FG-8"]
WEB_CUSTOMERS = ["100104", "100106", "100108", "100111", "100114", "100118", "100121", "100127", "100129", "100130"]


def web_order(number: str, day: date, account: str | None = None, **kw) -> Inv:
    items = [(i,) for i in rng.sample(WEB_ITEMS, rng.choice([1, 1, 2, 3]))]
    return invoice(number, day, account or rng.choice(WEB_CUSTOMERS), items, terms="Net 30", po="", **kw)


WEB2 = [web_order(f"WEB-5881{n}", D2) for n in range(2, 8)]
WEB3 = [web_order(f"WEB-5882{n}", D3) for n in range(0, 7)]
WEB4 = [web_order("WEB-58830", D4), web_order("WEB-58831", D4),
        web_order("WEB-58832", D4, "100113", trouble="web-store order by 100113 Lone Star Oilfield Supply LLC, whose "
                  "account is inactive (the shop still lets it log in)", outcome="CUSTOMER_INACTIVE"),
        web_order("WEB-58833", D4), web_order("WEB-58834", D4), web_order("WEB-58835", D4), web_order("WEB-58836", D4)]


def render_web(invoices: list[Inv]) -> bytes:
    """No header; columns by position: order, date, account, company, currency, line, sku, description, qty, uom,
    unit price, amount, tax rate (percent), tax amount. Plain numbers, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    for inv in invoices:
        for n, l in enumerate(inv.lines, start=1):
            writer.writerow([inv.number, inv.issue.isoformat(), inv.customer.account, inv.customer.name, inv.currency,
                             n, l.item, l.description, k.fmt_quantity(l.quantity, "."), l.unit, f"{l.price:.2f}",
                             f"{l.amount:.2f}", k.fmt_quantity(l.rate, "."), f"{l.tax:.2f}"])
    return buffer.getvalue().encode("utf-8")


WEB_FILES = [("webstore_orders_2026-11-02.tsv", WEB2), ("webstore_orders_2026-11-03.tsv", WEB3),
             ("webstore_orders_2026-11-04.tsv", WEB4)]

# --------------------------------------------------------------------------------------------------------- writing

HEADER = ["Doc Type", "Invoice No", "Invoice Date", "Due Date", "Customer Account", "Customer Name",
          "Customer Tax ID", "PO Number", "Terms", "Currency", "Orig Invoice", "Line", "Item", "Description", "Qty",
          "UOM", "Unit Price", "Line Amount", "Tax Rate", "Tax Amount", "Invoice Subtotal", "Invoice Tax",
          "Invoice Total"]


def money(x: Decimal) -> str:
    return k.fmt_number(x, ".", ",")


def render(invoices: list[Inv], bom: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(HEADER)
    for inv in invoices:
        for n, l in enumerate(inv.lines, start=1):
            writer.writerow([
                "CM" if inv.kind == "credit_note" else "INV", inv.number, inv.issue_text or inv.issue.strftime("%m/%d/%Y"),
                inv.due.strftime("%m/%d/%Y"), inv.customer.account, inv.customer.name, inv.customer.tax_id, inv.po,
                inv.terms, inv.currency, inv.original, n, l.item, l.description, k.fmt_quantity(l.quantity, "."),
                l.unit, money(l.price), money(l.amount), k.fmt_quantity(l.rate, ".") + "%", money(l.tax),
                money(inv.declared_net), money(inv.tax), money(inv.declared_gross),
            ])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


FILES = [("acme_ar_export_20261102.csv", DAY2, False), ("acme_ar_export_20261103.csv", DAY3, True),
         ("acme_ar_export_20261104.csv", DAY4, False)]
RESEND = ("acme_ar_export_20261103.csv", "acme_ar_export_20261103_resend.csv")

# -------------------------------------------------------------------------------------- reading back: control totals


def control_totals(path: str, note: str = "") -> k.FileTotals:
    """Reads a written file back and sums the line amounts of every invoice (credit memos are already negative)."""
    totals = k.FileTotals(os.path.basename(path), note=note)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    invoices: list[list] = []
    for row in rows:
        if not invoices or invoices[-1][0] != row["Invoice No"]:
            invoices.append([row["Invoice No"], row["Currency"], Decimal(0)])
        invoices[-1][2] += Decimal(row["Line Amount"].replace(",", ""))
    for _, currency, net in invoices:
        totals.add(currency, net)
    return totals


def web_totals(path: str) -> k.FileTotals:
    """The same for a web-store file: no header, order number in column 1, currency in 5, amount in 12."""
    totals = k.FileTotals(os.path.basename(path))
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    invoices: list[list] = []
    for row in rows:
        if not invoices or invoices[-1][0] != row[0]:
            invoices.append([row[0], row[4], Decimal(0)])
        invoices[-1][2] += Decimal(row[11])
    for _, currency, net in invoices:
        totals.add(currency, net)
    return totals


def main() -> None:
    k.write_master(os.path.join(HERE, "..", "customers.csv"), MASTER, "USD")
    troubles = []
    for name, invoices, bom in FILES:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(render(invoices, bom))
        troubles += [(name, inv) for inv in invoices if inv.trouble]
    for name, invoices in WEB_FILES:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(render_web(invoices))
        troubles += [(name, inv) for inv in invoices if inv.trouble]
    shutil.copyfile(os.path.join(HERE, RESEND[0]), os.path.join(HERE, RESEND[1]))
    resend = Inv("(whole file)", D3, D3, Customer(), [],
                 trouble=f"byte-identical copy of {RESEND[0]} sent again under another name",
                 outcome="skip: the document is a duplicate (same SHA-256); none of its invoices is posted twice")
    troubles.append((RESEND[1], resend))
    totals = [control_totals(os.path.join(HERE, name)) for name, _, _ in FILES]
    totals.append(control_totals(os.path.join(HERE, RESEND[1]), note="duplicate document, skipped"))
    totals += [web_totals(os.path.join(HERE, name)) for name, _ in WEB_FILES]
    text = k.expected_markdown(
        "US01 Acme Industrial Supply Inc.: expected outcomes of the sample files",
        "AR exports of Acme Industrial Supply (MRO distributor, Dayton OH): `,`-separated, UTF-8 (the 2026-11-03 "
        "file and its resend start with a BOM), one row per invoice line with the header values repeated, amounts "
        "`1,234.56` (quoted when they hold a comma), dates `MM/dd/yyyy`, a `Doc Type` column (INV/CM), credit memos "
        "written with negative amounts, customers sometimes given by name only, sales tax as a rate column. "
        "Profile: `ar-export-csv`. The B2B web store's orders come as `webstore_orders_*.tsv`: tab-separated, "
        "UTF-8, no header (fields by position), ISO dates, plain numbers, account always given; profile "
        "`webstore-tsv`. Run the tests with the clock at 2026-11-05.",
        troubles, totals,
        "Read back from the written files by the generator: every invoice (consecutive rows with one number), "
        "whatever its outcome, with its net amount as the sum of its `Line Amount`s, credit memos negative as "
        "written. Web-store files the same, with the amount in column 12.",
        "mappings/us-acme/samples/make_samples.py")
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
