// Enter the answers from a paper workbook, step 2: the sheet's questions, for the officer to type
// in the answers ticked. Scored by the server when sent (lib/paper/workbook.ts), once.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { orNoAccessAsync, showNotFound } from "@/lib/http-status";
import { parseReference } from "@/lib/paper/reference";
import { workbookView } from "@/lib/paper/workbook";
import { formatDateTime } from "@/lib/trainer/format";
import { EntryForm } from "./entry-form";

export const metadata: Metadata = { title: "Enter the answers from a paper workbook" };

export default async function EntryPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const viewer = await requireRole(["trainer", "staff"], `/support/paper/${reference}`);
  const parsed = parseReference(reference);
  if (!parsed.ok) showNotFound();
  const workbook = await orNoAccessAsync(async () => await workbookView(viewer, parsed.reference));
  return (
    <div className="narrow">
      <Link href={`/support/${workbook.person.id}`} className="back-link">
        Back to {workbook.person.name}
      </Link>
      <span className="caption">Paper workbook {workbook.formattedReference}</span>
      <h1>Enter {workbook.person.name}&apos;s answers</h1>
      <dl className="summary-list">
        <div>
          <dt>Carer</dt>
          <dd>{workbook.person.name}</dd>
        </div>
        <div>
          <dt>Module</dt>
          <dd>{workbook.moduleTitle}</dd>
        </div>
        <div>
          <dt>Reference number</dt>
          <dd className="code-cell">{workbook.formattedReference}</dd>
        </div>
        <div>
          <dt>Printed</dt>
          <dd>
            {formatDateTime(workbook.printedAt)} by {workbook.printedByName}
          </dd>
        </div>
      </dl>
      {workbook.entered ? (
        <div className="notice" role="status">
          <p>
            The answers on this sheet were entered on {formatDateTime(workbook.entered.at)} by {workbook.entered.byName}. A sheet is entered only
            once.
          </p>
          <p>
            <Link href={`/support/paper/${workbook.reference}/result`}>See the result</Link>
          </p>
        </div>
      ) : (
        <>
          <p>
            Check that the reference number at the top of the answer sheet is {workbook.formattedReference}. Then, for each question, choose the
            letter {workbook.person.name} ticked. The answers are scored when you press Score these answers, as an online quiz is, and cannot be
            changed afterwards.
          </p>
          <EntryForm reference={workbook.reference} questions={workbook.questions.map(({ number, title, options }) => ({ number, title, options }))} />
          <p>
            <Link href={`/support/paper/${workbook.reference}/print`}>Print this workbook again</Link>
          </p>
        </>
      )}
    </div>
  );
}
