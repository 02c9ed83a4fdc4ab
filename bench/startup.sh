#!/usr/bin/env bash
# Cold start of the packaged service to its first healthy answer, median of 5 runs, against the local MySQL/MariaDB.
# Usage: bench/startup.sh   (builds the jar if missing)
# Settings: BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_NAME (attendance_bench_startup), BENCH_DB_USER (root),
# BENCH_DB_PASSWORD (empty), BENCH_HTTP_PORT (18080). It creates that one database if missing and touches nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_HOST=${BENCH_DB_HOST:-127.0.0.1} DB_PORT=${BENCH_DB_PORT:-3306} DB_NAME=${BENCH_DB_NAME:-attendance_bench_startup}
DB_USER=${BENCH_DB_USER:-root} DB_PASSWORD=${BENCH_DB_PASSWORD:-} HTTP_PORT=${BENCH_HTTP_PORT:-18080}
[[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || { echo "BENCH_DB_NAME: letters, digits and _ only" >&2; exit 2; }
[ -f target/attendance-0.1.0.jar ] || mvn -B -q -ntp -DskipTests package
MYSQL_PWD="$DB_PASSWORD" mariadb -u"$DB_USER" -h"$DB_HOST" -P"$DB_PORT" -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4"
export MYSQL_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME" MYSQL_USER="$DB_USER" MYSQL_PASSWORD="$DB_PASSWORD" DB_SSL_MODE=DISABLED
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 SECRETS_KEY=bench-secrets-key-bench-secrets-key-0123 PORT="$HTTP_PORT"
export LEDGER_KEYS="bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ=" LEDGER_SEAL_PRIVATE_KEY=MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  java -jar target/attendance-0.1.0.jar > "/tmp/startup-$HTTP_PORT-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cold start to first healthy answer (ms): ${times[*]}"
echo "median: ${sorted[2]} ms; jar: $(du -h target/attendance-0.1.0.jar | cut -f1)"
