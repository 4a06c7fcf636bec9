// The result of a paper workbook, to print and give to the carer: the score, the pass mark and the
// same feedback on every question as an online result (ResultAnswers), and how it was recorded.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { Credits } from "@/app/_components/course/credits";
import { ListenButton } from "@/app/_components/listen/listen-button";
import { ResultAnswers } from "@/app/_components/quiz/result-answers";
import { requireRole } from "@/lib/auth/viewer";
import { orNoAccessAsync, showNotFound } from "@/lib/http-status";
import { parseReference } from "@/lib/paper/reference";
import { workbookResult } from "@/lib/paper/workbook";
import { PASS_MARK_PERCENT } from "@/lib/quiz/scoring";
import { formatDateTime } from "@/lib/trainer/format";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Paper workbook result" };

export default async function WorkbookResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ reference }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireRole(["trainer", "staff"], `/support/paper/${reference}/result`);
  const parsed = parseReference(reference);
  if (!parsed.ok) showNotFound();
  const found = await orNoAccessAsync(async () => await workbookResult(viewer, parsed.reference));
  if (!found) redirect(`/support/paper/${parsed.reference}`);
  const { workbook, result } = found;
  const name = workbook.person.name;
  return (
    <div data-listen>
      <p className="no-print">
        <Link href={`/support/${workbook.person.id}`} className="back-link">
          Back to {name}
        </Link>
      </p>
      {query.entered ? (
        <div className="notice notice--success no-print" role="status">
          <p>The answers are scored and recorded. Print this page for {name}.</p>
        </div>
      ) : null}
      {query.already ? (
        <div className="notice notice--warning no-print" role="status">
          <p>
            These answers had already been entered, on {formatDateTime(workbook.entered!.at)} by {workbook.entered!.byName}. Nothing was entered a
            second time: this is that result.
          </p>
        </div>
      ) : null}
      <span className="caption">
        {workbook.moduleTitle}: paper workbook {workbook.formattedReference}
      </span>
      <h1>{result.passed ? `${name} passed` : `${name} did not pass this time`}</h1>
      <ListenButton />
      <div className={`notice ${result.passed ? "notice--success" : "notice--warning"}`}>
        <p>
          {name} got <strong>{result.score} out of {result.total}</strong> right ({Math.round((result.score / result.total) * 100)}%). The pass mark
          is {PASS_MARK_PERCENT}%.
        </p>
        {result.passed ? (
          <p>This module is complete.</p>
        ) : (
          <p>Read the feedback below together. {name} can try again with a new workbook (different questions), or online.</p>
        )}
        <p>
          Done on paper. The answers were entered by {workbook.entered!.byName} on {formatDateTime(workbook.entered!.at)}.
        </p>
      </div>
      <p className="no-print hint">To print this page, use your browser&apos;s print option.</p>
      <h2>{name}&apos;s answers</h2>
      <ResultAnswers rows={result.rows} chose={`${name} chose`} />
      <Credits sourceIds={result.sourceIds} />
    </div>
  );
}
