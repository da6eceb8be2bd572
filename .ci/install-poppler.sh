#!/usr/bin/env bash
# Installs Debian's poppler-utils when pdfdetach is missing: the Connector takes the XML out of Factur-X / ZUGFeRD PDFs
# with pdfdetach and pdfinfo (src/Connector.Adapters/EInvoicing/PopplerPdfAttachments.cs), and their tests run them.
set -euo pipefail

if command -v pdfdetach > /dev/null && command -v pdfinfo > /dev/null; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends poppler-utils > /dev/null
echo "poppler-utils installed: $(command -v pdfdetach)"
