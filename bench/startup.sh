#!/usr/bin/env bash
# Cold start of the packaged service to its first healthy answer, median of 5 runs, against the local MySQL/MariaDB.
# Usage: bench/startup.sh   (builds the jar if missing; uses database attendance_bench_startup)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/attendance-0.1.0.jar ] || mvn -B -q -ntp -DskipTests package
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE IF NOT EXISTS attendance_bench_startup CHARACTER SET utf8mb4"
export MYSQL_URL='jdbc:mysql://127.0.0.1:3306/attendance_bench_startup' MYSQL_USER=root MYSQL_PASSWORD= DB_SSL_MODE=DISABLED
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 SECRETS_KEY=bench-secrets-key-bench-secrets-key-0123 PORT=18080
export LEDGER_KEYS="bench-2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ=" LEDGER_SEAL_PRIVATE_KEY=MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  java -jar target/attendance-0.1.0.jar > /tmp/startup-$i.log 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:18080/health >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cold start to first healthy answer (ms): ${times[*]}"
echo "median: ${sorted[2]} ms; jar: $(du -h target/attendance-0.1.0.jar | cut -f1)"
