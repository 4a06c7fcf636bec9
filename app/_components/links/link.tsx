import type { AnchorHTMLAttributes } from "react";
import { CLIENT_LINK_ATTRIBUTE } from "./client-link-rules";

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * The site's link to one of its pages: a plain <a>, marked so that, once the page's script has
 * loaded, pressing it opens the page without reloading the whole site (ClientLinks, in every
 * header). Without JavaScript it is an ordinary link.
 *
 * Why not next/link: it is a client component, so every link on a page was sent twice (in the
 * page and in the data React rebuilds it from) and drawn and then started up again in the browser
 * one by one. Measured on 2 December, the dozen links on My training cost the server about 0.45 ms
 * of its 4.7 ms a view. next/link also fetched every linked page in the background (26 KB on a
 * carer's phone from a lesson page); these links fetch a page only when pressed. Import this, not
 * `next/link` (a lint rule says so).
 */
export function Link(props: LinkProps) {
  return <a {...props} {...{ [CLIENT_LINK_ATTRIBUTE]: "" }} />;
}
