#!/usr/bin/env bash
# Register and figures benchmark (issue #3). Generates shared/bench's synthetic school (1,000 pupils x 190 days =
# 380,000 marks), loads it into a trust of SCHOOLS such schools (default 20) through the service's own CSV imports,
# and prints median and p99 latencies beside plain-JDBC baselines writing or reading the same rows, in alternating rounds so
# machine load weighs on both alike, each with the load average; a JFR of the 50-client save rounds is kept under target/
# (register-save-50-clients-round-N.jfr) and its top frames printed. Needs MariaDB/MySQL.
# BENCH_REUSE=1 measures again over the trust an earlier run loaded (the load takes 15-30 minutes at 30 schools); each run
# saves into the next pair of schools no run has saved into (BENCH_SAVE_SCHOOL=index overrides).
# Database: BENCH_DB_HOST, BENCH_DB_PORT (127.0.0.1:3306), BENCH_DB_NAME (attendance_bench), BENCH_DB_USER/PASSWORD (root, empty),
# or BENCH_MYSQL_URL; only that database is dropped and recreated.
# Usage: bench/run.sh [SCHOOLS]
set -euo pipefail
cd "$(dirname "$0")/.."
SCHOOLS=${1:-30}
GEN=${GEN_SCHOOL:-../shared/bench/gen_school.py}
DATA=target/bench-data
mkdir -p "$DATA"
[ -f "$DATA/marks.csv" ] || python3 "$GEN" "$DATA" --pupils 1000 --days 190 --start 2025-09-01 --seed 42
mvn -B -q -ntp -Pbench compile exec:exec -Dbench.main=uk.openattendance.bench.RegisterBenchmark -Dbench.args="$DATA $SCHOOLS"
