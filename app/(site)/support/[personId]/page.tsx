// One carer's support page, for their officer: start a supported session on this device, print a
// paper workbook for a module, and the workbooks printed for them with their results. Plain forms.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { orNoAccessAsync, showNotFound } from "@/lib/http-status";
import { workbooksFor } from "@/lib/paper/workbook";
import { carerToSupport } from "@/lib/support/officer";
import { SUPPORTED_SESSION_IDLE_MINUTES } from "@/lib/support/rules";
import { formatDateTime } from "@/lib/trainer/format";
import { parseId } from "@/lib/trainer/scope";
import { printWorkbookAction, startSupportedSessionAction } from "../actions";

export const metadata: Metadata = { title: "Support a carer" };

export default async function CarerSupportPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ personId }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireRole(["trainer", "staff"], `/support/${personId}`);
  const id = parseId(personId);
  if (id === null) showNotFound();
  const carer = await orNoAccessAsync(async () => await carerToSupport(viewer, id));
  const workbooks = await orNoAccessAsync(async () => await workbooksFor(viewer, id));
  return (
    <div className="narrow">
      <Link href="/support" className="back-link">
        Back to Support a carer
      </Link>
      <span className="caption">Support a carer</span>
      <h1>{carer.name}</h1>
      {query.ended ? (
        <div className="notice notice--success" role="status">
          <p>The supported session with {carer.name} has ended. This device is signed in as you again.</p>
        </div>
      ) : null}
      {query.problem === "open" ? (
        <div className="notice notice--error" role="alert">
          <p>A supported session is already open in this browser. End it before you start another.</p>
        </div>
      ) : null}
      {viewer.role === "trainer" ? (
        <p>
          <Link href={`/trainer/people/${carer.id}`}>See {carer.name}&apos;s training record</Link>
        </p>
      ) : null}

      <h2>Do the course together on this device</h2>
      {carer.canStart ? (
        <>
          <p>
            In a supported session this device is {carer.name}&apos;s for the course: they read the lessons and choose the answers to the quizzes,
            with you beside them. Their quiz is scored as if they did it on their own, and it is recorded as done in a supported session with you.
          </p>
          <ul>
            <li>{carer.name} does not need a password.</li>
            <li>Only the course can be used: not their certificates, their data or their account.</li>
            <li>
              It ends when you press End session at the top of the page, or by itself after {SUPPORTED_SESSION_IDLE_MINUTES} minutes without use.
              Then this device is signed in as you again.
            </li>
          </ul>
          <form action={startSupportedSessionAction}>
            <input type="hidden" name="personId" value={carer.id} />
            <button type="submit" className="button">
              Start a supported session with {carer.name}
            </button>
          </form>
        </>
      ) : (
        <p>{carer.name}&apos;s account has been deactivated, so a supported session cannot start.</p>
      )}

      <h2>Paper workbooks</h2>
      <p>
        A workbook is a module&apos;s lessons, then {carer.name}&apos;s own set of questions, and an answer sheet with a reference number. When
        they have ticked their answers, type them in here: they are scored like an online quiz, with the same pass mark and feedback, and
        recorded as done on paper, entered by you.
      </p>
      {carer.active ? (
        <ul className="cards">
          {carer.modules.map((m) => (
            <li key={m.slug} className="card">
              <h3>{m.title}</h3>
              <p className="hint">{m.complete ? "Completed in their current training." : "Not completed yet in their current training."}</p>
              <form action={printWorkbookAction}>
                <input type="hidden" name="personId" value={carer.id} />
                <input type="hidden" name="moduleSlug" value={m.slug} />
                <button type="submit" className="button button--secondary">
                  Print a workbook<span className="visually-hidden">: {m.title}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link href="/support/paper">Enter the answers from a paper workbook</Link>
      </p>

      <h3>Workbooks printed for {carer.name}</h3>
      {workbooks.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Workbooks printed for {carer.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Module</th>
                <th scope="col">Printed</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {workbooks.map((w) => (
                <tr key={w.id}>
                  <td className="code-cell">
                    <Link href={`/support/paper/${w.reference}/print`}>
                      <span className="visually-hidden">Print workbook </span>
                      {w.formattedReference}
                    </Link>
                  </td>
                  <td>{w.moduleTitle}</td>
                  <td>
                    {formatDateTime(w.printedAt)} by {w.printedByName}
                  </td>
                  <td>
                    {w.enteredAt ? (
                      <>
                        Entered {formatDateTime(w.enteredAt)} by {w.enteredByName}: {w.passed ? "passed" : "not passed"}, {w.score} out of {w.total}.{" "}
                        <Link href={`/support/paper/${w.reference}/result`}>
                          See the result<span className="visually-hidden"> of workbook {w.formattedReference}</span>
                        </Link>
                      </>
                    ) : (
                      <Link href={`/support/paper/${w.reference}`}>
                        Enter the answers<span className="visually-hidden"> of workbook {w.formattedReference}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
