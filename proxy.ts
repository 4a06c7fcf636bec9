import { type NextRequest, NextResponse } from "next/server";

// A convenience only: sends visitors with no session cookie to sign in before they reach a
// signed-in area. It does not decide who may see what; every page, action and route handler checks
// the session against the database itself (lib/auth/viewer.ts). Decoding or refreshing the session
// here would re-issue the cookie on every request and cost a gated page about 5x its throughput.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasCookie) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url, 303);
}

export const config = {
  matcher: ["/my/:path*", "/trainer/:path*", "/admin/:path*", "/modules/:path*", "/certificates/:path*", "/dashboard"],
};
