#!/usr/bin/env bash
# Project-local PostgreSQL cluster: data in .data/pg, listening on localhost only, on
# its own port. Usage: db.sh start | stop | url [dbname] | ensure-db NAME | test-db NAME
# With DATABASE_URL set, start/stop do nothing and url prints it.
set -euo pipefail
cd "$(dirname "$0")/.."

# 25432 lies below Linux's ephemeral range (32768-60999 by default): a port inside it
# can be taken as the local end of an outgoing connection (a client's own connection
# to it included) while the cluster is down, and then the cluster cannot start again.
PORT=${COPILOT_PG_PORT:-25432}
BASE="$PWD/.data"
# As root the cluster runs as postgres, which must reach the data directory; when a
# parent folder shuts it out, the cluster lives under /var/tmp instead.
if [ "$(id -u)" -eq 0 ]; then
	mkdir -p "$BASE"
	chmod o+x "$BASE" 2>/dev/null || true
	if ! runuser -u postgres -- test -x "$BASE" 2>/dev/null; then
		BASE="/var/tmp/copilot-pg-$(printf '%s' "$PWD" | md5sum | cut -c1-12)"
		mkdir -p "$BASE"
		chown postgres "$BASE"
	fi
fi
DATA="$BASE/pg"
RUN="$BASE/run"
LOG="$BASE/pg.log"
DB=${COPILOT_DB:-copilot}

say() { printf 'db: %s\n' "$*" >&2; }

bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	if [ -n "$d" ]; then printf '%s' "$d"; else dirname "$(command -v pg_ctl)"; fi
}
BIN=$(bindir)

# PostgreSQL refuses to run as root: when we are root, the cluster belongs to the
# unprivileged postgres user.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# A cluster started before the default port moved keeps its port until it is
# restarted: url and ensure-db follow the port it actually listens on.
if [ -z "${COPILOT_PG_PORT:-}" ] && [ -f "$DATA/postmaster.pid" ] &&
	as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
	running=$(sed -n 4p "$DATA/postmaster.pid")
	if [ -n "$running" ] && [ "$running" != "$PORT" ]; then
		say "cluster runs on port $running, not $PORT; db-stop then db moves it"
		PORT=$running
	fi
fi

url() { printf 'postgres://postgres@127.0.0.1:%s/%s?sslmode=disable\n' "$PORT" "${1:-$DB}"; }

psql_admin() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }

ensure_db() {
	local name=$1
	if ! psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
		psql_admin -d postgres -c "CREATE DATABASE \"$name\""
		say "created database $name"
	fi
	psql_admin -d "$name" -c "CREATE EXTENSION IF NOT EXISTS vector" 2>&1 | grep -v 'already exists' >&2 || true
}

# warn_ephemeral says when PORT lies in the kernel's range of local ports for
# outgoing connections; see PORT above.
warn_ephemeral() {
	local lo hi
	read -r lo hi </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
	if [ "$PORT" -ge "$lo" ] && [ "$PORT" -le "$hi" ]; then
		say "warning: port $PORT is inside the ephemeral range $lo-$hi; a restart can fail while clients reconnect"
	fi
}

start() {
	if [ -n "${DATABASE_URL:-}" ]; then
		say "DATABASE_URL is set; not starting a local cluster"
		return
	fi
	warn_ephemeral
	mkdir -p "$BASE" "$RUN"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres "$RUN"
	fi
	if [ ! -f "$DATA/PG_VERSION" ]; then
		mkdir -p "$DATA"
		[ "$(id -u)" -eq 0 ] && chown postgres "$DATA"
		as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
		say "initialized cluster in $DATA"
	fi
	if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
		say "cluster already running on port $PORT"
	else
		touch "$LOG"
		[ "$(id -u)" -eq 0 ] && chown postgres "$LOG"
		as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
			-o "-p $PORT -c listen_addresses=127.0.0.1 -k $RUN -c max_connections=200 -c shared_buffers=256MB -c maintenance_work_mem=512MB -c fsync=${COPILOT_PG_FSYNC:-on}" start >/dev/null
		say "started cluster on 127.0.0.1:$PORT (log: $LOG)"
	fi
	ensure_db "$DB"
}

stop() {
	if [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
		as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
		say "stopped cluster"
	else
		say "cluster not running"
	fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url)
	if [ -n "${DATABASE_URL:-}" ]; then printf '%s\n' "$DATABASE_URL"; else url "${2:-}"; fi
	;;
ensure-db) ensure_db "$2" ;;
test-db)
	# A test database needs no durable commits: its sessions do not wait for the WAL
	# to reach the disk at each commit (a crash loses at most the last moments, never
	# consistency). Benchmark databases keep the server's default.
	ensure_db "$2"
	psql_admin -d postgres -c "ALTER DATABASE \"$2\" SET synchronous_commit = off"
	;;
*)
	echo "usage: $0 start|stop|url [db]|ensure-db NAME|test-db NAME" >&2
	exit 2
	;;
esac
