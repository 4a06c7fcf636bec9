import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unusedPath } from "@/db/unused-path";

describe("a name for a copy the tools name themselves", () => {
  it("keeps a name nobody has used", () => {
    const dir = mkdtempSync(join(tmpdir(), "unused-"));
    expect(unusedPath(join(dir, "site-2026-12-02T17-42-39Z-before-restore.dump"))).toBe(join(dir, "site-2026-12-02T17-42-39Z-before-restore.dump"));
  });

  it("adds -2, then -3, before the extension when the name is taken (two restores in one second)", () => {
    const dir = mkdtempSync(join(tmpdir(), "unused-"));
    const first = join(dir, "site-2026-12-02T17-42-39Z-before-restore.dump");
    writeFileSync(first, "");
    expect(unusedPath(first)).toBe(join(dir, "site-2026-12-02T17-42-39Z-before-restore-2.dump"));
    writeFileSync(join(dir, "site-2026-12-02T17-42-39Z-before-restore-2.dump"), "");
    expect(unusedPath(first)).toBe(join(dir, "site-2026-12-02T17-42-39Z-before-restore-3.dump"));
  });

  it("adds the number at the end of a name without an extension, even in a folder with a dot", () => {
    const dir = mkdtempSync(join(tmpdir(), "unused.dir-"));
    const taken = join(dir, "copy");
    writeFileSync(taken, "");
    expect(unusedPath(taken)).toBe(join(dir, "copy-2"));
  });
});
