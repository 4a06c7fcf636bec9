import type { MatrixSummary } from "@/lib/trainer/matrix";
import { VALID_CERTIFICATE_TARGET_PERCENT } from "@/lib/trainer/status";

/** "8,103 of 9,490 people (85.3%) have a valid certificate. Target 95%: 913 more needed." */
export function SummaryLine({ summary, scopeWords = "current people" }: { summary: MatrixSummary; scopeWords?: string }) {
  const needed = Math.max(0, Math.ceil((summary.people * VALID_CERTIFICATE_TARGET_PERCENT) / 100) - summary.valid);
  return (
    <div className={`notice ${summary.meetsTarget ? "notice--success" : "notice--warning"}`} data-testid="summary-line">
      <p>
        <strong>
          {summary.valid.toLocaleString("en-GB")} of {summary.people.toLocaleString("en-GB")} {scopeWords} ({summary.percent}) have a valid certificate.
        </strong>{" "}
        {summary.people === 0
          ? null
          : summary.meetsTarget
            ? `This meets the target of ${VALID_CERTIFICATE_TARGET_PERCENT}%.`
            : `The target is ${VALID_CERTIFICATE_TARGET_PERCENT}%: ${needed.toLocaleString("en-GB")} more ${needed === 1 ? "person needs" : "people need"} one to reach it.`}
      </p>
    </div>
  );
}
