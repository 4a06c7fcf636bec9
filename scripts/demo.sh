#!/usr/bin/env bash
# Installs what the site needs, builds it, creates and migrates the database, seeds the demo
# accounts, prints them and starts the site on http://localhost:3000 (PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DEMO_MODE=true
export PORT="${PORT:-3000}"
export SITE_URL="${SITE_URL:-http://localhost:$PORT}"

source scripts/lib/install.sh
ensure_node_modules
ensure_build

npx tsx --conditions=react-server scripts/seed-demo.ts
exec npx next start -p "$PORT"
