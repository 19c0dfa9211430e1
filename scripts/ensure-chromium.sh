#!/usr/bin/env bash
# The browser tests (tests/e2e) drive Debian's Chromium through Playwright; browser downloads are
# impossible here, so install the Debian package when it is missing.
set -u
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "Chromium is not installed at $CHROMIUM; installing Debian's 'chromium' package for the browser tests..."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
fi
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; then
    echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null)"
    exit 0
  fi
fi
cat >&2 <<MSG
ERROR: could not install Chromium, which the browser and accessibility tests need.
Install it yourself (Debian/Ubuntu: 'sudo apt-get install chromium') or point CHROMIUM_PATH at a
Chromium or Chrome binary, then run 'make test' again.
MSG
exit 1
