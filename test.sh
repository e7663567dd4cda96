#!/usr/bin/env bash
# Runs every test of every module (unit, integration, multi-process and kill -9 tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec mvn -B verify "$@"
