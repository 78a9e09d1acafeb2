#!/usr/bin/env bash
# Installs what the tests need and runs all of them: typecheck, lint, unit and integration tests, then the
# end-to-end tests in Debian's Chromium. The one command a newcomer (and CI) runs: `npm run test:all`.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing from Debian: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Installing from Debian (needs sudo): ${need_apt[*]}"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
rm -rf test-results
status=0
# Electronegativity exits 0 whatever it finds; this script reads its findings and fails on medium severity or more.
npm run test:electronegativity || status=$?
npm test || status=$?
node scripts/summarize-tests.mjs
exit "$status"
