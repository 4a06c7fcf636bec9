// Brings the database named by the environment up to date: the SQLite file (DATABASE_PATH) or
// PostgreSQL (DATABASE_URL, under the migration advisory lock, so it is safe while instances start).
// The site does this itself at start; this is for deploy pipelines that migrate first.
//   npm run db:migrate
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";

async function main() {
  const started = performance.now();
  const db = await openConfiguredDatabase();
  console.log(`Migrations applied (${db.engine === "postgres" ? "PostgreSQL" : "SQLite"}, ${db.location}) in ${Math.round(performance.now() - started)} ms.`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
