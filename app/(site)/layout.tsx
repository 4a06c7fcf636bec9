import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { getViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";

// Pages in this group know who is signed in, so they render per request.
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      <SiteHeader viewer={viewer} demo={env().demoMode} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
