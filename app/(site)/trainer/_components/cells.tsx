import type { CertificateCell, ModuleCell } from "@/lib/trainer/status";

/**
 * A module's cell: the status in words (with its colour), the date and the score, and how it was
 * done when not online on their own: assisted, in a supported session, or on paper (with the officer).
 */
export function ModuleCellView({ cell }: { cell: ModuleCell }) {
  return (
    <>
      <span className={cell.tag}>{cell.label}</span>
      {cell.routeTag ? (
        <>
          {" "}
          <span className="tag tag--blue">{cell.routeTag}</span>
        </>
      ) : null}
      {cell.dateText ? <span style={{ display: "block" }}>{cell.dateText}</span> : null}
      {cell.scoreText && !cell.assisted ? <span style={{ display: "block" }}>Score {cell.scoreText}</span> : null}
      {cell.routeText ? <span style={{ display: "block" }}>{cell.routeText.replace(/^./, (c) => c.toUpperCase())}</span> : null}
    </>
  );
}

export function CertificateCellView({ cell }: { cell: CertificateCell }) {
  return (
    <>
      <span className={cell.tag}>{cell.label}</span>
      {cell.dateText ? <span style={{ display: "block" }}>{cell.dateText}</span> : null}
      {cell.assisted ? <span style={{ display: "block" }}>Includes assisted completion</span> : null}
    </>
  );
}
