import type { CertificateCell, ModuleCell } from "@/lib/trainer/status";

/** A module's cell: the status in words (with its colour), the date and the score. */
export function ModuleCellView({ cell }: { cell: ModuleCell }) {
  return (
    <>
      <span className={cell.tag}>{cell.label}</span>
      {cell.assisted ? (
        <>
          {" "}
          <span className="tag tag--blue">Assisted</span>
        </>
      ) : null}
      {cell.dateText ? <span style={{ display: "block" }}>{cell.dateText}</span> : null}
      {cell.scoreText && !cell.assisted ? <span style={{ display: "block" }}>Score {cell.scoreText}</span> : null}
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
