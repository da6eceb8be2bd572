#!/usr/bin/env python3
"""Writes the FR02 sample files (Menuiserie Garnier's billing export) and prints their control totals.

Run from this folder: python3 make_samples.py. Deterministic: no clock, no randomness.
"""
from decimal import Decimal, ROUND_HALF_UP

HEADER = ["Type", "Numéro", "Date", "Échéance", "Client", "Nom", "Conditions", "Commande", "Facture d'origine",
          "Ligne", "Désignation", "Qté", "PU HT", "Montant HT", "Code TVA", "Taux TVA", "Montant TVA"]
RATES = {"B20": Decimal("20"), "S20": Decimal("20"), "S10": Decimal("10"), "B55": Decimal("5.5"), "TVA21": Decimal("21")}
CENT = Decimal("0.01")


def fr(d: Decimal) -> str:
    """1 234,50 (French number, thousands separated by a space)."""
    s = f"{d:,.2f}".replace(",", " ").replace(".", ",")
    return s


def rate(code: str) -> str:
    r = RATES[code]
    return (str(r).replace(".", ",") if r != r.to_integral() else str(int(r))) + " %"


def invoice(kind, number, date, due, client, name, terms, order, origin, lines, wrong_amount=None):
    rows = []
    for i, (text, qty, price, code) in enumerate(lines, start=1):
        amount = (Decimal(qty) * Decimal(price)).quantize(CENT, ROUND_HALF_UP)
        if wrong_amount and wrong_amount[0] == i:
            amount = Decimal(wrong_amount[1])
        tax = (amount * RATES[code] / 100).quantize(CENT, ROUND_HALF_UP)
        rows.append([kind, number, date, due, client, name, terms, order, origin, str(i), text,
                     str(qty).replace(".", ","), fr(Decimal(price)), fr(amount), code, rate(code), fr(tax)])
    return rows


FILES = {
    "FACTURES_GARNIER_20261102.csv": [
        invoice("FAC", "F2611-001", "02/11/2026", "02/12/2026", "CLI-101", "Boulangerie Martin SARL", "30 jours", "BC-7781", "",
                [("Porte de service chêne 90 cm", "1", "1240.00", "B20"), ("Pose porte de service", "3.5", "52.00", "S20")]),
        invoice("FAC", "F2611-002", "02/11/2026", "01/01/2027", "CLI-102", "Hôtel du Port SAS", "60 jours", "HDP-2026-44", "",
                [("Rénovation fenêtres chambres 12 à 18 (main-d'œuvre)", "21", "48.00", "S10"),
                 ("Quincaillerie et joints", "1", "186.40", "S10")]),
        invoice("FAC", "F2611-003", "02/11/2026", "02/12/2026", "CLI-107", "Bricolage Dupuis SAS", "30 jours", "", "",
                [("Plinthes sapin 2,40 m (lot de 10)", "12", "38.90", "B20")]),
        invoice("AVO", "A2611-001", "02/11/2026", "02/11/2026", "CLI-103", "Cabinet Leroy Architectes", "30 jours", "", "F2610-087",
                [("Retour étagères hêtre non posées", "4", "95.00", "B20")]),
        invoice("FAC", "F2611-004", "02/11/2026", "02/12/2026", "", "Restaurant Le Gavroche Nantais", "30 jours", "", "",
                [("Banquette sur mesure noyer", "1", "2350.00", "B20"), ("Livraison et pose", "6", "52.00", "S20")]),
        invoice("FAC", "F2611-005", "02/11/2026", "17/12/2026", "CLI-104", "Résidence Les Tilleuls", "45 jours", "", "",
                [("Remplacement boîtes aux lettres hall B", "1", "890.00", "B20")]),
    ],
    "FACTURES_GARNIER_20261103.csv": [
        invoice("FAC", "F2611-006", "03/11/2026", "03/12/2026", "CLI-109", "Crèche Les P'tits Loups SCIC", "30 jours", "", "",
                [("Isolation menuiseries, rénovation énergétique", "1", "3120.00", "B55"), ("Pose", "8", "52.00", "B55")]),
        invoice("FAC", "F2611-007", "03/11/2026", "03/12/2026", "CLI-199", "Charpentes de l'Atlantique SARL", "30 jours", "", "",
                [("Sous-traitance lamellé-collé", "1", "4100.00", "S20")]),
        invoice("FAC", "F2611-008", "03/11/2026", "03/12/2026", "CLI-105", "Restaurant Le Gavroche Nantais SARL", "30 jours", "", "",
                [("Réparation porte cuisine", "2", "52.00", "S20"), ("Charnières inox", "4", "17.35", "B20")],
                wrong_amount=(2, "71.40")),
        invoice("FAC", "F2611-009", "03/11/2026", "03/12/2026", "CLI-110", "OGEC Groupe Scolaire Sainte-Anne", "30 jours", "", "",
                [("Bancs de préau mélèze", "6", "310.00", "TVA21")]),
        invoice("FAC", "F2611-010", "03/11/2026", "03/12/2026", "CLI-106", "Clinique Vétérinaire de l'Erdre SELARL", "30 jours", "CV-118", "",
                [("Comptoir d'accueil stratifié", "1", "1980.00", "B20"), ("Étagères murales", "5", "64.50", "B20"),
                 ("Pose et réglages", "7.5", "52.00", "S20")]),
        invoice("FAC", "F2611-011", "03/11/2026", "03/12/2026", "CLI-108", "Ébénisterie Ancienne Roux", "30 jours", "", "",
                [("Placage merisier (m²)", "3", "74.00", "B20")]),
    ],
}

for name, invoices in FILES.items():
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(";".join(HEADER) + "\r\n")
        for rows in invoices:
            for row in rows:
                f.write(";".join(f'"{c}"' if (";" in c or '"' in c) else c for c in row) + "\r\n")
    net = Decimal(0)
    for rows in invoices:
        sign = -1 if rows[0][0] == "AVO" else 1
        net += sign * sum(Decimal(r[13].replace(" ", "").replace(",", ".")) for r in rows)
    print(f"{name}: {len(invoices)} invoices, net {net}")
