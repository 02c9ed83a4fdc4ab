#!/usr/bin/env bash
# Letter benchmark (issue #5): a half-termly letter run for a 1,500-pupil school (7 weeks of marks from
# ../shared/bench/gen_school.py), drafts/s, PDFs/s, bulk approval, emailing and a 200-letter print run's size;
# writes docs/letter-example.png (the first page of one letter). Needs MariaDB/MySQL; database from BENCH_DB_HOST, BENCH_DB_PORT
# (127.0.0.1:3306), BENCH_DB_NAME, BENCH_DB_USER/PASSWORD or BENCH_MYSQL_URL: only it is dropped and recreated; by default
# uses its own database attendance_letter_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${GEN_SCHOOL:-../shared/bench/gen_school.py}
DATA=target/bench-letters
mkdir -p "$DATA"
[ -f "$DATA/marks.csv" ] || python3 "$GEN" "$DATA" --pupils 1500 --days 35 --start 2025-09-01 --seed 42
mvn -B -q -ntp -Pbench compile exec:exec -Dbench.main=uk.openattendance.bench.LetterBenchmark -Dbench.args="$DATA docs/letter-example.png"
