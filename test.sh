#!/usr/bin/env bash
# Runs every test of every module (unit, integration, multi-process and kill -9 tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# the dashboard's browser test drives Debian's chromium (DevTools protocol): install it when missing and we can
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for DashboardTest's headless-browser test" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 \
      || echo "test.sh: could not install chromium; DashboardTest will fail saying so (apt-get install chromium)" >&2
  else
    echo "test.sh: no /usr/bin/chromium; DashboardTest needs it: run 'apt-get install chromium' as root" >&2
  fi
fi
# PairedTestScipyTest checks the significance tests against scipy run live (beside its checked-in golden values)
if ! { python3 -c 'import scipy' || /usr/bin/python3 -c 'import scipy'; } >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's python3-scipy for PairedTestScipyTest's live comparison" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-scipy; } >&2 \
      || echo "test.sh: could not install python3-scipy; PairedTestScipyTest checks the golden values only" >&2
  else
    echo "test.sh: no python3 with scipy; PairedTestScipyTest checks the golden values only (apt-get install python3-scipy)" >&2
  fi
fi
exec mvn -B verify "$@"
