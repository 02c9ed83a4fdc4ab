#!/usr/bin/env bash
# Fetches axe-core (the accessibility checker the browser tests inject into each form step) from the npm registry
# into a cache outside the checkout, once per version, and prints where axe.min.js is. Nothing lands in the repository.
set -euo pipefail
VERSION=${AXE_CORE_VERSION:-4.14.1}
DIR=${AXE_CORE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/open-attendance}/axe-core-$VERSION
if [ ! -s "$DIR/axe.min.js" ]; then
  command -v npm >/dev/null || { echo "axe-core.sh: npm is needed to fetch axe-core $VERSION" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "axe-core@$VERSION" >/dev/null && tar -xzf "axe-core-$VERSION.tgz")
  mkdir -p "$DIR"
  cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$DIR/"
fi
echo "$DIR/axe.min.js"
