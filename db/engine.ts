// Chooses the database engine the query layer speaks to: its dialect (db/dialect.ts) and its tables
// (db/tables.ts). Called once, at start, before the first query; SQLite unless told otherwise.
// (The connection itself, db/client.ts, is still SQLite only: issue 14 adds the pool.)
import { type EngineName, selectDialect } from "./dialect";
import { selectEngineTables } from "./tables";

export function selectEngine(engine: EngineName): void {
  selectDialect(engine);
  selectEngineTables(engine);
}
