#!/usr/bin/env bash
# Sets up and runs every test. Works on a fresh Debian machine with the .NET SDK (README: "Run the tests").
set -euo pipefail
cd "$(dirname "$0")"
export CONNECTOR_CORPUS="${CONNECTOR_CORPUS:-$(cd .. && pwd)/shared/corpus}"
# Factur-X / ZUGFeRD PDFs are opened with Debian's poppler-utils (pdfdetach, pdfinfo); the sample entity FR01 has some.
if ! command -v pdfdetach > /dev/null || ! command -v pdfinfo > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    bash .ci/install-poppler.sh
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo bash .ci/install-poppler.sh
  else
    echo "warning: poppler-utils is not installed and cannot be installed from here (not root, no sudo):" >&2
    echo "         the tests that read Factur-X PDFs will fail. Run: sudo apt-get install poppler-utils" >&2
  fi
fi
# Scanned cheques and stubs are read by Debian's libtesseract5 (eng, fra models); its tests fail under CI when missing.
if ! bash -c 'ldconfig -p | grep -Eq "libtesseract\.so\.(5|4)\b"' 2> /dev/null || ! ls /usr/share/tesseract-ocr/*/tessdata/fra.traineddata > /dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    bash .ci/install-tesseract.sh
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo bash .ci/install-tesseract.sh
  else
    echo "warning: libtesseract5 is not installed and cannot be installed from here (not root, no sudo):" >&2
    echo "         the OCR tests will be skipped. Run: sudo apt-get install libtesseract5 tesseract-ocr-eng tesseract-ocr-fra" >&2
  fi
fi
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
dotnet build Connector.slnx -c Release
dotnet test Connector.slnx -c Release --no-build --logger "console;verbosity=minimal"
