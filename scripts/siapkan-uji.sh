#!/usr/bin/env bash
# Sets up a fresh machine for the full test run, then the npm packages:
#   chromium               the Excel task pane and the Sheets sidebar run in headless Chromium
#   libreoffice-calc-nogui a real spreadsheet program recalculates the native formulas (bawaan)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi
npm ci
