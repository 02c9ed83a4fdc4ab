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
# plain java rather than exec:exec, so that it also runs offline and BENCH_JAVA_OPTS (e.g. a flight recording) reach the JVM
mvn -B -q -ntp -o -Pbench compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
exec java -Duser.timezone=UTC -DLOG_FORMAT=TEXT -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/bench.classpath)" \
    uk.openattendance.bench.LetterBenchmark "$DATA" "${LETTER_PNG:-docs/letter-example.png}"
