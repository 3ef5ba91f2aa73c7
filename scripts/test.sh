#!/usr/bin/env bash
# The test command of the README: installs what is missing, builds, and runs every test with CTest.
# Extra arguments go to ctest (e.g. scripts/test.sh -R routeengine).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
bash scripts/build.sh dev
# The server-only configuration (no client, no Widgets) builds too (docs/architecture.md).
bash scripts/check-server-only.sh
# A throwaway PostgreSQL 15 cluster (127.0.0.1:55432) for the PostgreSQL half of the server tests.
eval "$(bash scripts/pg-test-cluster.sh)"
export QT_QPA_PLATFORM=offscreen
ctest --preset dev -j"$(nproc)" "$@"
