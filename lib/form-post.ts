// Helpers for route handlers that take plain HTML form posts (they work without JavaScript).
// Server actions have Next's own origin check; route handlers do not, so they call isSameOriginPost.

/** True when the request did not come from a page on another site. */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return false; // includes "null" (sandboxed frames, some privacy redirects)
    }
    const hosts = [headers.get("host"), headers.get("x-forwarded-host")]
      .flatMap((h) => (h ? h.split(",") : []))
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    return hosts.includes(originHost);
  }
  // No Origin (very old browsers): fall back on Fetch Metadata when the browser sends it.
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/** 303 See Other to a path on this site. Relative, so it is right behind any proxy. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** A short plain-text answer for refused or unknown requests (never a stack trace). */
export function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
