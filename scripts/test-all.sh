#!/usr/bin/env bash
# Installs what the tests need and runs every test: lint (layers, drizzle, un-awaited promises), type
# check, unit and integration (Vitest), then end-to-end (Playwright in Chromium) against a production
# build, each on both engines: the embedded SQLite file and PostgreSQL. A throwaway PostgreSQL
# (scripts/lib/postgres.sh) serves the PostgreSQL half: the whole Vitest suite again, the
# end-to-end journeys, and the PostgreSQL-only tests (migrations under a lock, triggers, TLS,
# db:copy, pg_dump backup and restore). Give TEST_DATABASE_URL to use a server of your own instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

source scripts/lib/install.sh
ensure_node_modules

# A browser for Playwright: Debian's Chromium where there is one (or it can be installed with
# apt as root), otherwise Playwright's own download (needs internet).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -x /usr/bin/chromium ]; then
    export CHROMIUM_PATH=/usr/bin/chromium
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
    [ -x /usr/bin/chromium ] && export CHROMIUM_PATH=/usr/bin/chromium
  fi
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    echo "No system Chromium: asking Playwright to download its own."
    npx playwright install chromium
  fi
fi

# PostgreSQL: Debian's package (installed with apt when root and missing, as Chromium is), started
# in a temporary folder on 127.0.0.1 and a free port, stopped when this script ends. Under CI=true a
# missing PostgreSQL is a failure; elsewhere the PostgreSQL tests are skipped, and said to be.
source scripts/lib/postgres.sh
POSTGRES_TESTS="ran"
if ensure_postgres_installed; then
  start_throwaway_postgres --ssl
  trap stop_throwaway_postgres EXIT
else
  POSTGRES_TESTS="did NOT run (no PostgreSQL here)"
fi

echo "== Lint"
npx eslint .

echo "== Type check"
npx tsc --noEmit

echo "== Unit and integration tests on SQLite (Vitest)"
npx vitest run --config test/vitest.config.mts

if [ "$POSTGRES_TESTS" = "ran" ]; then
  # The same suite again, every test database on PostgreSQL (test/helpers/db.ts, test/pg-global-setup.ts).
  echo "== Unit and integration tests on PostgreSQL (Vitest, TEST_ENGINE=postgres)"
  TEST_ENGINE=postgres npx vitest run --config test/vitest.config.mts
fi

echo "== Production build"
npx next build

echo "== End-to-end tests on SQLite (Playwright)"
started=$SECONDS
npx playwright test --config e2e/playwright.config.ts
echo "   SQLite end-to-end: $((SECONDS - started)) s"

if [ "$POSTGRES_TESTS" = "ran" ]; then
  # The journeys again with the site on PostgreSQL (a fresh database on the throwaway server, on
  # its own port): signing in, invitations, quiz to certificate to public check, the trainer
  # matrix and export, the yearly cycle with the moved clock, and each scheme's own details.
  echo "== End-to-end journeys on PostgreSQL (Playwright, E2E_ENGINE=postgres)"
  # (e2e/playwright.config.ts chooses the journeys when E2E_ENGINE=postgres.)
  started=$SECONDS
  E2E_ENGINE=postgres E2E_PORT=3101 npx playwright test --config e2e/playwright.config.ts
  echo "   PostgreSQL end-to-end: $((SECONDS - started)) s"
fi

echo "== PostgreSQL tests: $POSTGRES_TESTS"
