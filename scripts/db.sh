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

# shared_buffers holds what a search at 100k chunks reads (HNSW index, chunks, the
# posting index), so a warm server answers from memory (BENCHMARKS.md).
SHARED_BUFFERS=${COPILOT_PG_SHARED_BUFFERS:-1GB}
HUGE="$BASE/huge_pages_reserved"

# reserve_huge_pages makes room for the cluster's shared memory in 2 MB huge pages
# when it may (as root; COPILOT_PG_HUGE_PAGES=off never). Each new connection maps
# the buffers it touches one page at a time; with 4 kB pages on a virtual machine
# whose page faults are slow that costs a new connection's first search ~50 ms, with
# huge pages ~1 ms (BENCHMARKS.md, "huge pages"). PostgreSQL starts with
# huge_pages=try, so a reservation the kernel cannot fill only means normal pages.
# What was added is written down and given back by stop.
reserve_huge_pages() {
	local opts=$1 need free rsvd total add
	[ "${COPILOT_PG_HUGE_PAGES:-on}" = off ] && return 0
	[ "$(id -u)" -eq 0 ] && [ -w /proc/sys/vm/nr_hugepages ] || return 0
	# shellcheck disable=SC2086 # opts is a list of postgres options
	need=$(as_owner "$BIN/postgres" -D "$DATA" $opts -C shared_memory_size_in_huge_pages 2>/dev/null) || return 0
	case $need in '' | *[!0-9]* | 0 | -1) return 0 ;; esac
	free=$(awk '/^HugePages_Free:/ {print $2}' /proc/meminfo)
	rsvd=$(awk '/^HugePages_Rsvd:/ {print $2}' /proc/meminfo)
	add=$((need - (free - rsvd)))
	[ "$add" -gt 0 ] || return 0
	total=$(cat /proc/sys/vm/nr_hugepages)
	echo $((total + add)) >/proc/sys/vm/nr_hugepages 2>/dev/null || return 0
	add=$(($(cat /proc/sys/vm/nr_hugepages) - total))
	[ "$add" -gt 0 ] || return 0
	echo "$add" >"$HUGE"
	say "reserved $add huge pages of 2 MB for the cluster's shared memory (COPILOT_PG_HUGE_PAGES=off to skip; db-stop gives them back)"
}

release_huge_pages() {
	local add total
	[ -f "$HUGE" ] || return 0
	add=$(cat "$HUGE")
	rm -f "$HUGE"
	case $add in '' | *[!0-9]*) return 0 ;; esac
	[ -w /proc/sys/vm/nr_hugepages ] || return 0
	total=$(cat /proc/sys/vm/nr_hugepages)
	[ "$total" -ge "$add" ] || add=$total
	echo $((total - add)) >/proc/sys/vm/nr_hugepages 2>/dev/null || true
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
		opts="-p $PORT -c listen_addresses=127.0.0.1 -k $RUN -c max_connections=200 -c shared_buffers=$SHARED_BUFFERS -c huge_pages=try -c maintenance_work_mem=512MB -c fsync=${COPILOT_PG_FSYNC:-on}"
		reserve_huge_pages "$opts"
		as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "$opts" start >/dev/null
		say "started cluster on 127.0.0.1:$PORT (log: $LOG)"
	fi
	ensure_db "$DB"
}

stop() {
	if [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
		as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
		release_huge_pages
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
