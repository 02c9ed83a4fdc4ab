#!/usr/bin/env bash
# Register and figures benchmark (issue #3). Generates shared/bench's synthetic school (1,000 pupils x 190 days =
# 380,000 marks), loads it into a trust of SCHOOLS such schools (default 20) through the service's own CSV imports,
# and prints median and p99 latencies beside plain-JDBC baselines. Needs MariaDB/MySQL.
# Database: BENCH_DB_HOST, BENCH_DB_PORT (127.0.0.1:3306), BENCH_DB_NAME (attendance_bench), BENCH_DB_USER/PASSWORD (root, empty),
# or BENCH_MYSQL_URL; only that database is dropped and recreated.
# Usage: bench/run.sh [SCHOOLS]
set -euo pipefail
cd "$(dirname "$0")/.."
SCHOOLS=${1:-20}
GEN=${GEN_SCHOOL:-../shared/bench/gen_school.py}
DATA=target/bench-data
mkdir -p "$DATA"
[ -f "$DATA/marks.csv" ] || python3 "$GEN" "$DATA" --pupils 1000 --days 190 --start 2025-09-01 --seed 42
mvn -B -q -ntp -Pbench compile exec:exec -Dbench.main=uk.openattendance.bench.RegisterBenchmark -Dbench.args="$DATA $SCHOOLS"
