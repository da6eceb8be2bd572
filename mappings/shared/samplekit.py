"""Helpers shared by the sample generators (mappings/<entity>/samples/make_samples.py).

Only the Python standard library is used here; the XLSX generator additionally needs openpyxl
(Debian: apt-get install python3-openpyxl, then run it with /usr/bin/python3).

Everything is deterministic: the same script writes the same customers and invoices every time.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def r2(value: Decimal) -> Decimal:
    """Round to cents, half away from zero (Decimal's ROUND_HALF_UP rounds ties away from zero)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def d(text: str | int | float) -> Decimal:
    return Decimal(str(text))


# --------------------------------------------------------------------------------------------------- tax identifiers


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    for last in "0123456789":
        if luhn_ok(prefix + last):
            return prefix + last
    raise AssertionError("unreachable")


def siren(rng: random.Random) -> str:
    """A 9-digit SIREN with a valid Luhn check digit."""
    return luhn_complete(str(rng.randint(30000000, 99999999)))


def siret(siren_number: str, rng: random.Random) -> str:
    """A 14-digit SIRET: the SIREN, a 4-digit establishment number and a Luhn check digit over all 14 digits."""
    return luhn_complete(siren_number + f"{rng.randint(1, 99) * 10:04d}")


def fr_vat(siren_number: str) -> str:
    """French intra-community VAT number: FR + key + SIREN, key = (12 + 3 x (SIREN mod 97)) mod 97."""
    key = (12 + 3 * (int(siren_number) % 97)) % 97
    return f"FR{key:02d}{siren_number}"


def de_ust_idnr(rng: random.Random) -> str:
    """German USt-IdNr: DE + 8 digits + check digit (ISO 7064 MOD 11,10)."""
    while True:
        body = str(rng.randint(10000000, 39999999))
        product = 10
        for ch in body:
            s = (int(ch) + product) % 10
            if s == 0:
                s = 10
            product = (2 * s) % 11
        check = 11 - product
        if check == 10:
            check = 0
        return f"DE{body}{check}"


def be_vat(rng: random.Random) -> str:
    """Belgian VAT: BE0 + 7 digits + 2-digit check (97 - first 8 digits mod 97)."""
    body = f"0{rng.randint(2000000, 9999999)}"
    return f"BE{body}{97 - int(body) % 97:02d}"


def ch_uid(rng: random.Random) -> str:
    """Swiss UID: CHE-nnn.nnn.nnn MWST with its mod-11 check digit."""
    weights = [5, 4, 3, 2, 7, 6, 5, 4]
    while True:
        body = f"{rng.randint(10000000, 99999999)}"
        check = 11 - sum(int(c) * w for c, w in zip(body, weights)) % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        digits = body + str(check)
        return f"CHE-{digits[0:3]}.{digits[3:6]}.{digits[6:9]} MWST"


EIN_PREFIXES = [10, 13, 16, 20, 22, 26, 27, 36, 38, 41, 45, 46, 47, 52, 54, 56, 61, 75, 81, 83, 84, 86, 87, 88, 91, 94]


def us_ein(rng: random.Random) -> str:
    return f"{rng.choice(EIN_PREFIXES):02d}-{rng.randint(1000000, 9999999)}"


# ----------------------------------------------------------------------------------------------------- master data

MASTER_HEADER = ["account_number", "name", "alternate_names", "tax_ids", "status", "currency", "bill_to_site", "address"]


@dataclass
class MasterCustomer:
    account: str
    name: str
    address: str
    tax_ids: list[str] = field(default_factory=list)
    alternate_names: list[str] = field(default_factory=list)
    status: str = "active"
    currency: str = ""

    @property
    def site(self) -> str:
        return f"{self.account}-BT1"


def write_master(path: str, customers: list[MasterCustomer], default_currency: str) -> None:
    """customers.csv as mappings/README.md defines it: UTF-8, comma-separated, lists separated by '|'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MASTER_HEADER)
    for c in customers:
        writer.writerow([
            c.account, c.name, "|".join(c.alternate_names), "|".join(c.tax_ids), c.status,
            c.currency or default_currency, c.site, c.address,
        ])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


# -------------------------------------------------------------------------------------------------------- invoices


@dataclass
class Line:
    item: str
    description: str
    quantity: Decimal
    unit: str
    price: Decimal
    rate: Decimal
    tax_code: str = ""
    amount_written: Decimal | None = None  # set to write an amount that is NOT quantity x price

    @property
    def amount(self) -> Decimal:
        return self.amount_written if self.amount_written is not None else r2(self.quantity * self.price)

    @property
    def tax(self) -> Decimal:
        return r2(self.amount * self.rate / 100)


@dataclass
class Customer:
    account: str = ""
    name: str = ""
    tax_id: str = ""


@dataclass
class Inv:
    number: str
    issue: date
    due: date
    customer: Customer
    lines: list[Line]
    kind: str = "invoice"  # invoice | credit_note
    currency: str = ""
    terms: str = ""
    po: str = ""
    original: str = ""
    issue_text: str | None = None  # written instead of the issue date (bad dates)
    due_text: str | None = None
    total_net_written: Decimal | None = None  # a declared net total that differs from the lines
    trouble: str = ""  # what is wrong, for EXPECTED.md
    outcome: str = ""  # the intended outcome, for EXPECTED.md

    @property
    def net(self) -> Decimal:
        return sum((l.amount for l in self.lines), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return sum((l.tax for l in self.lines), Decimal("0"))

    @property
    def declared_net(self) -> Decimal:
        return self.total_net_written if self.total_net_written is not None else self.net

    @property
    def declared_gross(self) -> Decimal:
        return self.declared_net + self.tax


def fmt_number(value: Decimal, decimal_sep: str, group_sep: str, places: int = 2) -> str:
    """Formats 1234.5 as '1 234,50' (decimal ',', group ' ') or '1,234.50' (decimal '.', group ',')."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else value
    sign = "-" if q < 0 else ""
    text = f"{abs(q):f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = group_sep.join(groups)
    if frac:
        out += decimal_sep + frac
    return sign + out


def fmt_quantity(value: Decimal, decimal_sep: str) -> str:
    """Quantities without useless decimals: 3, 2,5, 0.75."""
    text = f"{value.normalize():f}"
    return text.replace(".", decimal_sep)


# ---------------------------------------------------------------------------------------------------- EXPECTED.md


@dataclass
class FileTotals:
    file: str
    count_by_currency: dict[str, int] = field(default_factory=dict)
    net_by_currency: dict[str, Decimal] = field(default_factory=dict)
    note: str = ""

    def add(self, currency: str, net: Decimal) -> None:
        self.count_by_currency[currency] = self.count_by_currency.get(currency, 0) + 1
        self.net_by_currency[currency] = self.net_by_currency.get(currency, Decimal("0")) + net

    @property
    def invoices(self) -> int:
        return sum(self.count_by_currency.values())


def expected_markdown(title: str, intro: str, troubles: list[tuple[str, Inv]], totals: list[FileTotals],
                      totals_note: str, generator: str) -> str:
    out = [f"# {title}", "", intro, "",
           f"Generated by `{generator}`; do not edit by hand, change the script and run it again.", "",
           "## Troublesome invoices", "",
           "| file | number | what is wrong | intended outcome |",
           "|---|---|---|---|"]
    for file, inv in troubles:
        out.append(f"| {file} | {inv.number} | {inv.trouble} | {inv.outcome} |")
    out += ["", "## Control totals per file", "", totals_note, "",
            "| file | currency | invoices | net amount |", "|---|---|---:|---:|"]
    for t in totals:
        name = f"{t.file} ({t.note})" if t.note else t.file
        for currency in sorted(t.net_by_currency):
            out.append(f"| {name} | {currency} | {t.count_by_currency[currency]} | {t.net_by_currency[currency]:.2f} |")
        out.append(f"| {name} | all | {t.invoices} | |")
    out.append("")
    return "\n".join(out)


def fmt_siret(number: str) -> str:
    """SIRET as people write it: '552 081 317 00012'."""
    return f"{number[0:3]} {number[3:6]} {number[6:9]} {number[9:]}"
