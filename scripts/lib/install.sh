# Shared by demo.sh and test-all.sh.

# `npm ci` when node_modules is missing or older than the lock file: exactly the locked versions,
# and the lock file is never rewritten. The lock file lists every platform's optional packages
# (@next/swc-darwin-arm64 and the rest), so this works on Linux, macOS and Windows alike; if
# `npm ci` ever says the lock file is out of step with package.json, regenerate it with
# `rm -rf node_modules && npm install --package-lock-only` and commit it.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing dependencies (better-sqlite3 compiles from source where no prebuilt binary can be fetched: about 2 minutes)..."
    npm ci --no-audit --no-fund
  fi
}

# next build when there is no build, or a source file is newer than it.
ensure_build() {
  if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db content public proxy.ts instrumentation.ts mdx-components.tsx next.config.mjs package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
    npx next build
  fi
}
