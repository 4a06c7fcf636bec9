// Runs once when the server starts: check the configuration and bring the database up to date,
// so a bad setting stops the site with a clear message instead of failing on the first request.
export async function register() {
  // The one process.env read outside lib/env.ts, on purpose: Next.js replaces NEXT_RUNTIME when it
  // builds, so this literal check is what keeps the Node-only imports below out of the edge build.
  // eslint-disable-next-line no-restricted-properties -- must stay literal for the build to replace it
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      // Throwing here stops `next start` with this message.
      throw new Error(`${error.message}\nSee README.md, "Configuration".`);
    }
    throw error;
  }
  if (env().demoMode) {
    const { demoWarning } = await import("./lib/demo/accounts");
    console.warn(demoWarning());
  }
  const { openConfiguredDatabase } = await import("./lib/database");
  // PostgreSQL: applied under an advisory lock, so instances starting together apply each once.
  const db = await openConfiguredDatabase();
  console.log(`Database: ${db.engine === "postgres" ? "PostgreSQL" : "SQLite"}, ${db.location}`);
}
