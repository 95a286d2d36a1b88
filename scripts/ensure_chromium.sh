#!/bin/sh
# The report's browser tests (tests/test_report_browser.py) drive the system Chromium. Install it
# when it is missing: the Debian package `chromium`, as root or with passwordless sudo. Never fails
# the set-up: when Chromium cannot be installed it says so here, and the browser tests fail with
# the same message (they do not skip), while every other test runs.
#   scripts/ensure_chromium.sh [PATH]     (default /usr/bin/chromium; `make test CHROMIUM=...`)
set -u
chromium="${1:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

explain() {
    echo "WARNING: no Chromium at $chromium ($1). The report's browser tests will fail until it is"
    echo "installed: 'apt-get install chromium' (Debian), or point CHROMIUM at a Chromium or Chrome binary."
}

if ! command -v apt-get >/dev/null 2>&1; then
    explain "this system has no apt-get"; exit 0
fi
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    explain "installing it needs root"; exit 0
fi

echo "Installing Chromium (Debian package chromium) for the report's browser tests ..."
export DEBIAN_FRONTEND=noninteractive
apt="$as_root apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3"
for attempt in 1 2; do
    if $apt update -qq && $apt install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
        break
    fi
    echo "apt-get failed (attempt $attempt)"
    sleep 5
done
if [ -x "$chromium" ]; then
    "$chromium" --version 2>/dev/null || true
elif [ -x /usr/bin/chromium ]; then
    explain "the package installed /usr/bin/chromium instead"
else
    explain "apt-get could not install it"
fi
exit 0
