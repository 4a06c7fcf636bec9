// Runs once when the server starts: check the configuration and bring the database up to date,
// so a bad setting stops the site with a clear message instead of failing on the first request.
export async function register() {
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
  const { openConfiguredDatabase } = await import("./lib/database");
  openConfiguredDatabase();
}
