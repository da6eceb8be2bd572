#!/usr/bin/env bash
# Reproducible local Tryton 6.0 (Debian 12 packages) for the Connector's Tryton
# plugin tests (tests/Connector.Plugins.Tryton.Tests start it through this script).
# Adapted from the research recipe (shared/reference/tryton); written for this
# project, no third-party code.
#
#   ./setup.sh all        install packages (if missing) + init DB + start
#   ./setup.sh install    apt-get install the Tryton packages
#   ./setup.sh init       (re)create the database and populate it
#   ./setup.sh start      start trytond on 127.0.0.1:<free port>, wait ready
#   ./setup.sh stop       stop the trytond started by `start` (by its PID)
#   ./setup.sh status
#
# Environment (all optional):
#   TRYTON_HOME            work dir for config/db/log/pid  (/tmp/tryton-ci)
#   TRYTON_DB              database name                   (tryton)
#   TRYTON_PORT            port; default: a free port picked at start
#   TRYTON_ADMIN_PASSWORD  admin password                  (TrytonCI-pass1)
#   TRYTON_CHART           fr | minimal                    (fr)
#   TRYTON_YEARS           fiscal years to create, e.g. "2026 2027"
#                          (default: 2026, the year of the sample files, the
#                          current year and the next, so that
#                          tests may cross New Year)
#   TRYTON_CUSTOMERS       customer master CSV whose rows become parties
#                          (default: mappings/fr-tryton/customers.csv)
#   TRYTON_SESSION_TIMEOUT idle seconds before "fresh session" calls such as
#                          account.invoice.post answer 401 (3600; Tryton: 300)
#   TRYTON_DB_URI          backend URI; default sqlite://  (e.g.
#                          postgresql://tryton:secret@127.0.0.1:5432/)
#
# `init` and `start` both (re)write $TRYTON_HOME/trytond.conf from these
# variables: use the same TRYTON_* environment for both (e.g. TRYTON_DB_URI).
# After `start`, $TRYTON_HOME/env contains TRYTON_URL, TRYTON_PORT, TRYTON_PID
# and $TRYTON_HOME/setup.json the ids created by setup_db.py.
# Needs: Debian 12 (bookworm) packages, root or sudo for `install`; curl.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TRYTON_HOME="${TRYTON_HOME:-/tmp/tryton-ci}"
TRYTON_DB="${TRYTON_DB:-tryton}"
TRYTON_ADMIN_PASSWORD="${TRYTON_ADMIN_PASSWORD:-TrytonCI-pass1}"
TRYTON_CHART="${TRYTON_CHART:-fr}"
TRYTON_DB_URI="${TRYTON_DB_URI:-sqlite://}"
TRYTON_CUSTOMERS="${TRYTON_CUSTOMERS:-$HERE/../../mappings/fr-tryton/customers.csv}"
CONF="$TRYTON_HOME/trytond.conf"
PIDFILE="$TRYTON_HOME/trytond.pid"
LOG="$TRYTON_HOME/trytond.log"
# Debian's python: the tryton packages live in /usr/lib/python3/dist-packages
# (a pyenv/venv python3 earlier in PATH would not see them)
PY=/usr/bin/python3

PACKAGES=(tryton-server tryton-proteus
  tryton-modules-account tryton-modules-account-invoice
  tryton-modules-account-fr tryton-modules-company tryton-modules-party
  tryton-modules-currency tryton-modules-account-payment
  tryton-modules-account-statement)

log() { echo "[tryton-setup] $*" >&2; }

apt_retry() {
  # another process may hold the dpkg/apt lock: wait and retry
  local i
  for i in $(seq 1 60); do
    if DEBIAN_FRONTEND=noninteractive "$@" >"$TRYTON_HOME/apt.log" 2>&1; then
      return 0
    fi
    if grep -qi 'lock' "$TRYTON_HOME/apt.log"; then
      log "apt lock busy, retry $i"; sleep 5
    else
      cat "$TRYTON_HOME/apt.log" >&2; return 1
    fi
  done
  return 1
}

cmd_install() {
  mkdir -p "$TRYTON_HOME"
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
      || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then log "packages already installed"; return; fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing: ${missing[*]}"
  local t0=$(date +%s.%N)
  apt_retry $sudo apt-get update
  # --no-install-recommends: avoids postgresql, libreoffice, MTA ...
  apt_retry $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  log "install took $(awk "BEGIN{print $(date +%s.%N) - $t0}") s"
}

write_conf() {
  local port="$1"
  mkdir -p "$TRYTON_HOME/db" "$TRYTON_HOME/attach"
  cat >"$CONF" <<EOF
[database]
uri = $TRYTON_DB_URI
path = $TRYTON_HOME/db
list = False
language = en

[web]
listen = 127.0.0.1:$port
root = $TRYTON_HOME/www

[session]
# seconds of inactivity after which "fresh_session" methods (invoice post)
# answer HTTP 401; default 300
timeout = ${TRYTON_SESSION_TIMEOUT:-3600}

[password]
length = 8

[attachment]
path = $TRYTON_HOME/attach
EOF
}

free_port() {
  $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

cmd_init() {
  command -v trytond-admin >/dev/null || { log "run '$0 install' first"; exit 1; }
  cmd_stop >/dev/null 2>&1 || true
  mkdir -p "$TRYTON_HOME"
  write_conf "${TRYTON_PORT:-8000}"
  local t0=$(date +%s.%N)
  if [[ "$TRYTON_DB_URI" == sqlite* ]]; then
    rm -f "$TRYTON_HOME/db/$TRYTON_DB.sqlite"
    # the SQLite backend needs an existing (empty) file
    : >"$TRYTON_HOME/db/$TRYTON_DB.sqlite"
  else
    # PostgreSQL: the database must exist (createdb), trytond-admin fills it
    log "using $TRYTON_DB_URI; database '$TRYTON_DB' must already exist"
  fi
  local passfile="$TRYTON_HOME/admin.pass"
  printf '%s\n' "$TRYTON_ADMIN_PASSWORD" >"$passfile"; chmod 600 "$passfile"
  local modules=(account_invoice)
  [ "$TRYTON_CHART" = fr ] && modules+=(account_fr)
  log "trytond-admin: init database + activate ${modules[*]}"
  TRYTONPASSFILE="$passfile" trytond-admin -c "$CONF" -d "$TRYTON_DB" \
    -u "${modules[@]}" --activate-dependencies \
    --email admin@example.invalid >"$TRYTON_HOME/admin.log" 2>&1 \
    || { tail -30 "$TRYTON_HOME/admin.log" >&2; exit 1; }
  local t1=$(date +%s.%N)
  log "trytond-admin took $(awk "BEGIN{print $t1 - $t0}") s"
  local years=()
  local this_year; this_year=$(date +%Y)
  for y in ${TRYTON_YEARS:-2026 $this_year $((this_year + 1))}; do years+=(--year "$y"); done
  $PY "$HERE/setup_db.py" --config "$CONF" -d "$TRYTON_DB" \
    --chart "$TRYTON_CHART" --out "$TRYTON_HOME/setup.json" "${years[@]}" \
    --customers "$TRYTON_CUSTOMERS" \
    >"$TRYTON_HOME/setup_db.log" 2>&1 \
    || { tail -30 "$TRYTON_HOME/setup_db.log" >&2; exit 1; }
  local t2=$(date +%s.%N)
  log "setup_db.py took $(awk "BEGIN{print $t2 - $t1}") s (total $(awk "BEGIN{print $t2 - $t0}") s)"
  if [[ "$TRYTON_DB_URI" == sqlite* ]]; then
    # keep a pristine copy: a test can reset the DB by copying it back
    cp "$TRYTON_HOME/db/$TRYTON_DB.sqlite" "$TRYTON_HOME/pristine.sqlite"
  fi
}

is_running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

cmd_start() {
  if is_running; then log "already running (pid $(cat "$PIDFILE"))"; return; fi
  local port="${TRYTON_PORT:-$(free_port)}"
  write_conf "$port"
  local t0=$(date +%s.%N)
  # -d preloads the pool of that database so the first request is fast
  setsid trytond -c "$CONF" -d "$TRYTON_DB" --pidfile "$PIDFILE" \
    >"$LOG" 2>&1 </dev/null &
  local url="http://127.0.0.1:$port/"
  for _ in $(seq 1 300); do
    if curl -s -m 2 -H 'Content-Type: application/json' \
        -d '{"id":0,"method":"common.server.version","params":[]}' \
        "$url" 2>/dev/null | grep -q result; then
      break
    fi
    sleep 0.1
  done
  is_running || { log "trytond failed to start"; tail -30 "$LOG" >&2; exit 1; }
  local pid; pid="$(cat "$PIDFILE")"
  cat >"$TRYTON_HOME/env" <<EOF
TRYTON_URL=${url}${TRYTON_DB}/
TRYTON_PORT=$port
TRYTON_PID=$pid
TRYTON_DB=$TRYTON_DB
TRYTON_USER=admin
TRYTON_PASSWORD=$TRYTON_ADMIN_PASSWORD
EOF
  log "trytond pid $pid ready at ${url}${TRYTON_DB}/ after $(awk "BEGIN{print $(date +%s.%N) - $t0}") s"
  cat "$TRYTON_HOME/env"
}

cmd_stop() {
  if is_running; then
    local pid; pid="$(cat "$PIDFILE")"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped pid $pid"
  else
    log "not running"
  fi
  rm -f "$PIDFILE"
}

cmd_status() {
  if is_running; then echo "running pid $(cat "$PIDFILE")"; cat "$TRYTON_HOME/env"; else echo "stopped"; fi
}

case "${1:-all}" in
  install) cmd_install ;;
  init) cmd_init ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  all) cmd_install; cmd_init; cmd_start ;;
  *) echo "usage: $0 {all|install|init|start|stop|status}" >&2; exit 2 ;;
esac
