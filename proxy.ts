import { type NextRequest, NextResponse } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { isUnsignedSchemePath } from "@/lib/scheme-details/page-keys";
import { SUPPORTED_HINT_COOKIE, supportedTwin } from "@/lib/support/hint";

// Five small jobs, none of them authorization:
//
// 1. A convenience: visitors with no session cookie are sent to sign in before they reach a
//    signed-in area. It does not decide who may see what; every page, action and route handler
//    checks the session against the database itself (lib/auth/viewer.ts). Decoding or refreshing
//    the session here would re-issue the cookie on every request and cost a gated page about 5x.
// 2. Bodies of a megabyte or more are refused with 413 (Next.js would run out its own limit on a
//    server action with a 500). The matcher only calls the proxy for such requests.
// 3. HTTP status codes for pages that must work without JavaScript. A page that calls notFound()
//    gets a 404 but an empty body in browsers without JavaScript (vercel/next.js#62228), so such
//    pages redirect to a plain page and the status is set here.
// 4. A scheme's own copies of the lesson pages and the walk-through (…/scheme/<segment>) are cached
//    pages, one per address: an address whose signature is wrong is answered "not found" here, so
//    made-up addresses never reach the page cache (lib/scheme-details/page-keys.ts). A signature
//    check, not authorization: the signed address is the capability, handed out only to the scheme's
//    own people by pages that check who they are.
// 5. In a supported session (lib/support/), the static course pages are served by their per-request
//    twins under /supported-view, which carry the supported-session banner. The hint cookie only
//    picks the route; who the browser is still comes from the database. Other visitors never pay
//    for it: the matcher calls the proxy for these pages only when the hint cookie is there.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const GATED = /^\/(my|trainer|admin|modules|certificates|dashboard|support)(\/|$)/;
/** lib/support/hint.ts's cookie name, repeated in the matcher below (which Next reads at build time). */
const SUPPORTED_HINT = SUPPORTED_HINT_COOKIE;
const STATUS_PAGES: Record<string, number> = { "/verify/not-found": 404, "/page-not-found": 404, "/no-access": 403 };

/** Bodies this large are refused before they reach a page or action (Next answers them with a 500). */
const MAX_BODY_BYTES = 1_000_000;

let sharedSecret: string | undefined;
const secret = () => (sharedSecret ??= authSecret());

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (Number(request.headers.get("content-length") ?? 0) >= MAX_BODY_BYTES) {
    return new NextResponse("That is too much to send at once.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (isUnsignedSchemePath(secret(), pathname)) {
    return NextResponse.rewrite(new URL("/page-not-found", request.url), { status: 404 });
  }
  const status = Object.hasOwn(STATUS_PAGES, pathname) ? STATUS_PAGES[pathname] : undefined;
  // (Next.js treats this rewrite as external when started with `-H 127.0.0.1`, because it turns
  // loopback addresses into "localhost": start it without -H, or with -H 0.0.0.0 or a name.)
  if (status) return NextResponse.rewrite(new URL(`${pathname}${search}`, request.url), { status });
  if (request.cookies.has(SUPPORTED_HINT) && SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const twin = supportedTwin(pathname);
    if (twin) return NextResponse.rewrite(new URL(`${twin}${search}`, request.url));
  }
  if (!GATED.test(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(url, 303);
}

// The proxy runs only where it has work: gated paths without a session cookie (so a static lesson
// page requested with a cookie never pays for it), and the status pages. Next reads this config
// at build time, so it must be written out in full.
export const config = {
  matcher: [
    {
      source: "/:area(my|trainer|admin|modules|certificates|dashboard|support)/:path*",
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
    // Every request for a scheme's copy of a page, with or without a session cookie (item 4).
    "/modules/:module/:page/scheme/:path*",
    "/should-i-share/scheme/:path*",
    // A supported session's static course pages (5): only with the hint cookie.
    { source: "/:area(modules|should-i-share|glossary|about)/:path*", has: [{ type: "cookie", key: "sl-supported" }] },
    "/verify/not-found",
    "/page-not-found",
    "/no-access",
    { source: "/:path*", has: [{ type: "header", key: "content-length", value: "[1-9][0-9]{6,}" }] },
  ],
};
