// Write transactions that await, on a real database file: two "requests" in one process, one
// paused in the middle of its transaction. The other's reads must not see the uncommitted rows and
// its writes must wait; a throw rolls everything back; a nested writeTransaction fails loudly.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase, useDatabase, writeTransaction } from "@/db/client";
import { findSchemeByName, insertScheme, listSchemes } from "@/db/queries/people";
import { rawConnection } from "@/db/raw";

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "transactions-"));
  db = openDatabase(join(dir, "tx.db"));
  useDatabase(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

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
    const b = insertScheme("B's scheme").then((row) => {
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
    expect(rawConnection(db).inTransaction).toBe(false);
    await insertScheme("After");
    expect((await listSchemes()).map((s) => s.name)).toEqual(["After"]);
  });

  it("runs writers one at a time, in order, each seeing the last one's committed rows", async () => {
    const order: string[] = [];
    await Promise.all(
      ["one", "two", "three"].map((name) =>
        writeTransaction(async (tx) => {
          order.push(`start ${name}`);
          const before = (await listSchemes(tx)).length;
          await tick();
          await insertScheme(`Scheme ${name}`, tx);
          order.push(`end ${name} after ${before}`);
        }),
      ),
    );
    expect(order).toEqual(["start one", "end one after 0", "start two", "end two after 1", "start three", "end three after 2"]);
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

  it("keeps the read connection read-only", async () => {
    expect(() => db.read.run(sql.raw("insert into schemes (name) values ('sneaky')"))).toThrow();
    expect(await listSchemes()).toEqual([]);
  });
});
