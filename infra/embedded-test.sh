#!/usr/bin/env bash
# The embedded run command as README gives it, checked end to end (not part of `mvn verify`: it compiles and starts
# the real thing). It runs from a checkout under the temp directory (default: a clone of this one's HEAD in
# $TMPDIR; --here: this checkout, with its data directory under $TMPDIR) and checks:
#   1. first start: time to the first healthy answer, and the demo loader's own "loaded in" figure;
#   2. Ctrl-C (SIGINT to the whole process group, as a terminal sends it): the service's and the database's ports are
#      free within 30 s, and Maven printed no stack trace;
#   3. restart: the data is still there (no reload), and time to healthy;
#   4. SIGTERM to the Maven process alone: both ports free within 30 s.
# Settings: EMBEDDED_TEST_PORT (18090), EMBEDDED_TEST_DB_PORT (33316), EMBEDDED_TEST_DATA (with --here: reuse a data directory). Usage: infra/embedded-test.sh [--here]
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
export PORT=${EMBEDDED_TEST_PORT:-18090} EMBEDDED_DB_PORT=${EMBEDDED_TEST_DB_PORT:-33316}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/attendance-embedded-XXXXXX")
if [ "${1:-}" = "--here" ]; then
  CHECKOUT=$SRC
  # EMBEDDED_TEST_DATA: a data directory a previous run loaded (then the first start is a restart too)
  export EMBEDDED_DB_DIR="${EMBEDDED_TEST_DATA:-$WORK/.embedded-db}"
else
  git clone -q "$SRC" "$WORK/checkout"
  CHECKOUT=$WORK/checkout
  export EMBEDDED_DB_DIR="$CHECKOUT/.embedded-db"
fi
DATA=$EMBEDDED_DB_DIR
set -m   # each start gets its own process group, as a terminal's foreground job does
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
listening() { ss -ltn | grep -qE "127\.0\.0\.1:$1\b"; }
ports_free_within() {
  local until=$(( $(date +%s) + $1 ))
  while listening "$PORT" || listening "$EMBEDDED_DB_PORT"; do
    [ "$(date +%s)" -ge "$until" ] && return 1
    sleep 0.5
  done
}
start() {  # start LOG: runs README's command in the background; sets MVN_PID and SECONDS_TO_HEALTHY
  local log=$1 t0
  t0=$(date +%s%N)
  (cd "$CHECKOUT" && exec mvn -B -ntp -q -Pembedded compile exec:exec) > "$log" 2>&1 &
  MVN_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; do
    kill -0 "$MVN_PID" 2>/dev/null || { fail "the service exited before it was healthy (see $log)"; tail -20 "$log"; return 1; }
    sleep 0.2
  done
  SECONDS_TO_HEALTHY=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $t0) / 1e9 }")
}

listening "$PORT" && { echo "port $PORT is in use: set EMBEDDED_TEST_PORT"; exit 2; }
listening "$EMBEDDED_DB_PORT" && { echo "port $EMBEDDED_DB_PORT is in use: set EMBEDDED_TEST_DB_PORT"; exit 2; }
echo "checkout: $CHECKOUT; data: $DATA; ports $PORT and $EMBEDDED_DB_PORT"

start "$WORK/first.log"
echo "[figure] first start to healthy: ${SECONDS_TO_HEALTHY} s (including compiling)"
grep -o "Demo trust loaded in [0-9.]* s[^.]*" "$WORK/first.log" | sed 's/^/[figure] /' || grep -q "Demo data already loaded" "$WORK/first.log" \
  || fail "the demo loader did not say it loaded"
grep -q "is ready at http://127.0.0.1:$PORT" "$WORK/first.log" || fail "no ready banner"
kill -INT -- "-$MVN_PID"
ports_free_within 30 && echo "ok: Ctrl-C freed ports $PORT and $EMBEDDED_DB_PORT" || fail "something still listens 30 s after Ctrl-C"
wait "$MVN_PID" 2>/dev/null || true
grep -q "BUILD FAILURE\|ExecuteException\|exit value 1[34][03]" "$WORK/first.log" && fail "Maven printed a failure on Ctrl-C"

start "$WORK/second.log"
echo "[figure] restart to healthy: ${SECONDS_TO_HEALTHY} s"
grep -q "Demo data already loaded" "$WORK/second.log" && echo "ok: the data survived the restart under $DATA" || fail "the demo was loaded again: data lost"
kill -TERM "$MVN_PID"
ports_free_within 30 && echo "ok: SIGTERM to Maven alone freed both ports" || fail "something still listens 30 s after SIGTERM to Maven"
wait "$MVN_PID" 2>/dev/null || true

if [ "$failures" -eq 0 ]; then echo "embedded-test: 4 passed, 0 failed"; rm -rf "$WORK"; else echo "embedded-test: $failures failed (logs in $WORK)"; exit 1; fi
