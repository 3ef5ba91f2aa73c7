#!/usr/bin/env bash
# Builds the server-only configuration (CMake preset "server": core, the server and their tests, without
# the client library and without Widgets) and checks that baosong-server links no Widgets, GUI, libcurl
# or QtKeychain. scripts/test.sh runs it before the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset server >/dev/null
cmake --build --preset server -j"$(nproc)"
if grep -q 'Qt6::Widgets\|Qt6Widgets' build/server/build.ninja; then
    echo "check-server-only: Widgets appears in the server-only build" >&2
    exit 1
fi
if ldd build/server/server/baosong-server | grep -iE 'widgets|gui|curl|keychain'; then
    echo "check-server-only: baosong-server links a client library (above)" >&2
    exit 1
fi
echo "check-server-only: baosong-server and the server's tests build without the client and Widgets"
