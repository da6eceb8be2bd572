#!/usr/bin/env bash
# US01 Acme Industrial Supply Inc.: scanned cheques and remittance stubs for the scanner drop folder, with one
# ground-truth JSON per image (per page for the two-page TIFF and PDF), and the X9.37 image cash letter of two more
# cheques (built by make_x937.py from the G4 TIFF images made here).
#
# Needs: apt-get install -y imagemagick fonts-dejavu-core libtiff-tools (tiff2pdf); python3 for make_x937.py.
# Usage: mappings/us-acme/samples/cheques/make_scans.sh [OUT_DIR]   (default: this script's folder)
# Deterministic: every noise has a fixed -seed, PNGs carry no date chunks, the PDF's dates are fixed; running it
# twice gives byte-identical files. The invoices paid are US01's sample invoices (../acme_ar_export_*.csv, Invoice
# Total column); EXPECTED.md says which and what must happen to each scan.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
mkdir -p "$OUT/inconsistent"
IM=/usr/bin/convert                # the real ImageMagick 6 (/usr/local/bin/convert may be a stand-in)
[ -x "$IM" ] || { echo "ImageMagick not found at $IM (apt-get install imagemagick)" >&2; exit 1; }
command -v tiff2pdf >/dev/null || { echo "tiff2pdf not found (apt-get install libtiff-tools)" >&2; exit 1; }
FONTS=/usr/share/fonts/truetype/dejavu
REG=$FONTS/DejaVuSans.ttf BOLD=$FONTS/DejaVuSans-Bold.ttf
SERIF=$FONTS/DejaVuSerif.ttf SERIFB=$FONTS/DejaVuSerif-Bold.ttf
MICRFONT=$FONTS/DejaVuSansMono-Bold.ttf
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
PAGE_W=2550                        # 8.5 in at 300 dpi
PAYEE="Acme Industrial Supply Inc."

# ------------------------------------------------------------------------------------------------ money and words
money() { local c=$1 whole; whole=$(printf '%d' $((c / 100)) | rev | sed 's/[0-9]\{3\}/&,/g; s/,$//' | rev); printf '%s.%02d' "$whole" $((c % 100)); }
plain() { printf '%d.%02d' $((${1} / 100)) $((${1} % 100)); }
SMALL=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
       seventeen eighteen nineteen)
DECADES=([2]=twenty [3]=thirty [4]=forty [5]=fifty [6]=sixty [7]=seventy [8]=eighty [9]=ninety)
under_thousand() {
  local n=$1 parts=()
  (( n >= 100 )) && { parts+=("${SMALL[n / 100]} hundred"); n=$((n % 100)); }
  if (( n >= 20 && n % 10 )); then parts+=("${DECADES[n / 10]}-${SMALL[n % 10]}")
  elif (( n >= 20 )); then parts+=("${DECADES[n / 10]}")
  elif (( n > 0 )); then parts+=("${SMALL[n]}"); fi
  printf '%s' "${parts[*]}"; }
say() {   # whole dollars in words, lower case
  local n=$1 out=()
  (( n == 0 )) && { printf 'zero'; return; }
  (( n >= 1000000 )) && { out+=("$(under_thousand $((n / 1000000))) million"); n=$((n % 1000000)); }
  (( n >= 1000 )) && { out+=("$(under_thousand $((n / 1000))) thousand"); n=$((n % 1000)); }
  (( n > 0 )) && out+=("$(under_thousand "$n")")
  printf '%s' "${out[*]}"; }
cheque_words() { local w; w=$(say $(($1 / 100))); printf '%s and %02d/100' "${w^}" $(($1 % 100)); }
# ABA routing number: 8 digits + the 3-7-1 check digit.
aba() { local p=$1 w=(3 7 1 3 7 1 3 7) s=0 i; for i in {0..7}; do s=$((s + ${p:i:1} * w[i])); done; printf '%s%d' "$p" $(((10 - s % 10) % 10)); }
mdy() { printf '%s/%s/%s' "${1:5:2}" "${1:8:2}" "${1:0:4}"; }   # 2026-11-13 -> 11/13/2026
esc() { local s=${1//\\/\\\\}; printf '%s' "${s//\'/\\\'}"; }   # for MVG '...' strings

# ------------------------------------------------------------------------------------------------ one payment
# Set by pay(): the payer (customers.csv), its bank and MICR, the cheque, and the stub rows "number|mm/dd/yyyy|cents|discount".
pay() {
  ACCT=$1 PAYER=$2 STREET=$3 CITY=$4 BANK=$5 BANKCITY=$6 ROUTING=$(aba "$7") ACCOUNT=$8 CHQ=$9; shift 9
  DATE=$1 MEMO=$2; shift 2
  ROWS=("$@")
  TOTAL_EXTRA=0 WORDS_OVERRIDE=""
  local r f; NET=0 GROSS=0 DISC=0
  for r in "${ROWS[@]}"; do IFS='|' read -ra f <<<"$r"; GROSS=$((GROSS + f[2])); DISC=$((DISC + f[3])); NET=$((NET + f[2] - f[3])); done
  AMOUNT=$NET
}

# ------------------------------------------------------------------------------------------------ drawing
MVG=""
font() { MVG+="font '$1' font-size $2 "$'\n'; }
text() { MVG+="text $1,$2 '$(esc "$3")'"$'\n'; }
rtext() { MVG+="text-anchor end text $1,$2 '$(esc "$3")' text-anchor start"$'\n'; }
rule() { MVG+="push graphic-context stroke black stroke-width $5 line $1,$2 $3,$4 pop graphic-context"$'\n'; }
box() { MVG+="push graphic-context stroke gray35 stroke-width $5 fill none rectangle $1,$2 $3,$4 pop graphic-context"$'\n'; }
block() { MVG+="rectangle $1,$2 $3,$4"$'\n'; }
# E-13B-like MICR symbols (no E-13B font in Debian main): transit (routing delimiter) and on-us, in a 30 px cell.
transit() { local x=$1 y=$2; block $((x + 2)) $((y - 40)) $((x + 8)) "$y"; block $((x + 14)) $((y - 40)) $((x + 26)) $((y - 26)); block $((x + 14)) $((y - 16)) $((x + 26)) "$y"; }
onus() { local x=$1 y=$2; block $((x + 2)) $((y - 40)) $((x + 9)) $((y - 18)); block $((x + 17)) $((y - 40)) $((x + 24)) $((y - 18)); block $((x + 2)) $((y - 10)) $((x + 26)) "$y"; }
micr_line() {   # business layout: on-us cheque on-us, transit routing transit, account on-us
  local x=$1 y=$2 adv=30 s="U${CHQ}U T${ROUTING}T ${ACCOUNT}U" i c
  font "$MICRFONT" 12
  for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
    case $c in U) onus $((x + i * adv)) "$y" ;; T) transit $((x + i * adv)) "$y" ;; ' ') ;; *) text $((x + i * adv)) "$y" "$c" ;; esac
  done; }
render() { "$IM" -size "${1}x${2}" xc:white -units PixelsPerInch -density 300 -fill black -draw "$MVG" "png:$3"; MVG=""; }
# degrade SRC DST ANGLE NOISE BLUR SEED: grey scan, slight skew, sensor noise, 16 grey levels (keeps PNGs small)
degrade() {
  "$IM" "$1" -colorspace Gray -background white -rotate "$3" +repage -seed "$6" -attenuate "$4" +noise Gaussian \
    -blur "0x$5" +level 4%,94% -posterize 16 -depth 8 -units PixelsPerInch -density 300 \
    -define png:color-type=0 -define png:bit-depth=8 -define png:exclude-chunks=date,time,tIME "png:$2"
}

cheque_page() {   # cheque_page OUT.png FONT FONTB
  local out=$1 f=$2 fb=$3 H=1100 words figures=$AMOUNT
  words=${WORDS_OVERRIDE:-$(cheque_words "$AMOUNT")}
  box 24 24 $((PAGE_W - 24)) $((H - 24)) 3
  font "$fb" 13; text 100 135 "$PAYER"
  font "$f" 8.5; text 100 195 "$STREET"; text 100 240 "$CITY"
  font "$fb" 8; text 1440 125 "$BANK"
  font "$f" 7; text 1440 168 "$BANKCITY"
  font "$fb" 12; rtext $((PAGE_W - 100)) 135 "No. $CHQ"
  font "$f" 8; text 1760 300 "DATE"
  font "$f" 10; text 1920 300 "$(mdy "$DATE")"; rule 1900 318 $((PAGE_W - 100)) 318 2
  font "$f" 9; text 100 428 "PAY TO THE"; text 100 474 "ORDER OF"
  font "$f" 12; text 360 474 "$PAYEE"; rule 350 506 1820 506 2
  box 1880 385 $((PAGE_W - 100)) 500 3
  font "$fb" 13; text 1910 470 "\$$(money "$figures")"
  font "$f" 10.5; text 100 606 "$words"
  font "$f" 9; rtext $((PAGE_W - 100)) 606 "DOLLARS"; rule 100 646 $((PAGE_W - 300)) 646 2
  font "$f" 8; text 100 800 "MEMO"
  font "$f" 8.5; text 250 800 "$MEMO"; rule 240 832 1350 832 2
  rule 1500 830 $((PAGE_W - 100)) 830 2
  font "$f" 6.5; text 1770 880 "AUTHORIZED SIGNATURE"
  MVG+="push graphic-context stroke black stroke-width 4 fill none bezier 1580,810 1660,700 1730,840 1820,740 1900,660 1990,830 2160,750 pop graphic-context"$'\n'
  micr_line 560 1010
  render "$PAGE_W" "$H" "$out"
}

# stub_page OUT.png FONT FONTB LAYOUT: LAYOUT "standard" = Invoice No | Invoice Date | Amount | Discount | Net Paid,
# "gross" = Document | Date | Gross | Paid | Disc. (net before the discount).
stub_page() {
  local out=$1 f=$2 fb=$3 layout=$4 top=590 step=80 y r fld H
  H=$((top + 130 + ${#ROWS[@]} * step + 330))
  local -a heads=("Invoice No" "Invoice Date" "Amount" "Discount" "Net Paid") order=(2 3 4)
  [ "$layout" = gross ] && { heads=("Document" "Date" "Gross" "Paid" "Disc."); order=(2 4 3); }
  local -a rx=(1500 1950 $((PAGE_W - 120)))
  font "$fb" 14; text 120 130 "REMITTANCE ADVICE"
  font "$fb" 10; text 120 235 "$PAYER"
  font "$f" 9; text 120 305 "Paid to: $PAYEE"; text 120 370 "Customer account: $ACCT"
  rtext $((PAGE_W - 120)) 235 "Cheque No. $CHQ"; rtext $((PAGE_W - 120)) 305 "Date: $(mdy "$DATE")"
  rule 100 $((top - 70)) $((PAGE_W - 100)) $((top - 70)) 3
  font "$fb" 9.5; text 120 "$top" "${heads[0]}"; text 720 "$top" "${heads[1]}"
  rtext "${rx[0]}" "$top" "${heads[2]}"; rtext "${rx[1]}" "$top" "${heads[3]}"; rtext "${rx[2]}" "$top" "${heads[4]}"
  rule 100 $((top + 30)) $((PAGE_W - 100)) $((top + 30)) 2
  font "$f" 9.5; y=$((top + 110))
  for r in "${ROWS[@]}"; do IFS='|' read -ra fld <<<"$r"
    local -a v=("" "" "$(money "${fld[2]}")" "$(money "${fld[3]}")" "$(money $((fld[2] - fld[3])))")
    text 120 "$y" "${fld[0]}"; text 720 "$y" "${fld[1]}"
    rtext "${rx[0]}" "$y" "${v[order[0]]}"; rtext "${rx[1]}" "$y" "${v[order[1]]}"; rtext "${rx[2]}" "$y" "${v[order[2]]}"
    y=$((y + step))
  done
  rule 100 $((y - 45)) $((PAGE_W - 100)) $((y - 45)) 2
  local -a t=("" "" "$(money $((GROSS + TOTAL_EXTRA)))" "$(money "$DISC")" "$(money $((NET + TOTAL_EXTRA)))")
  font "$fb" 9.5; text 120 $((y + 20)) "TOTAL"
  rtext "${rx[0]}" $((y + 20)) "${t[order[0]]}"; rtext "${rx[1]}" $((y + 20)) "${t[order[1]]}"; rtext "${rx[2]}" $((y + 20)) "${t[order[2]]}"
  font "$f" 7; text 120 $((y + 190)) "Please detach this advice before depositing the cheque. Questions: accounts payable."
  render "$PAGE_W" "$H" "$out"
}

# ------------------------------------------------------------------------------------------------ ground truth
json_str() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }
json_common() {   # json_common IMAGE PAGE KIND FONT
  printf '  "image": %s,\n' "$(json_str "$1")"
  [ -n "$2" ] && printf '  "page": %s,\n' "$2"
  printf '  "kind": "%s",\n  "lang": "eng",\n  "render": {"font": "%s", "rotation_deg": %s, "noise_attenuate": %s, "blur_sigma": %s, "seed": %s},\n' \
    "$3" "$(basename "$4")" "$ANGLE" "$NOISE" "$BLUR" "$SEED"
  printf '  "payer_name": %s,\n  "payer_account": "%s",\n  "payee": %s,\n  "cheque_number": "%s",\n' \
    "$(json_str "$PAYER")" "$ACCT" "$(json_str "$PAYEE")" "$CHQ"
}
cheque_json() {   # cheque_json FILE IMAGE PAGE FONT
  local words=${WORDS_OVERRIDE:-$(cheque_words "$AMOUNT")}
  { printf '{\n'; json_common "$2" "$3" cheque "$4"
    printf '  "payer_address": [%s, %s],\n  "bank": %s,\n  "date": "%s",\n  "date_text": "%s",\n' \
      "$(json_str "$STREET")" "$(json_str "$CITY")" "$(json_str "$BANK")" "$DATE" "$(mdy "$DATE")"
    printf '  "amount": %s,\n  "amount_text": "%s",\n  "amount_words": %s,\n  "words_amount": %s,\n  "currency": "USD",\n  "memo": %s,\n' \
      "$(plain "$AMOUNT")" "$(money "$AMOUNT")" "$(json_str "$words")" "$(words_value)" "$(json_str "$MEMO")"
    printf '  "micr": {"cheque_number": "%s", "routing": "%s", "account": "%s", "digits": "%s %s %s"}\n}\n' \
      "$CHQ" "$ROUTING" "$ACCOUNT" "$CHQ" "$ROUTING" "$ACCOUNT"
  } > "$1"
}
words_value() { if [ -n "$WORDS_OVERRIDE" ]; then printf '%s' "$WORDS_VALUE"; else plain "$AMOUNT"; fi; }
stub_json() {   # stub_json FILE IMAGE PAGE FONT LAYOUT
  local r fld i=0 n=${#ROWS[@]} cols='["invoice_no", "invoice_date", "amount", "discount", "net_paid"]'
  [ "$5" = gross ] && cols='["invoice_no", "invoice_date", "amount", "net_paid", "discount"]'
  { printf '{\n'; json_common "$2" "$3" remittance_stub "$4"
    printf '  "date": "%s",\n  "date_text": "%s",\n  "currency": "USD",\n  "columns": %s,\n  "rows": [\n' "$DATE" "$(mdy "$DATE")" "$cols"
    for r in "${ROWS[@]}"; do IFS='|' read -ra fld <<<"$r"; i=$((i + 1))
      printf '    {"invoice_no": "%s", "invoice_date": "%s-%s-%s", "invoice_date_text": "%s", "amount": %s, "discount": %s, "net_paid": %s, "amount_text": "%s", "discount_text": "%s", "net_paid_text": "%s"}%s\n' \
        "${fld[0]}" "${fld[1]:6:4}" "${fld[1]:0:2}" "${fld[1]:3:2}" "${fld[1]}" "$(plain "${fld[2]}")" "$(plain "${fld[3]}")" \
        "$(plain $((fld[2] - fld[3])))" "$(money "${fld[2]}")" "$(money "${fld[3]}")" "$(money $((fld[2] - fld[3])))" "$([ $i -lt "$n" ] && echo ,)"
    done
    printf '  ],\n  "total": {"amount": %s, "discount": %s, "net_paid": %s, "amount_text": "%s", "discount_text": "%s", "net_paid_text": "%s"}\n}\n' \
      "$(plain $((GROSS + TOTAL_EXTRA)))" "$(plain "$DISC")" "$(plain $((NET + TOTAL_EXTRA)))" \
      "$(money $((GROSS + TOTAL_EXTRA)))" "$(money "$DISC")" "$(money $((NET + TOTAL_EXTRA)))"
  } > "$1"
}
look() { ANGLE=$1 NOISE=$2 BLUR=$3 SEED=$4; }

# png_pair CHEQUE_NAME STUB_NAME FONT FONTB LAYOUT (both in OUT, relative names)
png_pair() {
  cheque_page "$WORK/c.png" "$3" "$4"; degrade "$WORK/c.png" "$OUT/$1.png" "$ANGLE" "$NOISE" "$BLUR" "$SEED"
  cheque_json "$OUT/$1.json" "$(basename "$1").png" "" "$3"
  local a=$ANGLE; ANGLE=$(awk -v a="$ANGLE" 'BEGIN { printf "%.1f", -a * 0.8 }'); SEED=$((SEED + 1))
  stub_page "$WORK/s.png" "$3" "$4" "$5"; degrade "$WORK/s.png" "$OUT/$2.png" "$ANGLE" "$NOISE" "$BLUR" "$SEED"
  stub_json "$OUT/$2.json" "$(basename "$2").png" "" "$3" "$5"; ANGLE=$a; SEED=$((SEED - 1))
}
# two_pages BASE FONT FONTB LAYOUT EXT: cheque and stub as pages 1 and 2 of $WORK/BASE.tif (LZW grey), one JSON per
# page naming the delivered file BASE.EXT (the TIFF itself, or the PDF made from it)
two_pages() {
  local ext=$5
  cheque_page "$WORK/c.png" "$2" "$3"; degrade "$WORK/c.png" "$WORK/$1-1.png" "$ANGLE" "$NOISE" "$BLUR" "$SEED"
  cheque_json "$OUT/$1.p1.json" "$1.$ext" 1 "$2"
  stub_page "$WORK/s.png" "$2" "$3" "$4"; degrade "$WORK/s.png" "$WORK/$1-2.png" "$ANGLE" "$NOISE" "$BLUR" "$SEED"
  stub_json "$OUT/$1.p2.json" "$1.$ext" 2 "$2" "$4"
  "$IM" "$WORK/$1-1.png" "$WORK/$1-2.png" -compress LZW -define tiff:predictor=2 -units PixelsPerInch -density 300 \
    +set date:create +set date:modify -define tiff:software=make_scans.sh "tiff:$WORK/$1.tif"
}

# ================================================================================================ the scans
# 1. Ohio Valley Plastics Corp. (100108) pays INV-104231 and INV-104251 in full: PNG cheque + PNG stub.
pay 100108 "Ohio Valley Plastics Corp." "3400 Spring Grove Ave" "Cincinnati, OH 45225" \
  "MIAMI VALLEY COMMERCE BANK" "Cincinnati, Ohio" 04210573 7301184452 051827 2026-11-13 "INV-104231, INV-104251" \
  "INV-104231|11/02/2026|40755|0" "INV-104251|11/04/2026|130846|0"
look 1.0 0.35 0.5 101
png_pair US01_scan_0001_cheque US01_scan_0002_stub "$REG" "$BOLD" standard

# 2. Summit Food Processing Inc. (100106) pays INV-104232 less a 2% early-payment discount, and INV-104246:
#    one two-page TIFF, the stub's columns Document | Date | Gross | Paid | Disc.
pay 100106 "Summit Food Processing Inc." "31 Summit Ave" "Grand Rapids, MI 49503" \
  "GRAND RIVER STATE BANK" "Grand Rapids, Michigan" 07240198 0052209137 008342 2026-11-13 "Remittance 8342 - 2 invoices" \
  "INV-104232|11/02/2026|64872|1297" "INV-104246|11/03/2026|16282|0"
look -1.1 0.4 0.6 202
two_pages US01_scan_0003 "$SERIF" "$SERIFB" gross tif
cp "$WORK/US01_scan_0003.tif" "$OUT/US01_scan_0003.tif"

# 3. Evergreen Medical Devices Inc. (100120) pays INV-104250 and INV-104255: a two-page PDF scan (cheque, stub).
pay 100120 "Evergreen Medical Devices Inc." "8 Innovation Blvd" "Ann Arbor, MI 48108" \
  "HURON VALLEY NATIONAL BANK" "Ann Arbor, Michigan" 07200367 2219004785 120556 2026-11-16 "Acme statement Nov 2026" \
  "INV-104250|11/04/2026|190005|0" "INV-104255|11/04/2026|86655|0"
look -0.9 0.3 0.5 303
two_pages US01_scan_0004 "$REG" "$BOLD" standard pdf
# tiff2pdf keeps the 300 dpi and deflates the grey pages; its dates are set to the cheque date (same length).
tiff2pdf -z -o "$WORK/scan.pdf" "$WORK/US01_scan_0004.tif"
LC_ALL=C sed -E 's/\(D:[0-9]{14}/(D:20261116120000/g' "$WORK/scan.pdf" > "$OUT/US01_scan_0004.pdf"

# 4. Inconsistent: never posted.
# Allegheny Steel Fabricators Inc. (100116): rows and cheque 608.55, the stub's TOTAL printed 10.00 more (618.55).
pay 100116 "Allegheny Steel Fabricators Inc." "600 Allegheny Ave" "Pittsburgh, PA 15233" \
  "THREE RIVERS SAVINGS BANK" "Pittsburgh, Pennsylvania" 04330926 6640091827 016604 2026-11-13 "INV-104238 104248 104252" \
  "INV-104238|11/02/2026|26871|0" "INV-104248|11/03/2026|3032|0" "INV-104252|11/04/2026|30952|0"
TOTAL_EXTRA=1000
look -0.7 0.35 0.5 404
png_pair inconsistent/wrong_total_cheque inconsistent/wrong_total_stub "$REG" "$BOLD" standard
# Midwest Conveyor Systems LLC (100103): figures and stub 1,076.00, the words a transposition, 1,067.00.
pay 100103 "Midwest Conveyor Systems LLC" "2900 W 47th St" "Chicago, IL 60632" \
  "LAKESHORE TRUST BANK" "Chicago, Illinois" 07100452 3318820564 072215 2026-11-13 "INV-104234" \
  "INV-104234|11/02/2026|107600|0"
WORDS_OVERRIDE=$(cheque_words 106700) WORDS_VALUE=$(plain 106700)
look 1.0 0.35 0.5 505
png_pair inconsistent/words_figures_cheque inconsistent/words_figures_stub "$REG" "$BOLD" standard

# 5. The X9.37 image cash letter of 2026-11-20: two cheques (no stubs), front and back as TIFF G4 at 200 dpi.
back_page() {   # back_page OUT.tif: the endorsement stamp of US01's bank deposit
  MVG=""; font "$BOLD" 9; text 900 200 "FOR DEPOSIT ONLY"
  font "$REG" 8; text 900 260 "$PAYEE"; text 900 310 "Miami Valley National Bank"; text 900 360 "Acct 4417302968"
  render "$PAGE_W" 1100 "$WORK/b.png"
  "$IM" "$WORK/b.png" -colorspace Gray -resize 1700x -threshold 55% -type bilevel -units PixelsPerInch -density 200 \
    -compress Group4 +set date:create +set date:modify -define tiff:software=make_scans.sh "tiff:$1"
}
front_g4() {   # front_g4 OUT.tif: the cheque at 200 dpi, bilevel, CCITT G4 (what image exchange carries)
  cheque_page "$WORK/c.png" "$REG" "$BOLD"
  "$IM" "$WORK/c.png" -colorspace Gray -background white -rotate "$ANGLE" +repage -resize 1700x -threshold 55% \
    -type bilevel -units PixelsPerInch -density 200 -compress Group4 +set date:create +set date:modify \
    -define tiff:software=make_scans.sh "tiff:$1"
}
X937_ITEMS=() X937_TOTAL=0
x937_item() {   # after pay(): writes $WORK/x937/CHQ-front.tif and -back.tif and records the item
  mkdir -p "$WORK/x937"; front_g4 "$WORK/x937/$CHQ-front.tif"; back_page "$WORK/x937/$CHQ-back.tif"
  local inv; inv=$(IFS='|' read -ra f <<<"${ROWS[0]}"; printf '%s' "${f[0]}")
  X937_TOTAL=$((X937_TOTAL + AMOUNT))
  X937_ITEMS+=("$(printf '    {"payer_name": %s, "payer_account": "%s", "cheque_number": "%s", "date": "%s", "amount": %s, "amount_cents": %d, "invoice_no": "%s", "micr": {"routing": "%s", "account": "%s"}, "front": "%s-front.tif", "back": "%s-back.tif"}' \
    "$(json_str "$PAYER")" "$ACCT" "$CHQ" "$DATE" "$(plain "$AMOUNT")" "$AMOUNT" "$inv" "$ROUTING" "$ACCOUNT" "$CHQ" "$CHQ")")
}
pay 100122 "Atlas Precision Machining Inc." "1250 Tool Ct" "Toledo, OH 43607" \
  "MAUMEE BAY BANK" "Toledo, Ohio" 04120885 5507731206 033719 2026-11-17 "INV-104243" \
  "INV-104243|11/03/2026|54462|0"
look 0.6 0 0 0; x937_item
pay 100128 "Frontier Rail Services Inc." "45 Depot St" "Altoona, PA 16601" \
  "JUNIATA VALLEY BANK" "Altoona, Pennsylvania" 03131477 0092448173 047260 2026-11-18 "INV-104254" \
  "INV-104254|11/04/2026|59943|0"
look -0.5 0 0 0; x937_item
{
  printf '{\n  "file": "US01_cashletter_20261120.x937",\n  "encoding": "ascii",\n  "test_file": true,\n'
  printf '  "immediate_destination": "%s",\n  "immediate_origin": "%s",\n  "creation_date": "2026-11-20",\n' "$(aba 04220071)" "$(aba 04220071)"
  printf '  "depositor": %s,\n  "deposit_account": "4417302968",\n  "business_date": "2026-11-20",\n  "items": [\n' "$(json_str "$PAYEE")"
  printf '%s,\n%s\n' "${X937_ITEMS[0]}" "${X937_ITEMS[1]}"
  printf '  ],\n  "total_amount": %s\n}\n' "$(plain "$X937_TOTAL")"
} > "$OUT/US01_cashletter_20261120.json"
python3 "$HERE/make_x937.py" "$OUT/US01_cashletter_20261120.json" "$WORK/x937" "$OUT/US01_cashletter_20261120.x937"

ls -l "$OUT" "$OUT/inconsistent" | grep -v '^total'
