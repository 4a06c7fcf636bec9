import mdx from "@mdx-js/rollup";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  plugins: [mdx()],
  resolve: { alias: { "@": root } },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    // TEST_ENGINE=postgres: the same suite against PostgreSQL (scripts/test-all.sh runs both).
    globalSetup: ["test/pg-global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // Set-up hooks seed real databases; on a busy 2-core machine that can take more than the default 10 s.
    hookTimeout: 60_000,
  },
});
