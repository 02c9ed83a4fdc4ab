#!/usr/bin/env bash
# The whole test suite, as README.md gives it: unit tests, then integration tests against a real MariaDB/MySQL.
# Starts the machine's MariaDB if it is down and gives the tests a fresh database of their own (attendance_it).
set -euo pipefail
cd "$(dirname "$0")/.."

DB_HOST=${TEST_DB_HOST:-127.0.0.1}
DB_PORT=${TEST_DB_PORT:-3306}
mysql_cli() { "$(command -v mariadb || command -v mysql)" -uroot -h"$DB_HOST" -P"$DB_PORT" "$@"; }

if ! mysqladmin -uroot -h"$DB_HOST" -P"$DB_PORT" ping >/dev/null 2>&1; then
  echo "test.sh: MariaDB is not answering on $DB_HOST:$DB_PORT; starting it"
  if command -v start-stop-daemon >/dev/null && [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  else
    echo "test.sh: no MariaDB server found; install mariadb-server or point TEST_DB_HOST at a MySQL 8 server" >&2
    exit 1
  fi
  for _ in $(seq 1 60); do
    mysqladmin -uroot -h"$DB_HOST" -P"$DB_PORT" ping >/dev/null 2>&1 && break
    sleep 1
  done
fi

# The embedded absence and leave forms are tested in a real browser: Debian's Chromium and ChromeDriver.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -d /usr/share/fonts/truetype/noto ]; then
  echo "test.sh: installing Debian's chromium, chromium-driver and Noto fonts (Urdu, Polish in the forms) for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver fonts-noto-core >/dev/null
fi

# The browser tests check every form step with axe-core, fetched from npm into a cache outside the checkout.
if ! command -v npm >/dev/null; then
  echo "test.sh: installing Debian's npm to fetch axe-core for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q npm >/dev/null
fi
AXE_CORE_JS=$(./infra/axe-core.sh)
export AXE_CORE_JS

# The committed OpenAPI file must lint clean (Redocly, recommended rules in redocly.yaml) before anything is built.
./infra/redocly.sh

mysql_cli -e "DROP DATABASE IF EXISTS attendance_it; CREATE DATABASE attendance_it CHARACTER SET utf8mb4"

exec mvn -B -ntp clean verify "$@"
