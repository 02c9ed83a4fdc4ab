#!/usr/bin/env bash
# Never-a-text-twice benchmark (issue 12): first-day texts for SCHOOLS copies of the shared bench school (1,500 pupils,
# absences from its first day's morning), a fake provider taking LATENCY_MS per text, two instances of the service with
# THREADS dispatcher threads each. Prints due time to last text accepted, median/p99 per text, and duplicates (must be 0).
# Needs MariaDB/MySQL at 127.0.0.1:3306 (root) and python3; uses its own database attendance_nevertwice_bench.
# Usage: bench/never-twice.sh [SCHOOLS] [LATENCY_MS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
school=target/bench-school-1500
if [ ! -f "$school/pupils.csv" ]; then
    python3 ../shared/bench/gen_school.py "$school" --pupils 1500 --days 1 --start 2026-11-23 --seed 42
fi
# plain java rather than exec:exec, so that it also runs offline
mvn -B -q -ntp -o -Pbench compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
exec java -Duser.timezone=UTC -DLOG_FORMAT=TEXT -Xmx3g ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/bench.classpath)" \
    uk.openattendance.bench.NeverTwiceBenchmark "${1:-20}" "${2:-1500}" "${3:-4}" "$school"
