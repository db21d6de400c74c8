#!/usr/bin/env bash
# Installs everything the test suite needs: the project with its test extras,
# and Debian's Chromium (with CJK fonts) for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

python3 -m pip install --quiet --upgrade pip
python3 -m pip install --quiet -e '.[test]'
