#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when it is missing: the oracle-ebs adapter's tests start a throw-away cluster
# (initdb + pg_ctl, see tests/Connector.Adapters.Tests/Targets/OracleEbs/PostgresServer.cs). No service is started here.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
  echo "PostgreSQL server binaries present: $(ls -d /usr/lib/postgresql/*/bin/initdb | tr '\n' ' ')"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends postgresql
# Debian's package creates and starts a 'main' cluster; the tests use their own, so the default one is stopped.
if command -v pg_ctlcluster > /dev/null; then
  for version in /usr/lib/postgresql/*; do
    pg_ctlcluster "$(basename "$version")" main stop 2> /dev/null || true
  done
fi
