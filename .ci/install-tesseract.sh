#!/usr/bin/env bash
# Installs Debian's libtesseract5 with the English and French models when missing: the Connector reads scanned cheques
# and remittance stubs in-process through libtesseract's C API (src/Connector.Adapters/Ocr/), and its tests run it.
set -euo pipefail

have_library() {
  ldconfig -p 2> /dev/null | grep -Eq 'libtesseract\.so\.(5|4)\b'
}

have_models() {
  ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata > /dev/null 2>&1 \
    && ls /usr/share/tesseract-ocr/*/tessdata/fra.traineddata > /dev/null 2>&1
}

# The tesseract command line only for `connector bench ocr`, which compares the in-process engine with it.
have_cli() {
  command -v tesseract > /dev/null 2>&1
}

if have_library && have_models && have_cli; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libtesseract5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra > /dev/null
echo "libtesseract5 installed with the eng and fra models (and the tesseract command for the benchmark)"
