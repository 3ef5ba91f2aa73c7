#!/usr/bin/env bash
# The run command of the README: installs what is missing, builds, and starts the embedded default on
# this one machine:
#   1. baosong-server on SQLite, with a self-signed certificate it generates and the demo organization
#      (example data) imported, serving https://127.0.0.1:8443/api/v1/;
#   2. the client, with the server's address filled in and its certificate already trusted (the
#      embedded default's own certificate), at the sign-in of a demo correspondent.
# The server's data lives in BAOSONG_SERVER_DATA (default ~/.local/share/Baosong/server), the client's
# profile in BAOSONG_PROFILE (default ~/.local/share/Baosong/profiles/embedded). Delete them to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
bash scripts/build.sh dev

server=build/dev/server/baosong-server
data="${BAOSONG_SERVER_DATA:-$HOME/.local/share/Baosong/server}"
profile="${BAOSONG_PROFILE:-$HOME/.local/share/Baosong/profiles/embedded}"
mkdir -p "$data" "$profile"

if [ ! -f "$data/baosong.sqlite" ]; then
    (
        umask 077
        head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$data/admin-password"
    )
    "$server" --data "$data" init --password-file "$data/admin-password"
    # A client profile of an earlier server belongs to that server (its certificate and id): keep it
    # aside, so that the client starts fresh with this one.
    if [ -d "$profile" ] && [ -n "$(ls -A "$profile" 2>/dev/null)" ]; then
        aside="$profile.earlier-server-$(date +%Y%m%d-%H%M%S)"
        mv "$profile" "$aside"
        mkdir -p "$profile"
        echo "run: the client profile of the earlier server was moved to $aside"
    fi
    "$server" --data "$data" import resources/demo-organization.json --passwords-out "$data/demo-passwords.tsv"
fi

"$server" --data "$data" serve &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
# The accounts come after the server's start-up lines: wait until it listens (at most 10 s).
port=$(awk -F= '/^\[server\]/ { s = 1; next } /^\[/ { s = 0 } s && $1 == "port" { print $2; exit }' \
       "$data/baosong-server.ini" 2>/dev/null)
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/${port:-8443}") 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
sleep 0.5 # its last start-up lines (fingerprint, public site) follow the listening socket

echo
echo "run: demo accounts, one per role (example data). Their passwords are in $data/demo-passwords.tsv"
echo "run: (readable only by you); the administrator 'admin' has its password in $data/admin-password."
for role in correspondent unit_head leader_in_charge office_director site_administrator auditor administrator; do
    line=$(grep -v '^#' "$data/demo-passwords.tsv" | awk -F'\t' -v r="$role" '$4 ~ ("(^|,)" r "(,|$)") { print; exit }')
    [ -n "$line" ] && printf '  %-20s %-16s %s\n' "$role" "$(cut -f1 <<<"$line")" "$(cut -f3 <<<"$line")"
done
echo

correspondent=$(grep -v '^#' "$data/demo-passwords.tsv" | awk -F'\t' '$4 ~ /(^|,)correspondent(,|$)/ { print $1; exit }')
correspondent_password=$(grep -v '^#' "$data/demo-passwords.tsv" | awk -F'\t' -v who="$correspondent" '$1 == who { print $2; exit }')
client=(build/dev/app/baosong --profile "$profile" --server 127.0.0.1:8443
        --trust-certificate "$data/server.crt" --login "$correspondent" "$@")
echo "run: the client opens at the sign-in: user name $correspondent, password $correspondent_password"
echo "run: (a correspondent of the example data; the server's certificate is already trusted for it)"
echo "run: client profile at $profile"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting the client under Xvfb (xvfb-run). Set DISPLAY to see the window."
    xvfb-run -a -s "-screen 0 1440x900x24" "${client[@]}"
else
    "${client[@]}"
fi
