#!/usr/bin/env bash
# The Nu HTML checker (tests/checks) runs on Java; install Debian's headless JRE when it is missing.
set -u
if command -v java >/dev/null 2>&1; then
  exit 0
fi
echo "Java is not installed; installing Debian's 'default-jre-headless' package for the HTML checker..."
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq default-jre-headless >/dev/null; then
    echo "Java installed: $(java -version 2>&1 | head -n 1)"
    exit 0
  fi
fi
echo "ERROR: could not install Java, which the HTML checker needs. Install a JRE (Debian: 'sudo apt-get install default-jre-headless') and run 'make test' again." >&2
exit 1
