#!/usr/bin/env bash
# Front-end tools and assets come from npm at build time (package.json, exact versions, lock file);
# install Debian's Node.js and npm when they are missing.
set -u
if command -v npm >/dev/null 2>&1; then
  exit 0
fi
echo "npm is not installed; installing Debian's 'nodejs' and 'npm' packages..."
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nodejs npm >/dev/null; then
    exit 0
  fi
fi
echo "ERROR: could not install npm. Install Node.js 20 or newer with npm and run the command again." >&2
exit 1
