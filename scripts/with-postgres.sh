#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: scripts/with-postgres.sh COMMAND [ARG…]
#
# The server lives in a fresh temporary folder, listens on 127.0.0.1 only, on a free port, with
# a random password, and is stopped and deleted when the command ends (also when it fails or is
# interrupted). The command sees DATABASE_URL pointing at an empty database `ipsn` whose role is
# a superuser, so pytest-django can create its test_ipsn_* databases (one per xdist worker).
#
# Debian's postgresql package is installed when no server binaries are found (sudo only when
# not root). initdb refuses to run as root, so as root the server runs as the system user
# ipsn-pg, created when missing.
set -euo pipefail

if [ "$#" -eq 0 ]; then
	echo "usage: $0 COMMAND [ARG…]" >&2
	exit 2
fi

pg_bindir() {
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi

if ! BIN=$(pg_bindir); then
	echo "with-postgres: installing Debian's postgresql package" >&2
	"${SUDO[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq postgresql >/dev/null
	BIN=$(pg_bindir) || {
		echo "with-postgres: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin" >&2
		exit 1
	}
fi

# As root the server runs as an unprivileged system user; otherwise as the caller.
AS=()
if [ "$(id -u)" = 0 ]; then
	PG_USER=ipsn-pg
	if ! id -u "$PG_USER" >/dev/null 2>&1; then
		# Another run may create it at the same moment.
		useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
			"$PG_USER" || id -u "$PG_USER" >/dev/null
	fi
	AS=(runuser -u "$PG_USER" --)
fi

# As root, /tmp: the server's user must be able to reach the folder, and TMPDIR may not let it.
if [ "${#AS[@]}" -gt 0 ]; then PARENT=/tmp; else PARENT=${TMPDIR:-/tmp}; fi
TMP=$(mktemp -d "$PARENT/ipsn-pg.XXXXXXXX")
DATA="$TMP/data"
LOG="$TMP/server.log"
STARTED=0

cleanup() {
	local status=$?
	if [ "$STARTED" = 1 ]; then
		"${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$TMP"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${#AS[@]}" -gt 0 ]; then
	chown "$PG_USER" "$TMP"
fi
chmod 700 "$TMP"

PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
PWFILE="$TMP/pwfile"
printf '%s\n' "$PASSWORD" >"$PWFILE"
if [ "${#AS[@]}" -gt 0 ]; then chown "$PG_USER" "$PWFILE"; fi

# C.UTF-8: code-point collation (as SQLite's), full Unicode case mapping.
"${AS[@]}" "$BIN/initdb" -D "$DATA" -U ipsn --pwfile="$PWFILE" --auth=scram-sha-256 \
	--encoding=UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 || {
	cat "$TMP/initdb.log" >&2
	exit 1
}
rm -f "$PWFILE"

# A free port on loopback; if another process takes it first, pg_ctl fails and says so.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Durability is pointless for a server deleted at the end: no fsync makes the tests faster.
"${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
	-o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
	start >/dev/null || {
	cat "$LOG" >&2
	exit 1
}
STARTED=1

PGPASSWORD="$PASSWORD" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U ipsn ipsn

export DATABASE_URL="postgres://ipsn:$PASSWORD@127.0.0.1:$PORT/ipsn"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
# The command runs in the background so that a TERM or INT sent to this script (a cancelled CI
# job, timeout(1)) is passed on at once, rather than after the command ends by itself.
set +e
"$@" <&0 &
CHILD=$!
trap 'kill -TERM "$CHILD" 2>/dev/null' INT TERM
wait "$CHILD"
status=$?
while kill -0 "$CHILD" 2>/dev/null; do
	wait "$CHILD"
	status=$?
done
exit "$status"
