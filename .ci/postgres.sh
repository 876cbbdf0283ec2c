#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the head-office tests, on 127.0.0.1 and a free port.
#
#   eval "$(bash .ci/postgres.sh)"   # start; exports AMENDS_TEST_PG_URL and AMENDS_TEST_PG_DATA
#   bash .ci/postgres.sh stop        # stop the cluster named by $AMENDS_TEST_PG_DATA, delete it
#
# Only the export lines go to stdout (so eval is safe); progress goes to stderr. Installs
# Debian's postgresql if no server binaries are found. Root cannot run postgres, so as root
# the cluster runs as the "postgres" user. Authentication is "trust" on 127.0.0.1 only: the
# cluster is for tests, lives in a temp dir and holds nothing worth protecting.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    fi
}

bindir=$(find_bindir)

if [[ "${1:-}" == "stop" ]]; then
    data="${AMENDS_TEST_PG_DATA:-}"
    if [[ -z "$data" || ! -d "$data/data" ]]; then
        log "nothing to stop (AMENDS_TEST_PG_DATA is not a cluster made by this script)"
        exit 0
    fi
    as_owner "$bindir/pg_ctl" -D "$data/data" -m fast -w stop >&2 || true
    rm -rf "$data"
    log "stopped and removed $data"
    exit 0
fi

if [[ -z "$bindir" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        log "PostgreSQL server binaries not found and not root: install Debian's postgresql"
        exit 1
    fi
    log "installing Debian's postgresql"
    # A mirror mid-sync fails one index; the install below still fails loudly if it must.
    apt-get update -qq >&2 || echo "postgres.sh: apt-get update reported errors; going on" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir)
    if [[ -z "$bindir" ]]; then
        log "postgresql installed but no server binaries under /usr/lib/postgresql"
        exit 1
    fi
fi

if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' user to run the server as"
    exit 1
fi

python=python3
if [[ -x .venv/bin/python ]]; then python=.venv/bin/python; fi
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

base=$(mktemp -d "${TMPDIR:-/tmp}/amends-pg.XXXXXX")
chmod 0755 "$base"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$base"; fi

log "initdb in $base (server binaries $bindir)"
as_owner "$bindir/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --no-locale \
    >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; exit 1; }

# fsync off: a test cluster need not survive a power cut, and tests run much faster.
as_owner "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off -c max_connections=200" \
    start >&2 || { cat "$base/server.log" >&2; exit 1; }

psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
# CREATEDB: the tests make a fresh database per test and drop it afterwards.
as_owner "${psql[@]}" -c "CREATE ROLE amends LOGIN CREATEDB" >&2
as_owner "${psql[@]}" -c "CREATE DATABASE amends_test OWNER amends" >&2

log "PostgreSQL ready on 127.0.0.1:$port"
echo "export AMENDS_TEST_PG_URL='postgresql+psycopg://amends@127.0.0.1:$port/amends_test'"
echo "export AMENDS_TEST_PG_DATA='$base'"
