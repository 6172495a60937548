#!/usr/bin/env bash
# Sets up a fresh machine for the full test run: Debian's chromium for the browser tests
# (the Excel task pane and the Sheets sidebar run in headless Chromium), then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi
npm install
