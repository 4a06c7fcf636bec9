// Which presses of a link the site opens itself (without reloading the page), and which it leaves to
// the browser. The same rules as next/link's: a plain press with the main button, on a link to this
// site that is not a download and does not open another window or tab.

/** The attribute that marks the site's own page links (see link.tsx). */
export const CLIENT_LINK_ATTRIBUTE = "data-client-link";

export type Press = { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; defaultPrevented: boolean };
export type PressedLink = { href: string; target: string | null; download: boolean };

/**
 * The address to open in place ("/modules/golden-rules?x=1#top"), or null when the browser should
 * do what it always does: a press with Ctrl, Cmd, Shift or Alt (a new tab or window, a download), a
 * middle or right button, a link someone's script already handled, a download, another window or
 * tab, another site or a scheme the router cannot open (mailto:, tel:).
 */
export function clientNavigationHref(press: Press, link: PressedLink, origin: string): string | null {
  if (press.defaultPrevented || press.button !== 0) return null;
  if (press.metaKey || press.ctrlKey || press.shiftKey || press.altKey) return null;
  if (link.download) return null;
  if (link.target !== null && link.target !== "" && link.target.toLowerCase() !== "_self") return null;
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
