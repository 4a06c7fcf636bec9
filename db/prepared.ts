// Statements built once and reused. Building a query with drizzle's builder costs more than running
// it on SQLite (a few hundred microseconds against tens), so the queries every page view runs are
// built once per connection there; on PostgreSQL they are also named on the server, so that each
// pooled connection parses and plans them once (DATABASE_PREPARED_STATEMENTS=off: unnamed). Which of
// the two is the dialect's business (db/dialect.ts): `build` ends with `.prepare()`, and the caller
// runs the statement with `await statement.execute(values)`, which gives the rows on both engines.
import type { DbOrTx } from "./client";
import { dialect } from "./dialect";

export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T {
  return dialect.prepared(db, name, build);
}
