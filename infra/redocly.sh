#!/usr/bin/env bash
# Lints the committed OpenAPI file with Redocly's CLI against redocly.yaml (the `recommended` ruleset), so a contract
# error fails the test run before Maven starts. The CLI comes from the npm registry, pinned, into a cache outside the
# checkout, once per version; nothing lands in the repository. Extra arguments go to `redocly lint`.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${REDOCLY_CLI_VERSION:-2.77.0}
DIR=${REDOCLY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/open-attendance}/redocly-$VERSION
BIN="$DIR/node_modules/.bin/redocly"
if [ ! -x "$BIN" ]; then
  command -v npm >/dev/null || { echo "redocly.sh: npm is needed to install @redocly/cli $VERSION" >&2; exit 1; }
  mkdir -p "$DIR"
  # A private package.json keeps npm from walking up into a parent project and from writing one of its own elsewhere.
  [ -f "$DIR/package.json" ] || echo '{"name":"open-attendance-redocly","private":true}' >"$DIR/package.json"
  npm install --prefix "$DIR" --no-audit --no-fund --silent --save-exact "@redocly/cli@$VERSION" >/dev/null
fi
# Redocly would otherwise send usage figures to its own servers, which CI cannot reach and need not.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$BIN" lint --config redocly.yaml "$@" openapi/attendance.yaml
