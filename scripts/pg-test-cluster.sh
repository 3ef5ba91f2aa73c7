#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the server store's tests (tests/tst_server_store.cpp).
#
#   scripts/pg-test-cluster.sh          start it (if it isn't running) and print
#                                       `export BAOSONG_TEST_PG=...` for the caller to eval
#   scripts/pg-test-cluster.sh stop     stop it and delete its directory
#
# The cluster lives in ${BAOSONG_PG_DIR:-/tmp/baosong-pg-<uid>} and listens only on 127.0.0.1, port
# ${BAOSONG_PG_PORT:-55432} (plus a Unix socket inside that directory). PostgreSQL never runs as
# root: run as root, the script uses the `postgres` account (runuser); run as anyone else, it runs
# the server as that user. It creates the role `baosong` (random password, kept in the directory)
# and the database `baosong_test` owned by it; the role may create databases (a test can make its
# own next to it, so that tests running at the same time keep apart). Progress goes to stderr, the
# export line to stdout:
#
#   eval "$(scripts/pg-test-cluster.sh)"
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${BAOSONG_PG_PORT:-55432}
DIR=${BAOSONG_PG_DIR:-/tmp/baosong-pg-$(id -u)}
DATA="$DIR/data"
LOG="$DIR/server.log"
PASSWORD_FILE="$DIR/password"
ROLE=baosong
DATABASE=baosong_test

say() { echo "pg-test-cluster: $*" >&2; }
die() {
    say "$*"
    exit 1
}

if [[ $(id -u) -eq 0 ]]; then
    OWNER=postgres
    id -u "$OWNER" >/dev/null 2>&1 || die "there is no 'postgres' account: install the postgresql package"
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
    die "PostgreSQL 15 is not installed ($PG_BIN/initdb missing): apt-get install postgresql"

# The directory must be ours: a directory someone else made in /tmp is never used.
check_dir() {
    local owner
    owner=$(stat -c %U "$DIR")
    [[ "$owner" == "$OWNER" ]] || die "$DIR belongs to '$owner', not '$OWNER'; remove it or set BAOSONG_PG_DIR"
}

running() {
    [[ -d "$DATA" ]] && as_owner "$PG_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

psql_admin() {
    as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres "$@"
}

print_export() {
    local password
    password=$(cat "$PASSWORD_FILE")
    echo "export BAOSONG_TEST_PG='host=127.0.0.1 port=$PORT dbname=$DATABASE user=$ROLE password=$password'"
}

stop_cluster() {
    if [[ ! -e "$DIR" ]]; then
        say "no cluster in $DIR"
        return 0
    fi
    check_dir
    if running; then
        as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null
        say "stopped"
    fi
    rm -rf -- "$DIR"
    say "removed $DIR"
}

start_cluster() {
    if [[ -e "$DIR" ]]; then
        check_dir
    else
        mkdir -m 700 -- "$DIR"
        [[ "$OWNER" == "$(id -un)" ]] || chown "$OWNER": "$DIR"
    fi

    if [[ ! -s "$DATA/PG_VERSION" ]]; then
        rm -rf -- "$DATA"
        say "creating a cluster in $DATA"
        # Trust only on the Unix socket, which is in a directory only the owner can enter; TCP needs
        # the password.
        as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 ||
            die "initdb failed; see $DIR/initdb.log"
    fi
    if [[ ! -s "$PASSWORD_FILE" ]]; then
        (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$PASSWORD_FILE")
        [[ "$OWNER" == "$(id -un)" ]] || chown "$OWNER": "$PASSWORD_FILE"
    fi

    if running; then
        say "already running on 127.0.0.1:$PORT ($DATA)"
    else
        say "starting on 127.0.0.1:$PORT"
        as_owner "$PG_BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" \
            >/dev/null || die "the server did not start; see $LOG"
    fi
    local tries=0
    until as_owner "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do
        ((++tries <= 60)) || die "the server is not ready after 30 s; see $LOG"
        sleep 0.5
    done

    local password
    password=$(cat "$PASSWORD_FILE")
    if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'") ]]; then
        psql_admin -v pw="$password" <<<"CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD :'pw';"
    else
        psql_admin -v pw="$password" <<<"ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD :'pw';"
    fi
    if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'") ]]; then
        psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8'"
    fi
    say "ready: database $DATABASE, role $ROLE"
    print_export
}

case "${1:-start}" in
start) start_cluster ;;
stop) stop_cluster ;;
*) die "usage: $0 [start|stop]" ;;
esac
