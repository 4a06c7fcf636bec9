// The PostgreSQL that the PostgreSQL tests use: TEST_DATABASE_URL (and TEST_DATABASE_CA_FILE with
// TLS), which scripts/test-all.sh sets by starting a throwaway server (scripts/lib/postgres.sh).
// Without one, a test file says plainly what did not run, and skips its PostgreSQL part.
export function testPostgres(file: string, whatDidNotRun: string): { baseUrl: string | undefined; caFile: string | undefined } {
  const baseUrl = process.env.TEST_DATABASE_URL;
  const caFile = process.env.TEST_DATABASE_CA_FILE || undefined;
  if (!baseUrl) {
    console.warn(
      `SKIPPED ${file}: TEST_DATABASE_URL is not set, so ${whatDidNotRun}. ` +
        "Start one with scripts/lib/postgres.sh (start_throwaway_postgres) or give TEST_DATABASE_URL.",
    );
  }
  return { baseUrl, caFile };
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
