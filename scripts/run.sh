#!/usr/bin/env bash
# The run command of the README: installs what is missing, builds, and starts the embedded default —
# for now the client, opening its local store with the demo organization (example data).
# The profile lives in BAOSONG_PROFILE (default: ~/.local/share/Baosong/demo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
bash scripts/build.sh dev
profile="${BAOSONG_PROFILE:-$HOME/.local/share/Baosong/demo}"
mkdir -p "$profile"
client=(build/dev/app/baosong --profile "$profile" --demo "$@")
echo "run: client profile at $profile"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting the client under Xvfb (xvfb-run). Set DISPLAY to see the window."
    exec xvfb-run -a -s "-screen 0 1440x900x24" "${client[@]}"
fi
exec "${client[@]}"
