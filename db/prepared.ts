// Statements prepared once per connection and reused. Building a query with drizzle's builder
// costs more than running it on SQLite (a few hundred microseconds against tens), so the queries
// every page view runs are built once. On PostgreSQL the same name becomes the prepared
// statement's name (drizzle's pg-core `.prepare(name)`).
import type { Conn } from "./client";

const cache = new WeakMap<Conn, Map<string, unknown>>();

export function prepared<T>(db: Conn, name: string, build: (db: Conn, name: string) => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    statements.set(name, statement);
  }
  return statement;
}
