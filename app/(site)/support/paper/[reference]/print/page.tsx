// A paper workbook to print on A4 for a carer: a cover with the reference number and how to use
// it, the module's lessons, the carer's own questions (drawn when it was printed: lib/paper/), and
// the answer sheet with boxes to tick. It shows the options' words, never which one is best, nor
// any feedback: those come with the result, once the answers are typed in and scored.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { ModulePages, printComponentsForOnePrintout } from "@/app/_components/course/module-print";
import { requireRole } from "@/lib/auth/viewer";
import { findModule } from "@/lib/content/course";
import { orNoAccessAsync, showNotFound } from "@/lib/http-status";
import { LETTERS } from "@/lib/paper/answers";
import { parseReference } from "@/lib/paper/reference";
import { workbookView } from "@/lib/paper/workbook";
import { PASS_MARK_PERCENT } from "@/lib/quiz/scoring";
import styles from "../../workbook.module.css";

export const metadata: Metadata = { title: "Paper workbook" };

export default async function WorkbookPrintPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const viewer = await requireRole(["trainer", "staff"], `/support/paper/${reference}/print`);
  const parsed = parseReference(reference);
  if (!parsed.ok) showNotFound();
  const workbook = await orNoAccessAsync(async () => await workbookView(viewer, parsed.reference));
  const courseModule = (await findModule(workbook.moduleSlug))!;
  const name = workbook.person.name;
  return (
    <article className="narrow">
      <div className="no-print">
        <Link href={`/support/${workbook.person.id}`} className="back-link">
          Back to {name}
        </Link>
        <div className="notice">
          <p>
            <strong>To print this workbook,</strong> use your browser&apos;s print option (Ctrl and P together, or Command and P on a Mac). It is
            laid out for A4 paper.
          </p>
          <p>
            Printing records nothing. When {name} has ticked their answers, <Link href={`/support/paper/${workbook.reference}`}>type them in</Link>{" "}
            with the reference number {workbook.formattedReference}.
          </p>
        </div>
      </div>

      <section className={`print-page ${styles.cover}`} aria-labelledby="workbook-title">
        <span className="caption">Shared Lives training: paper workbook</span>
        <h1 id="workbook-title">{workbook.moduleTitle}</h1>
        <p className={styles.for}>For {name}</p>
        <p className={styles.reference}>
          Reference number <strong>{workbook.formattedReference}</strong>
        </p>
        <h2>How to use this workbook</h2>
        <ol>
          <li>Read the pages. Take your time. You can read them with someone if you like.</li>
          <li>Then read each situation and its question, and choose what you should do.</li>
          <li>Tick one box for each question on the answer sheet at the back.</li>
          <li>
            Give the answer sheet to your Shared Lives officer. They type in your answers and give you your result, with what each answer means.
          </li>
        </ol>
        <p>
          There are {workbook.questions.length} questions. To pass, get {PASS_MARK_PERCENT}% or more right.
        </p>
        <h2>About this module</h2>
        <p className="lead">{courseModule.summary}</p>
        <ul>
          {courseModule.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </section>

      <ModulePages courseModule={courseModule} components={printComponentsForOnePrintout()} links={false} />

      <section className="print-page" aria-labelledby="questions-title">
        <h2 id="questions-title">The questions</h2>
        <p>For each question, choose what you should do. Tick your answer on the answer sheet at the back.</p>
        {workbook.questions.map((q) => (
          <section key={q.number} className={styles.question} aria-labelledby={`question-${q.number}`}>
            <h3 id={`question-${q.number}`}>
              Question {q.number}: {q.title}
            </h3>
            <p>{q.situation}</p>
            <p>
              <strong>{q.question}</strong>
            </p>
            <ul className={styles.options}>
              {q.options.map((o) => (
                <li key={o.letter}>
                  <span className={styles.letter}>{o.letter}</span> <span>{o.text}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section className="print-page" aria-labelledby="sheet-title">
        <h2 id="sheet-title">Answer sheet</h2>
        <p className={styles.reference}>
          Reference number <strong>{workbook.formattedReference}</strong>
        </p>
        <dl className="summary-list">
          <div>
            <dt>Name</dt>
            <dd>{name}</dd>
          </div>
          <div>
            <dt>Module</dt>
            <dd>{workbook.moduleTitle}</dd>
          </div>
        </dl>
        <p>Tick one box for each question.</p>
        <table className={styles.grid}>
          <caption className="visually-hidden">Answer sheet: one row for each question, one box for each answer</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {LETTERS.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {workbook.questions.map((q) => (
              <tr key={q.number}>
                <th scope="row">{q.number}</th>
                {LETTERS.map((l, i) => (
                  <td key={l}>
                    {i < q.options.length ? (
                      <>
                        <span className={styles.box} aria-hidden="true" />
                        <span className="visually-hidden">empty box</span>
                      </>
                    ) : (
                      <span className={styles.none}>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">no answer {l} for this question</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.sign}>
          <p>
            Date <span className={styles.line} />
          </p>
          <p>
            Signed ({name}) <span className={styles.line} />
          </p>
        </div>
        <p className="hint">Shared Lives officer: type these answers in at Support a carer, Enter the answers from a paper workbook.</p>
      </section>
    </article>
  );
}
