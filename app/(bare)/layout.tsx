import type { ReactNode } from "react";

// Bench-only pages (see docs/benchmarks.md): the framework's floor for `npm run bench`. No header, no
// session, no database: only the root layout and a <main> for the skip link to land on.
export default function BareLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1}>
      {children}
    </main>
  );
}
