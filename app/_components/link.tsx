import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The site's link: Next.js's client-side link, without prefetching. Next.js fetches every page
 * that a link on screen points to, in the background, twice with a new browser cache key. Most of
 * this site's pages are made per request, so each prefetch was a page drawn for nobody: measured
 * in Chromium on 2 December, a lesson page started 10 of them (26 KB on a carer's phone, two of
 * them My training), My certificates 14, My training 8. With none, a link still opens the next
 * page without reloading the whole site; it fetches that page when it is pressed. Import this, not
 * `next/link` (a lint rule says so).
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
