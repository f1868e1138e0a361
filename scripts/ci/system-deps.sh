#!/usr/bin/env bash
# The Debian 12 packages the test suite needs, installed when missing (as root) or named when they cannot be:
# redis-server (each test run starts its own), chromium (the dashboard's browser tests), openssl (the LND
# double's TLS certificate), shellcheck (the shell scripts are linted by a test). Used by `npm test` and .ci/run,
# so a missing tool stops the run here with its name instead of failing or skipping a test later.
set -uo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]}; the tests need them. On Debian, as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing from Debian: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq; then
  echo "system-deps: apt-get update failed; still missing ${missing[*]}" >&2
  exit 1
fi
if ! apt-get install -y -qq "${missing[@]}" >/dev/null; then
  echo "system-deps: could not install ${missing[*]}" >&2
  exit 1
fi
