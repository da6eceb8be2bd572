#!/usr/bin/env python3
"""Writes AVIS_PAIEMENT_20261121.csv: the remittance advices (avis de paiement) of three of Dupont Distribution's
customers as the bank's portal exports them, read with the profile avis-paiement:

    one row per invoice paid, the payment's columns repeated; ';'-separated, windows-1252, CRLF, a title line,
    amounts "1 234,56", dates dd/MM/yyyy, IBANs written in groups of four.

The payments pay invoices the demo posts (see EXPECTED.md beside it). Standard library only; the output is the same on
every run.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["N° règlement", "Date règlement", "Mode", "Montant règlement", "Code client", "Client", "IBAN",
          "N° facture", "Type", "Montant payé", "Escompte", "Déduction", "Motif"]


def iban(country, bban):
    """An IBAN with its ISO 13616 check digits, written in groups of four as portals print it."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def money(cents):
    """1 234,56 as the portal writes it (a space between thousands, a comma before the cents)."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units:,}".replace(",", " ") + f",{rest:02d}"


# (payment number, date, mode, code client, client, IBAN, [(invoice, type, paid, escompte, deduction, motif)])
PAYMENTS = [
    ("VIR-2611-0187", "21/11/2026", "VIR", "C10025", "Nexa Immobilier SAS", iban("FR", "30003012340005012345678"), [
        ("F26-004532", "FA", 71448, None, None, ""),
        ("F26-004535", "FA", 121544, None, 1000, "LIVRAISON INCOMPLETE"),
    ]),
    ("VIR-2611-0192", "21/11/2026", "VIR", "C10003", "Bâtiments Rhône-Alpes SAS", iban("FR", "10096180000012345678914"), [
        ("FX26-00102", "FA", 193024, None, None, ""),
        ("AV26-000231", "AV", -21252, None, None, ""),
    ]),
    ("CHQ-4417203", "20/11/2026", "CHQ", "C10023", "Auvergne Câblage Industrie SAS", "", [
        ("F26-004531", "FA", 86632, 1768, None, ""),
    ]),
]


def main():
    rows = ["Avis de paiement reçus du 20/11/2026 au 21/11/2026 - compte FR76 3000 4000 0312 3456 7890 143", ";".join(HEADER)]
    for number, date, mode, code, client, account, lines in PAYMENTS:
        total = sum(paid for _, _, paid, _, _, _ in lines)
        for invoice, kind, paid, discount, deduction, reason in lines:
            rows.append(";".join([
                number, date, mode, money(total), code, client, account, invoice, kind, money(paid),
                money(discount) if discount else "", money(deduction) if deduction else "", reason,
            ]))
    path = os.path.join(HERE, "AVIS_PAIEMENT_20261121.csv")
    with open(path, "w", encoding="windows-1252", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")


if __name__ == "__main__":
    main()
