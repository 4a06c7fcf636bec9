// A scheme's own copies of the lesson pages and of the walk-through have signed addresses:
//   /modules/<module>/<page>/scheme/<segment>       (a lesson page)
//   /should-i-share/scheme/<segment>                (the walk-through's start)
//   /should-i-share/scheme/<segment>/<step>         (one step of it)
// where <segment> is "<scheme id>-<revision>-<saved at>-<signature>": the scheme, which save of its
// details the copy shows (the revision, and the moment of that save in base 36, so that a database
// made again from scratch, whose scheme 3 revision 1 is another save, gives other addresses), and an
// HMAC of all that and the page, with a key derived from AUTH_SECRET. So:
// - the address is unguessable: a carer of one scheme cannot reach another scheme's contacts by
//   changing a number; only pages that know who is asking hand these addresses out;
// - proxy.ts refuses any address that was not signed, before it reaches the page cache, which
//   keeps a copy of every address it renders (a flood of made-up addresses would fill the disk);
//   only real pages of real schemes' real revisions can ever be cached;
// - every save gives new addresses, so no app instance can serve an old copy under them (and a
//   copy whose save is no longer the latest shows the page as everyone reads it: see
//   lib/scheme-details/service.ts, localCourseOfPage).
// No server-only import: proxy.ts uses it, with the secret passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

/** One save of a scheme's details: its revision and when it was saved (milliseconds since 1970). */
export type SchemeVersion = { schemeId: number; revision: number; savedAt: number };

const SEGMENT = /^([1-9][0-9]{0,9})-([1-9][0-9]{0,9})-([0-9a-z]{1,11})-([A-Za-z0-9_-]{22})$/;

const derived = new Map<string, Buffer>();

function signature(secret: string, v: SchemeVersion, page: string): string {
  // A key of its own for this use, derived from the site's secret (once per secret).
  let key = derived.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("scheme-pages").digest();
    derived.set(secret, key);
  }
  return createHmac("sha256", key).update(`${v.schemeId}:${v.revision}:${v.savedAt}:${page}`).digest("base64url").slice(0, 22);
}

/** The page a signature covers: "lesson:<module>/<page>", "walkthrough:start" or "walkthrough:<step>". */
export const lessonKey = (moduleSlug: string, pageSlug: string) => `lesson:${moduleSlug}/${pageSlug}`;
export const walkthroughKey = (step: string | null) => `walkthrough:${step ?? "start"}`;

export function signSegment(secret: string, v: SchemeVersion, page: string): string {
  return `${v.schemeId}-${v.revision}-${v.savedAt.toString(36)}-${signature(secret, v, page)}`;
}

/** The scheme and save a segment names, when it is signed for this page; otherwise null. */
export function readSegment(secret: string, segment: string, page: string): SchemeVersion | null {
  const m = SEGMENT.exec(segment);
  if (!m) return null;
  const v = { schemeId: Number(m[1]), revision: Number(m[2]), savedAt: parseInt(m[3]!, 36) };
  // Only the shortest writing of the number: one address per save.
  if (!Number.isSafeInteger(v.savedAt) || v.savedAt.toString(36) !== m[3]) return null;
  const expected = Buffer.from(signature(secret, v, page));
  const given = Buffer.from(m[4]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? v : null;
}

const LESSON_PATH = /^\/modules\/([^/]+)\/([^/]+)\/scheme(?:\/(.*))?$/;
const WALKTHROUGH_PATH = /^\/should-i-share\/scheme(?:\/([^/]*)(?:\/(.*))?)?$/;

/**
 * For an address of a scheme's copy of a page: its segment and the page it must be signed for.
 * Anything after the segment that is not a page (another "/", say) stays in it, so it fails the
 * check. Null for every other address.
 */
export function signedPartOfPath(pathname: string): { segment: string; page: string } | null {
  const lesson = LESSON_PATH.exec(pathname);
  if (lesson) return { segment: lesson[3] ?? "", page: lessonKey(lesson[1]!, lesson[2]!) };
  const walk = WALKTHROUGH_PATH.exec(pathname);
  if (walk) return { segment: walk[1] ?? "", page: walkthroughKey(walk[2] === undefined || walk[2] === "" ? null : walk[2]) };
  return null;
}

/** True for an address of a scheme's copy that was not signed for that page (proxy.ts: "not found"). */
export function isUnsignedSchemePath(secret: string, pathname: string): boolean {
  const part = signedPartOfPath(pathname);
  return part !== null && readSegment(secret, part.segment, part.page) === null;
}
