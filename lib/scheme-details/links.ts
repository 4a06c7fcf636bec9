import "server-only";
// Addresses of a scheme's own copies of the course pages (signed: lib/scheme-details/page-keys.ts),
// or of the pages everyone reads when there is no scheme copy to go to.
import { authSecret } from "../auth/secret";
import { lessonPath } from "../lessons";
import { nodePath } from "../walkthrough";
import { type SchemeVersion, lessonKey, readSegment, signSegment, walkthroughKey } from "./page-keys";

let secret: string | undefined;
/** The site's secret, read once: the addresses are signed with a key derived from it. */
export const pageSecret = () => (secret ??= authSecret());

/** A lesson page: the scheme's copy when `scheme` is given, else the page everyone reads. */
export function lessonHref(scheme: SchemeVersion | null, moduleSlug: string, pageSlug: string): string {
  return scheme ? `${lessonPath(moduleSlug, pageSlug)}/scheme/${signSegment(pageSecret(), scheme, lessonKey(moduleSlug, pageSlug))}` : lessonPath(moduleSlug, pageSlug);
}

/** The walk-through's start (`step` null) or one step: the scheme's copy when `scheme` is given. */
export function walkthroughHref(scheme: SchemeVersion | null, step: string | null = null): string {
  if (!scheme) return step ? nodePath(step) : "/should-i-share";
  const segment = signSegment(pageSecret(), scheme, walkthroughKey(step));
  return step ? `/should-i-share/scheme/${segment}/${step}` : `/should-i-share/scheme/${segment}`;
}

/** The scheme and revision of a signed segment for this page (checked again here, not only by proxy.ts). */
export function readLessonSegment(segment: string, moduleSlug: string, pageSlug: string): SchemeVersion | null {
  return readSegment(pageSecret(), segment, lessonKey(moduleSlug, pageSlug));
}

export function readWalkthroughSegment(segment: string, step: string | null): SchemeVersion | null {
  return readSegment(pageSecret(), segment, walkthroughKey(step));
}
