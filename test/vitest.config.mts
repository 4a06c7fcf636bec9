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
    pool: "forks",
    testTimeout: 30_000,
  },
});
