#!/usr/bin/env bash
# The quick start's one entry point on a fresh clone: makes sure Node >= 22 and the dependencies
# are there (and, for `test` and `start`, the browsers), then runs the npm script named.
#   bash scripts/run.sh build | test | start [-- args]
set -uo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "run: $*" >&2
  exit 1
}
[ $# -ge 1 ] || die "usage: bash scripts/run.sh build|test|start [-- args]"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node >= 22 (the project pins 24 LTS in .nvmrc): from the npm registry when the machine's is older.
if [ "$(node_major)" -lt 22 ]; then
  prefix="${HOME}/.cache/counterpoint/node24"
  if [ ! -x "$prefix/bin/node" ]; then
    command -v npm >/dev/null || die "Node.js 22 or newer is needed (https://nodejs.org), and there is no npm to fetch it with"
    echo "run: installing Node 24 from the npm registry into $prefix"
    npm install --global --prefix "$prefix" --no-audit --no-fund node@24 >/dev/null ||
      die "could not install node@24"
  fi
  export PATH="$prefix/bin:$PATH"
fi
[ "$(node_major)" -ge 22 ] || die "Node >= 22 is required"

# Dependencies, when missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || die "npm ci failed"
fi

# Browsers for the end-to-end tests and `start`, from Debian when we may install packages.
if [ "$1" = test ] || [ "$1" = start ]; then
  chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
  # Firefox shows an extension in French only with its French language pack (the locale e2e test).
  langpack=$(ls /usr/lib/firefox-esr/browser/extensions/langpack-fr@* 2>/dev/null | head -n 1)
  if ! command -v "$chromium" >/dev/null || ! command -v "$firefox" >/dev/null || { [ -z "${FIREFOX_PATH:-}" ] && [ -z "$langpack" ]; }; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "run: installing chromium, firefox-esr and its French language pack from Debian"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null || die "apt-get update failed"
      apt-get install -y -qq --no-install-recommends chromium firefox-esr firefox-esr-l10n-fr >/dev/null ||
        die "could not install chromium, firefox-esr and firefox-esr-l10n-fr"
    else
      echo "run: Chromium, Firefox ESR or its French pack is missing (Debian: apt-get install chromium firefox-esr firefox-esr-l10n-fr)" >&2
      echo "run: or point CHROMIUM_PATH / FIREFOX_PATH at them; the e2e suite skips a missing browser" >&2
    fi
  fi
fi

script="$1"
shift
exec npm run --silent "$script" "$@"
