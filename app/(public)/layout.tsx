import type { ReactNode } from "react";
import { PublicHeader } from "@/app/_components/site-header";

// Public pages that are the same for everyone, signed in or not: rendered once at build time.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
