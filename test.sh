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
dotnet build Connector.slnx -c Release
dotnet test Connector.slnx -c Release --no-build --logger "console;verbosity=minimal"
