#!/usr/bin/env bash
# Notification benchmark (issue #4): first-day texts for SCHOOLS schools of PUPILS pupils with 5% unexplained absence,
# timed from the first-text job to the last text accepted by a local fake of Twilio's API; then signed inbound replies
# per second through the webhook. Needs MariaDB/MySQL; database from BENCH_DB_HOST, BENCH_DB_PORT (127.0.0.1:3306), BENCH_DB_NAME
# (attendance_notify_bench), BENCH_DB_USER/PASSWORD or BENCH_MYSQL_URL: only it is dropped and recreated. BENCH_SMTP_PORT (2525).
# Usage: bench/notify.sh [SCHOOLS] [PUPILS] [DISPATCHER_THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Pbench compile exec:exec -Dbench.main=uk.openattendance.bench.NotifyBenchmark \
    -Dbench.args="${1:-20} ${2:-1500} ${3:-4}"
