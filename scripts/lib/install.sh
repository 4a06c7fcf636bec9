# Shared by demo.sh and test-all.sh.

# npm install when node_modules is missing or older than the lock file. (Not `npm ci`: the lock
# file is written without other platforms' optional packages on some set-ups, which `npm ci`
# refuses; `npm install` still installs the locked versions.)
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing dependencies (better-sqlite3 compiles from source where no prebuilt binary can be fetched: about 2 minutes)..."
    npm install --no-audit --no-fund
  fi
}

# next build when there is no build, or a source file is newer than it.
ensure_build() {
  if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db content public proxy.ts instrumentation.ts mdx-components.tsx next.config.mjs package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
    npx next build
  fi
}
