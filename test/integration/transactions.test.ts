// Write transactions that await, on a real database file (or a PostgreSQL database): two "requests"
// in one process, one paused in the middle of its transaction. The other's reads must not see the
// uncommitted rows and its decision must wait (SQLite: every writer waits for BEGIN IMMEDIATE;
// PostgreSQL: a decision under the same dialect.lockFor key waits); a throw rolls everything back;
// a nested writeTransaction fails loudly.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase, SqliteDb, type Tx, useDatabase, writeTransaction } from "@/db/client";
import { dialect } from "@/db/dialect";
import { findSchemeByName, insertScheme, listSchemes } from "@/db/queries/people";
import { freshDatabase, onPostgres } from "../helpers/db";

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "transactions-"));
  if (onPostgres) {
    db = await freshDatabase();
  } else {
    db = openDatabase(join(dir, "tx.db"));
    useDatabase(db);
  }
});

afterEach(async () => {
  if (!onPostgres) await db.close(); // PostgreSQL: test/helpers/db.ts drops it
  rmSync(dir, { recursive: true, force: true });
});

/** Decisions about scheme names are serialised: a no-op on SQLite, whose writers already are. */
const lockSchemeNames = (tx: Tx) => dialect.lockFor(tx, "scheme-names");

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("writeTransaction, with another request running meanwhile", () => {
  it("hides uncommitted rows from other reads and makes other writes wait until it commits", async () => {
    const paused = gate();
    const inside = gate();
    // Request A: writes, then awaits (as a request would await mail, hashing or another query).
    const a = writeTransaction(async (tx) => {
      await lockSchemeNames(tx);
      await insertScheme("A's scheme", tx);
      expect(await findSchemeByName("A's scheme", tx)).toBeDefined(); // A sees its own row
      inside.open();
      await paused.wait;
      return "a done";
    });
    await inside.wait;

    // Request B, while A is paused mid-transaction.
    expect(await findSchemeByName("A's scheme")).toBeUndefined();
    expect(await listSchemes()).toEqual([]);
    let bWrote = false;
    const b = writeTransaction(async (tx) => {
      await lockSchemeNames(tx);
      return await insertScheme("B's scheme", tx);
    }).then((row) => {
      bWrote = true;
      return row;
    });
    await tick();
    expect(bWrote).toBe(false); // B's write waits for A's transaction
    expect(await findSchemeByName("B's scheme")).toBeUndefined();

    paused.open();
    expect(await a).toBe("a done");
    await b;
    expect(bWrote).toBe(true);
    expect((await listSchemes()).map((s) => s.name).sort()).toEqual(["A's scheme", "B's scheme"]);
  });

  it("rolls back everything when the callback throws, even after awaiting, and lets the next writer in", async () => {
    await expect(
      writeTransaction(async (tx) => {
        await insertScheme("Doomed one", tx);
        await tick();
        await insertScheme("Doomed two", tx);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await listSchemes()).toEqual([]);
    if (db instanceof SqliteDb) expect(db.client().inTransaction).toBe(false);
    await insertScheme("After");
    expect((await listSchemes()).map((s) => s.name)).toEqual(["After"]);
  });

  it("runs writers one at a time, in order, each seeing the last one's committed rows", async () => {
    const order: string[] = [];
    await Promise.all(
      ["one", "two", "three"].map((name) =>
        writeTransaction(async (tx) => {
          await lockSchemeNames(tx);
          order.push(`start ${name}`);
          const before = (await listSchemes(tx)).length;
          await tick();
          await insertScheme(`Scheme ${name}`, tx);
          order.push(`end ${name} after ${before}`);
        }),
      ),
    );
    // One whole transaction after another (SQLite: in the order asked; PostgreSQL: in the order the lock was granted).
    const names = order.filter((step) => step.startsWith("start ")).map((step) => step.slice(6));
    expect(order).toEqual(names.flatMap((name, i) => [`start ${name}`, `end ${name} after ${i}`]));
    if (!onPostgres) expect(names).toEqual(["one", "two", "three"]);
  });

  it("refuses a nested writeTransaction instead of waiting for its own lock, and joins queries called without the tx", async () => {
    await expect(
      writeTransaction(async () => {
        await writeTransaction(async () => undefined);
      }),
    ).rejects.toThrow(/inside another write transaction/);
    await writeTransaction(async () => {
      await insertScheme("Joined"); // no tx given: runs in this transaction, not deadlocked behind it
      expect(await findSchemeByName("Joined")).toBeDefined(); // and reads inside see it
    });
    expect(await findSchemeByName("Joined")).toBeDefined();
  });

  it.skipIf(onPostgres)("keeps the read connection read-only (SQLite: a query_only connection)", async () => {
    expect(() => (db as SqliteDb).read.run(sql.raw("insert into schemes (name) values ('sneaky')"))).toThrow();
    expect(await listSchemes()).toEqual([]);
  });
});
