#!/usr/bin/env bash
# Installs Debian's Tryton 6.0 server and modules when they are missing: the Tryton plugin's tests
# (tests/Connector.Plugins.Tryton.Tests) create a throw-away SQLite database and start their own trytond on a free
# 127.0.0.1 port through tests/tryton/setup.sh. No service is started here.
set -euo pipefail
cd "$(dirname "$0")/.."

# The package list and the apt calls live in one place: setup.sh install (a no-op when everything is installed).
export TRYTON_HOME="${TRYTON_HOME:-$(mktemp -d)}"
bash tests/tryton/setup.sh install
