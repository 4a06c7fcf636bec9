// The check that the matrix's bulk SQL agrees with the per-person rule (trainingState), person by
// person: used on random histories (trainer-matrix.test.ts) and on the demo (demo.test.ts).
import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/access";
import { matrixAll, parseMatrixFilters } from "@/lib/trainer/matrix";
import { type PersonStatus, personStatus } from "@/lib/trainer/status";
import { trainingState } from "@/lib/training/state";

/** Checks every person in `ids` and returns the status each one has. */
export async function expectMatrixAgreesWithTrainingState(db: Db, viewer: Viewer, schemeId: number, ids: number[], today: string): Promise<Map<number, PersonStatus>> {
  const rows = new Map((await matrixAll(viewer, schemeId, { ...parseMatrixFilters({}), account: "all" }, { today })).rows.map((r) => [r.id, r]));
  const statuses = new Map<number, PersonStatus>();
  for (const id of ids) {
    const state = await trainingState(id, db.read, today);
    const row = rows.get(id);
    expect(row, `person ${id} is in the matrix`).toBeDefined();
    const expected = personStatus(state.status.status, state.liveCertificate?.expiresOn ?? null, today);
    statuses.set(id, expected);
    expect({ id, status: row!.status, cycle: row!.cycle, isRefresher: row!.isRefresher, cert: row!.certificate.id }).toEqual({
      id,
      status: expected,
      cycle: state.cycle,
      isRefresher: state.isRefresher,
      cert: state.liveCertificate?.id ?? null,
    });
    for (const cell of row!.modules) {
      const completion = state.completions.find((c) => c.moduleSlug === cell.slug);
      expect([id, cell.slug, cell.completedOn, cell.assisted]).toEqual([id, cell.slug, completion?.completedOn ?? null, completion?.assisted ?? false]);
    }
  }
  return statuses;
}
