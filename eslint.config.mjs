// The house rules that a linter can check, so they hold without anyone remembering them:
// layers go one way (app/ → lib/ → db/), client components never pull in server modules,
// drizzle updates and deletes always have a `where`, and promises are never left un-awaited.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

const SOURCE = /\.(ts|tsx|mts)$/;

/** Files whose first line is "use client": they run in the browser, so lib/ server code must stay out. */
function clientComponentFiles(folders) {
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true })
      .map((name) => join(folder, String(name)))
      .filter((path) => SOURCE.test(path) && /^\s*["']use client["']/.test(readFileSync(path, "utf8"))),
  );
}

// lib/ modules with no server imports, safe in the browser. Add to this list only modules that
// import nothing from the server (no db/, no node:*, no secrets).
const CLIENT_SAFE_LIB = [
  "@/lib/form-state",
  // A scheme's details: the settings page's preview draws the same panels as the course.
  "@/lib/scheme-details/form",
  "@/lib/scheme-details/points",
];

/**
 * The gitignore-style exceptions that let client components import CLIENT_SAFE_LIB: a file in a
 * folder needs its folder let back in first (then the folder's other files shut out again), since
 * "@/lib/**" shuts out the folder itself.
 */
function clientSafeExceptions(names) {
  const out = [];
  for (const name of names) {
    const folder = name.split("/").slice(0, -1).join("/");
    if (folder !== "@/lib" && !out.includes(`!${folder}`)) out.push(`!${folder}`, `${folder}/*`);
  }
  return [...out, ...names.map((name) => `!${name}`)];
}

const noDatabaseFromApp = {
  group: ["@/db", "@/db/**", "**/db/**"],
  message: "app/ reads data through lib/, which checks who may see it. Add a lib/ function instead.",
};
/** Links to the site's pages go through app/_components/links/link.tsx (why: its comment). */
const noNextLink = {
  name: "next/link",
  message: 'Use { Link } from "@/app/_components/links/link": a plain link that still opens pages without reloading, and does not prefetch.',
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
      "db/migrations/**",
    ],
  },
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      // A forgotten `await` loses errors and races the response: the async data layer relies on these.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [noNextLink], patterns: [noDatabaseFromApp] }],
    },
  },
  {
    files: clientComponentFiles(["app", "lib"]),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [noNextLink],
          patterns: [
            noDatabaseFromApp,
            {
              group: ["@/lib/**", ...clientSafeExceptions(CLIENT_SAFE_LIB)],
              message:
                "A client component runs in the browser: import only client-safe lib/ modules (see CLIENT_SAFE_LIB in eslint.config.mjs).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib", "@/lib/**", "@/app", "@/app/**", "**/lib/**", "**/app/**"],
              message: "db/ is the bottom layer: it may not import lib/ or app/. Pass what it needs as arguments.",
            },
          ],
        },
      ],
    },
  },
  {
    // The query layer is written once for both engines: better-sqlite3's synchronous calls
    // (.all(), .get(), .run(), .values()) exist only on SQLite. Use await, first(), d.rows(), d.changes().
    files: ["db/queries/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(all|run)$/]:not([callee.object.name='Promise'])",
          message: "SQLite-only call: write `await query` (rows), d.rows(db, sql`…`) or d.changes(await write) so it runs on PostgreSQL too.",
        },
      ],
    },
  },
  {
    // Configuration is read and checked in one place, lib/env.ts. db/client.ts reads DATABASE_PATH
    // itself because db/ may not import lib/.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.ts", "db/**/*.ts", "scripts/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", "db/client.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts, which validates it." },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts: the same safety rules, fewer of the production ones.
    files: ["test/**", "e2e/**", "bench/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-explicit-any": "off",
      // Not React: db/client's useDatabase() is a plain function that only looks like a hook.
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    // Plain JavaScript files (configs, helpers) are not in the TypeScript project.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
);
