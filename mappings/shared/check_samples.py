#!/usr/bin/env python3
"""Checks the committed sample files independently of the generators that wrote them.

For every sample file it re-reads the rows and verifies quantity x price = amount, amount x rate = tax (rounded half
away from zero), lines = declared net and tax totals, net + tax = declared gross. Every invoice that breaks one of
these must be listed in its entity's EXPECTED.md with the matching code (LINE_ARITHMETIC, TOTAL_MISMATCH), and every
invoice listed with such a code must break it. It also checks the tax-id check digits and the status mix of the
customer masters. Exit code 1 on any finding.

Run: /usr/bin/python3 mappings/shared/check_samples.py   (openpyxl needed for the XLSX files)
"""

from __future__ import annotations

import csv
import glob
import os
import sys
from decimal import Decimal

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import samplekit as k  # noqa: E402

findings: list[str] = []


def fr_number(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace("%", "").replace(",", "."))


def us_number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("%", ""))


def cell(value) -> Decimal:
    return k.r2(Decimal(str(value)))


def rows_fr(path: str):
    with open(path, encoding="windows-1252", newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            yield (r["N° facture"], fr_number(r["Qté"]), fr_number(r["PU HT"]), fr_number(r["Montant HT"]),
                   fr_number(r["Taux TVA"]), fr_number(r["Montant TVA"]),
                   (fr_number(r["Total HT"]), fr_number(r["Total TVA"]), fr_number(r["Total TTC"])))


def rows_us(path: str):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            yield (r["Invoice No"], us_number(r["Qty"]), us_number(r["Unit Price"]), us_number(r["Line Amount"]),
                   us_number(r["Tax Rate"]), us_number(r["Tax Amount"]),
                   (us_number(r["Invoice Subtotal"]), us_number(r["Invoice Tax"]), us_number(r["Invoice Total"])))


def rows_web(path: str):
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.reader(f, delimiter="\t"):
            yield r[0], Decimal(r[8]), Decimal(r[10]), Decimal(r[11]), Decimal(r[12]), Decimal(r[13]), None


def rows_de(path: str):
    sheet = openpyxl.load_workbook(path, read_only=True)["Rechnungen"]
    rows = sheet.iter_rows(min_row=3, values_only=True)
    h = {name: i for i, name in enumerate(next(rows))}
    for v in rows:
        yield (v[h["Rechnungsnummer"]], Decimal(str(v[h["Menge"]])), cell(v[h["Einzelpreis"]]),
               cell(v[h["Nettobetrag"]]), Decimal(str(v[h["Steuersatz"]])), cell(v[h["Steuerbetrag"]]),
               (cell(v[h["Summe netto"]]), cell(v[h["Summe USt"]]), cell(v[h["Bruttobetrag"]])))


def broken_invoices(rows) -> dict[str, set[str]]:
    """Invoice number -> codes it breaks. Consecutive rows with one number are one invoice."""
    broken: dict[str, set[str]] = {}
    groups: list[list] = []
    for number, qty, price, amount, rate, tax, declared in rows:
        if not groups or groups[-1][0] != number:
            groups.append([number, Decimal(0), Decimal(0), declared])
        groups[-1][1] += amount
        groups[-1][2] += tax
        if k.r2(qty * price) != amount:
            broken.setdefault(number, set()).add("LINE_ARITHMETIC")
        if k.r2(amount * rate / 100) != tax:
            broken.setdefault(number, set()).add("TAX_MISMATCH")
    for number, net, tax, declared in groups:
        if declared is None:
            continue
        if net != declared[0]:
            broken.setdefault(number, set()).add("TOTAL_MISMATCH")
        if tax != declared[1]:
            broken.setdefault(number, set()).add("TAX_MISMATCH")
        if declared[0] + declared[1] != declared[2]:
            broken.setdefault(number, set()).add("GROSS_DECLARED_INCONSISTENT")
    return broken


def expected_codes(entity: str) -> dict[tuple[str, str], str]:
    out = {}
    with open(os.path.join(ROOT, entity, "samples", "EXPECTED.md"), encoding="utf-8") as f:
        for line in f:
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 6 and parts[1].endswith((".csv", ".tsv", ".xlsx")) and not parts[3].isdigit():
                out[(parts[1], parts[2])] = parts[4]
    return out


READERS = {".csv": {"fr-dupont": rows_fr, "us-acme": rows_us}, ".tsv": {"us-acme": rows_web}}


def check_files(entity: str) -> None:
    expected = expected_codes(entity)
    for path in sorted(glob.glob(os.path.join(ROOT, entity, "samples", "*.*"))):
        name, ext = os.path.basename(path), os.path.splitext(path)[1]
        if ext == ".xlsx":
            reader = rows_de
        elif ext in READERS:
            reader = READERS[ext][entity]
        else:
            continue
        if expected.get((name, "(whole file)"), "").startswith("skip"):
            continue  # a resent copy: none of its invoices is processed
        broken = broken_invoices(reader(path))
        for number, codes in broken.items():
            outcome = expected.get((name, number), "")
            for code in codes:
                if code not in outcome:
                    findings.append(f"{entity}/{name} {number}: breaks {code} but EXPECTED.md says '{outcome}'")
        for (file, number), outcome in expected.items():
            for code in ("LINE_ARITHMETIC", "TOTAL_MISMATCH"):
                if file == name and outcome.startswith(code) and code not in broken.get(number, set()):
                    findings.append(f"{entity}/{name} {number}: EXPECTED.md says {code} but the file is consistent")


def check_master(entity: str) -> None:
    with open(os.path.join(ROOT, entity, "customers.csv"), encoding="utf-8", newline="") as f:
        customers = list(csv.DictReader(f))
    if not 25 <= len(customers) <= 40:
        findings.append(f"{entity}: {len(customers)} customers")
    statuses = {c["status"] for c in customers}
    if statuses != {"active", "inactive", "credit_hold"}:
        findings.append(f"{entity}: statuses {sorted(statuses)}")
    for c in customers:
        for tax_id in filter(None, c["tax_ids"].split("|")):
            if tax_id.startswith("FR"):
                siren = tax_id[4:]
                if not (len(siren) == 9 and int(tax_id[2:4]) == (12 + 3 * (int(siren) % 97)) % 97 and k.luhn_ok(siren)):
                    findings.append(f"{entity} {c['account_number']}: bad French VAT id {tax_id}")
            if tax_id.startswith("DE") and not (len(tax_id) == 11 and tax_id[2:].isdigit()):
                findings.append(f"{entity} {c['account_number']}: bad USt-IdNr {tax_id}")


def main() -> int:
    for entity in ("fr-dupont", "us-acme", "de-mueller"):
        check_master(entity)
        check_files(entity)
    for finding in findings:
        print(finding)
    print("samples consistent with EXPECTED.md" if not findings else f"{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
