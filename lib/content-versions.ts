import "server-only";
// Content versions: each certificate records the version it was earned against. When the course
// changes enough, an admin marks an older version as needing retraining, which opens the refresher
// window now for everyone holding a certificate earned against it (lib/refresher.ts, retrainMarkedOn).
import { writeTransaction } from "@/db/client";
import { certificateVersions, insertRetrainVersion, listRetrainVersions } from "@/db/queries/training";
import type { Viewer } from "./access";
import { audit } from "./audit";
import { now } from "./clock";
import { course } from "./content/course";
import { NotAllowed } from "./errors";

export async function contentVersionsForAdmin(viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotAllowed();
  const marked = new Map((await listRetrainVersions()).map((r) => [r.contentVersion, r]));
  const changes = new Map(course.changes.map((c) => [c.version, c.summary]));
  return {
    current: course.version,
    versions: (await certificateVersions()).map((v) => ({
      ...v,
      isCurrent: v.contentVersion === course.version,
      markedAt: marked.get(v.contentVersion)?.markedAt ?? null,
      changes: changes.get(v.contentVersion) ?? null,
    })),
    changes: course.changes,
  };
}

export async function markVersionForRetraining(viewer: Viewer, version: string, reason: string): Promise<{ ok: true } | { ok: false; message: string }> {
  if (viewer.role !== "admin") throw new NotAllowed();
  if (version === course.version) return { ok: false, message: "You cannot mark the current version: people are training against it now" };
  if (!(await certificateVersions()).some((v) => v.contentVersion === version)) return { ok: false, message: "No certificates were earned against that version" };
  return await writeTransaction(async (tx) => {
    if (!await insertRetrainVersion({ contentVersion: version, markedAt: now(), markedBy: viewer.personId, reason }, tx)) {
      return { ok: false as const, message: "That version is already marked as needing retraining" };
    }
    await audit({ actorId: viewer.personId, schemeId: null, action: "marked-version-for-retraining", details: { version, reason } }, tx);
    return { ok: true as const };
  });
}
