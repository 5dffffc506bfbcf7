#!/usr/bin/env bash
# Installs what the copilot needs to run locally: a PostgreSQL server (15+) with its
# server-dev package, and the pgvector extension. Every step is skipped when already
# satisfied and says what it did. With DATABASE_URL set, nothing is installed: that
# server is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

if [ -n "${DATABASE_URL:-}" ]; then
	say "DATABASE_URL is set; using that server, nothing to install"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
	if pg_config --sharedir >/dev/null 2>&1 && [ -f "$(pg_config --sharedir)/extension/vector.control" ]; then
		say "PostgreSQL with pgvector found"
		exit 0
	fi
	cat >&2 <<'MSG'
setup: this script installs PostgreSQL and pgvector on Debian/Ubuntu only.
setup: install them yourself, then run make again, e.g.
setup:   macOS (Homebrew):  brew install postgresql@16 pgvector
setup:   Fedora/RHEL:       dnf install postgresql-server postgresql-server-devel pgvector
setup: or point DATABASE_URL at a PostgreSQL 15+ server that has the vector extension.
MSG
	exit 1
fi

# The newest installed server wins; 15 is what Debian 12 ships.
pg_major() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sed -E 's#.*/postgresql/([0-9]+)/bin/postgres#\1#' | sort -n | tail -1)
	printf '%s' "$d"
}

apt_updated=""
apt_install() {
	if [ -z "$apt_updated" ]; then
		say "apt-get update"
		$SUDO apt-get update -qq
		apt_updated=1
	fi
	say "installing $*"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

major=$(pg_major)
if [ -z "$major" ]; then
	apt_install postgresql postgresql-contrib
	major=$(pg_major)
else
	say "PostgreSQL $major server found"
fi
if [ -z "$major" ] || [ "$major" -lt 15 ]; then
	say "PostgreSQL 15 or newer is needed (found '${major:-none}')" >&2
	exit 1
fi
PG_CONFIG=/usr/lib/postgresql/$major/bin/pg_config
[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)

if [ ! -f "/usr/include/postgresql/$major/server/postgres.h" ]; then
	apt_install "postgresql-server-dev-$major"
else
	say "postgresql-server-dev-$major found"
fi

sharedir=$("$PG_CONFIG" --sharedir)
if [ -f "$sharedir/extension/vector.control" ]; then
	say "pgvector found ($(sed -nE "s/^default_version = '([^']+)'/\1/p" "$sharedir/extension/vector.control"))"
	exit 0
fi

# Debian's own pgvector package when the release carries it (Debian 13, Ubuntu 24.04 …).
if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
	apt_install "postgresql-$major-pgvector"
	exit 0
fi

# Debian 12 does not carry pgvector: build Debian's source package from the next
# release, fetched through an apt configuration kept inside the project so the
# system's sources stay untouched.
command -v dpkg-source >/dev/null 2>&1 || apt_install dpkg-dev
command -v make >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1 || apt_install build-essential
apt_dir="$PWD/.data/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/src"
cp scripts/apt/pgvector-source.list "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
	-o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "APT::Sandbox::User=root")
say "fetching Debian's pgvector source package (project-local apt config in .data/apt)"
apt-get "${apt_opts[@]}" update -qq
(cd "$apt_dir/src" && rm -rf pgvector-*/ && apt-get "${apt_opts[@]}" source -qq pgvector >/dev/null 2>&1)
srcdir=$(ls -d "$apt_dir"/src/pgvector-*/ | head -1)
say "building pgvector in $srcdir"
make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 || make -C "$srcdir" PG_CONFIG="$PG_CONFIG"
$SUDO make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" install >/dev/null
say "pgvector installed into $sharedir/extension"
