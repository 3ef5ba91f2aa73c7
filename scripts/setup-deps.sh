#!/usr/bin/env bash
# Installs what Baosong needs to build, run and test on Debian 12, from Debian's packages only.
# Idempotent: packages already installed are skipped. Run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build ccache pkg-config
    # Qt 6.4 (Debian 12): core, widgets, SQL (SQLite driver), network, test, translations
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins libgl-dev
    # libraries of the server and core (docs/design.md §6)
    libssl-dev libsodium-dev libboost1.81-dev openssl libgumbo-dev libcurl4-openssl-dev
    # the system SQLite's headers, for the tests' fault-injecting VFS (tests/support/FaultyVfs)
    libsqlite3-dev
    # the client: credentials in the system keychain, the reviewer's diff, PDF text for the slip test
    qtkeychain-qt6-dev libdtl-dev poppler-utils
    # the server's notice channel (WebSocket) on the client, and .docx import (the zip)
    qt6-websockets-dev libzip-dev
    # the oversight charts (statistics per unit)
    qt6-charts-dev libqt6opengl6-dev
    # the statistics as an XLSX workbook
    libxlsxwriter-dev
    # a private D-Bus session for the credentials test (dbus-run-session), with a real keychain on it
    dbus-daemon gnome-keyring
    # the scalable store, and the throwaway cluster the tests run PostgreSQL against
    postgresql
    # headless GUI runs, screenshots, and the Simplified Chinese font
    xvfb xauth fonts-noto-cjk imagemagick
    # headless browser for the public site test (tst_server_site)
    chromium
    # the Debian packages (cpack's DEB generator, dpkg-shlibdeps; tst_packages)
    dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
