import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate` to write migration files into db/migrations.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
