// The name of the cookie that tells proxy.ts a browser is in a supported session, so that it serves
// the static course pages (lessons, the walk-through) through their per-request twins, which carry
// the supported-session banner. Only a routing hint: who the browser is comes from the database
// (lib/support/session.ts); a stale or forged hint shows the same public pages, rendered per request.
// proxy.ts's matcher repeats the name (Next reads it at build time): test/unit/supported-hint.test.ts.
export const SUPPORTED_HINT_COOKIE = "sl-supported";

/**
 * The per-request twin (under /supported-view) of a static page a supported session reads, or
 * null: a lesson or a module's print view (/modules/<module>/<page>, never /modules/<module>/quiz,
 * which is dynamic already), the "Should I share?" walk-through, the glossary and the about page;
 * and a scheme's cached copy of a lesson or of the walk-through (…/scheme/<segment>, whose signature
 * proxy.ts has checked first), so that the carer's scheme contacts come with the banner too.
 */
export function supportedTwin(pathname: string): string | null {
  if (/^\/modules\/[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}\/scheme\/[A-Za-z0-9_-]{1,80}$/.test(pathname)) return `/supported-view${pathname}`;
  if (/^\/should-i-share\/scheme\/[A-Za-z0-9_-]{1,80}(\/[a-z0-9-]{1,80})?$/.test(pathname)) return `/supported-view${pathname}`;
  if (/^\/modules\/[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}$/.test(pathname) && !pathname.endsWith("/quiz")) return `/supported-view${pathname}`;
  if (/^\/(should-i-share(\/[a-z0-9-]{1,80})?|glossary|about)$/.test(pathname)) return `/supported-view${pathname}`;
  return null;
}
