#!/usr/bin/env bash
# Regenerates openapi/attendance.yaml from the controllers (the build writes it at compile time); review and commit the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp compile
generated=$(ls target/classes/META-INF/swagger/*.yml)
cp "$generated" openapi/attendance.yaml
git --no-pager diff --stat -- openapi/attendance.yaml || true
