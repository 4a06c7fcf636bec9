import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a phone. The region can take keyboard focus (so it can be
 * scrolled without a mouse) and is named after the table. position: relative keeps visually-hidden
 * text inside the scrolling box, so it cannot widen the page.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label} style={{ position: "relative" }}>
      {children}
    </div>
  );
}
