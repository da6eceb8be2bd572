#!/usr/bin/env python3
"""Writes US01's X9.37 image cash letter (ANSI X9.100-187 record layout, ASCII) from its ground-truth JSON and the
cheque images (TIFF, CCITT G4) made by make_scans.sh.

Records, each preceded by its length as a 4-byte big-endian integer: 01 file header, 10 cash letter header,
20 bundle header, per cheque 25 check detail (MICR fields, item amount) + 50/52 image view detail/data for the front
and the back, 70 bundle control, 90 cash letter control, 99 file control. Counts and totals are computed from the
records written. Deterministic: every date and time comes from the JSON, nothing from the clock.

Usage: make_x937.py CASHLETTER.json IMAGE_DIR OUT.x937   (stdlib only)
"""

from __future__ import annotations

import json
import os
import struct
import sys

CREATION_TIME = "0830"  # HHMM of the file and cash letter creation: fixed, not the clock
CONTACT_NAME = "AR CASH DESK"
CONTACT_PHONE = "9375550100"


def field(value: object, width: int, numeric: bool = False) -> str:
    """One fixed-width field: numbers right-justified with zeros, text left-justified with blanks; never truncated."""
    text = str(value)
    if len(text) > width:
        raise ValueError(f"{text!r} does not fit {width} characters")
    return text.rjust(width, "0") if numeric else text.ljust(width)


def record(*parts: str, length: int | None = 80) -> bytes:
    text = "".join(parts)
    if length is not None and len(text) != length:
        raise ValueError(f"record {text[:2]} has {len(text)} characters, not {length}")
    return text.encode("ascii")


class CashLetterWriter:
    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.records = 0

    def add(self, data: bytes) -> None:
        self.chunks.append(struct.pack(">I", len(data)) + data)
        self.records += 1

    def bytes(self) -> bytes:
        return b"".join(self.chunks)


def ymd(iso: str) -> str:
    return iso.replace("-", "")


def write(spec: dict, image_dir: str) -> bytes:
    dest = spec["immediate_destination"]
    origin = spec["immediate_origin"]
    created = ymd(spec["creation_date"])
    business = ymd(spec["business_date"])
    items = spec["items"]
    w = CashLetterWriter()

    # 01 file header
    w.add(record("01", "03", "T" if spec["test_file"] else "P", field(dest, 9), field(origin, 9), created,
                 CREATION_TIME, "N", field("MIAMI VALLEY NATL", 18), field("ACME INDUSTRIAL", 18), "A", "US",
                 field("", 4), " "))
    # 10 cash letter header
    w.add(record("10", "01", field(dest, 9), field(origin, 9), business, created, CREATION_TIME, "I", "G",
                 field("US011120", 8), field(CONTACT_NAME, 14), field(CONTACT_PHONE, 10), " ", field("", 2), " "))
    # 20 bundle header
    w.add(record("20", "01", field(dest, 9), field(origin, 9), business, created, field("US01000001", 10),
                 field(1, 4, True), field("01", 2), field(origin, 9), field("", 5), field("", 12)))

    total = 0
    images = 0
    for index, item in enumerate(items, start=1):
        micr = item["micr"]
        routing = micr["routing"]
        sequence = field(f"{business}{index:07d}", 15, True)
        cents = int(item["amount_cents"])
        total += cents
        # 25 check detail: auxiliary on-us = the cheque (serial) number, on-us = account + on-us symbol ('/')
        w.add(record("25", field(item["cheque_number"], 15), " ", routing[:8], routing[8], field(micr["account"] + "/", 20),
                     field(cents, 10, True), sequence, "G", "0", "1", "Y", "00", "0", "B"))
        for side, name in (("0", item["front"]), ("1", item["back"])):
            with open(os.path.join(image_dir, name), "rb") as f:
                tiff = f.read()
            if tiff[:4] not in (b"II*\x00", b"MM\x00*"):
                raise ValueError(f"{name} is not a TIFF")
            images += 1
            # 50 image view detail: TIFF (00), CCITT G4 (00), size, side, full view
            w.add(record("50", "1", field(origin, 9), business, "00", "00", field(len(tiff), 7, True), side, "00", "0",
                         field("", 2), field("", 5), field(0, 7, True), field(0, 7, True), "0", field("", 8), " ", "0",
                         field("", 13)))
            # 52 image view data: no clipping, no reference key, no digital signature, then the image
            head = record("52", field(origin, 9), business, "01", sequence, field("", 16), field("", 16), field("", 16),
                          "0", field("", 4), field("", 4), field("", 4), field("", 4), field(0, 4, True), field(0, 5, True),
                          field(len(tiff), 7, True), length=117)
            w.add(head + tiff)

    # 70 bundle control, 90 cash letter control, 99 file control (its record count includes itself)
    w.add(record("70", field(len(items), 4, True), field(total, 12, True), field(total, 12, True), field(images, 5, True),
                 field("", 20), field("", 25)))
    w.add(record("90", field(1, 6, True), field(len(items), 8, True), field(total, 14, True), field(images, 9, True),
                 field("MIAMI VALLEY NATL", 18), business, field("", 15)))
    w.add(record("99", field(1, 6, True), field(w.records + 1, 8, True), field(len(items), 8, True),
                 field(total, 16, True), field(CONTACT_NAME, 14), field(CONTACT_PHONE, 10), field("", 16)))
    if total != round(float(spec["total_amount"]) * 100):
        raise ValueError("the items do not add up to total_amount")
    return w.bytes()


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    data = write(spec, argv[2])
    with open(argv[3], "wb") as f:
        f.write(data)
    print(f"{argv[3]}: {len(data)} bytes, {len(spec['items'])} items")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
