"use client";

// Opens the site's own links (link.tsx) without reloading the page: one listener for the whole
// document instead of a client component for every link. Every header renders it, so every page
// with links has it once. Before the script has loaded, and without JavaScript, links simply load
// their page.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { CLIENT_LINK_ATTRIBUTE, clientNavigationHref } from "./client-link-rules";

export function ClientLinks() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest(`a[${CLIENT_LINK_ATTRIBUTE}]`) : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      const href = clientNavigationHref(event, { href: link.href, target: link.getAttribute("target"), download: link.hasAttribute("download") }, window.location.origin);
      if (href === null) return;
      event.preventDefault();
      router.push(href);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
