import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate:pg` to write the PostgreSQL migrations into db/migrations-pg.
// Keep db/schema-pg.ts in step with db/schema.ts (test/unit/schema-parity.test.ts checks it), and
// generate both: `npm run db:generate && npm run db:generate:pg`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
});
