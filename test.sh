#!/usr/bin/env bash
# Sets up and runs every test. Works on a fresh Debian machine with the .NET SDK (README: "Run the tests").
set -euo pipefail
cd "$(dirname "$0")"
export CONNECTOR_CORPUS="${CONNECTOR_CORPUS:-$(cd .. && pwd)/shared/corpus}"
dotnet build Connector.slnx -c Release
dotnet test Connector.slnx -c Release --no-build --logger "console;verbosity=minimal"
