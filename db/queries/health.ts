import "server-only";
import { getDb } from "../client";

/** Resolves when the database answers a trivial query; rejects when it does not. */
export async function pingDatabase(): Promise<void> {
  await getDb().ping();
}
