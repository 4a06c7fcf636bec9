import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

import { SchemeContactLine } from "@/app/_components/scheme/scheme-panel";
import { requireViewer } from "@/lib/auth/viewer";
import { ownValue } from "@/lib/own";
import { findCheck, latestCheckAnswer } from "@/lib/progress";
import { lessonHref } from "@/lib/scheme-details/links";
import { CHECK_POINTS } from "@/lib/scheme-details/points";
import { localCourseFor } from "@/lib/scheme-details/service";
import { showNotFound } from "@/lib/http-status";

// Feedback on an in-page knowledge check: the question, the person's latest answer, whether it was
// right, and why for every option. Before they answer (or when they sent no answer), the question
// again as a form, so nothing here gives the answer away first.
type Params = { module: string; checkId: string };
type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }): Promise<Metadata> {
  const [{ module: moduleSlug, checkId }, search] = await Promise.all([params, searchParams]);
  const found = await findCheck(moduleSlug, checkId);
  if (!found) return {};
  return { title: `${search.error === "choose" ? "Error: " : ""}Check what you know: ${found.pageTitle}` };
}

export default async function CheckFeedbackPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const [{ module: moduleSlug, checkId }, search] = await Promise.all([params, searchParams]);
  const found = await findCheck(moduleSlug, checkId);
  if (!found) showNotFound();
  const { check } = found;
  const here = `/modules/${found.moduleSlug}/checks/${check.id}`;
  const viewer = await requireViewer(here, { supportedSession: "allowed" });
  const local = await localCourseFor(viewer);
  const backHref = `${lessonHref(local, found.moduleSlug, found.pageSlug)}#check-${check.id}`;
  const point = ownValue(CHECK_POINTS, check.id);
  const error = search.error === "choose";
  const answer = error || search.again ? null : await latestCheckAnswer(viewer, check.id);

  if (!answer) {
    return (
      <div className="narrow">
        <Link href={backHref} className="back-link">
          Back to the page
        </Link>
        {error ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-testid="error-summary">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>
              <li>
                <a href="#option-0">Choose an answer</a>
              </li>
            </ul>
          </div>
        ) : null}
        <span className="caption">Check what you know: {found.pageTitle}</span>
        <form method="post" action={`/modules/${found.moduleSlug}/checks/${check.id}/answer`}>
          <div className={`form-group${error ? " form-group--error" : ""}`}>
            <fieldset aria-describedby={error ? "option-error" : undefined}>
              <legend>
                <h1>{check.question}</h1>
              </legend>
              {error ? (
                <p className="field-error" id="option-error">
                  <span className="visually-hidden">Error: </span>Choose an answer
                </p>
              ) : null}
              <ul className="choices">
                {check.options.map((option, i) => (
                  <li className="choice" key={i}>
                    <input type="radio" name="option" value={i} id={`option-${i}`} />
                    <label htmlFor={`option-${i}`}>{option.text}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </div>
          <button type="submit" className="button">
            Check my answer
          </button>
        </form>
      </div>
    );
  }

  const chosen = check.options[answer.optionIndex];
  return (
    <div className="narrow">
      <Link href={backHref} className="back-link">
        Back to the page
      </Link>
      <span className="caption">Check what you know: {found.pageTitle}</span>
      <h1>{check.question}</h1>
      <div className={`notice ${answer.correct ? "notice--success" : "notice--warning"}`} role="status">
        <p>
          <strong>{answer.correct ? "Your answer is right." : "Your answer is not the best one."}</strong>
        </p>
        <p>You chose: “{chosen?.text}”</p>
        {chosen ? <p>{chosen.feedback}</p> : null}
        {local && point ? <SchemeContactLine details={local.details} point={point} /> : null}
      </div>
      <p>This check is for practice. It does not count towards your quiz or certificate.</p>
      <h2>What each answer means</h2>
      <ol className="cards">
        {check.options.map((option, i) => (
          <li className="card" key={i}>
            <p>
              <strong>{option.text}</strong>
            </p>
            <p>
              {option.correct ? <span className="tag tag--green">Right answer</span> : <span className="tag tag--grey">Not the best answer</span>}{" "}
              {i === answer.optionIndex ? <span className="tag tag--blue">Your answer</span> : null}
            </p>
            <p>{option.feedback}</p>
          </li>
        ))}
      </ol>
      <div className="button-group">
        <Link href={backHref} className="button">
          Back to the page
        </Link>
        <Link href={`${here}?again=1`}>Answer again</Link>
      </div>
    </div>
  );
}
