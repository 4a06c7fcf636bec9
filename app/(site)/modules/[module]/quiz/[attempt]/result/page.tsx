import { ListenButton } from "@/app/_components/listen/listen-button";
import { Credits } from "@/app/_components/course/credits";
import { ResultAnswers } from "@/app/_components/quiz/result-answers";
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import { SchemeContactLine, SchemePanel } from "@/app/_components/scheme/scheme-panel";
import { requireViewer } from "@/lib/auth/viewer";
import { ownValue } from "@/lib/own";
import { SCENARIO_POINTS } from "@/lib/scheme-details/points";
import { type LocalCourse, localCourseFor } from "@/lib/scheme-details/service";
import { findModule } from "@/lib/content/course";
import { PASS_MARK_PERCENT } from "@/lib/quiz/scoring";
import { QuizError, resultView } from "@/lib/quiz/service";
import { startQuizAction } from "../../actions";
import { showNotFound } from "@/lib/http-status";

export const metadata: Metadata = { title: "Your quiz result" };

/** Where a scenario's feedback sends the carer to their scheme: who that is, in their scheme. */
function ContactFor({ scenarioId, local }: { scenarioId: string; local: LocalCourse | null }) {
  const point = ownValue(SCENARIO_POINTS, scenarioId);
  return local && point ? <SchemeContactLine details={local.details} point={point} /> : null;
}

export default async function ResultPage({ params }: { params: Promise<{ module: string; attempt: string }> }) {
  const { module: slug, attempt } = await params;
  const viewer = await requireViewer(`/modules/${slug}/quiz/${attempt}/result`, { supportedSession: "allowed" });
  const mod = await findModule(slug);
  if (!mod || !/^\d{1,9}$/.test(attempt)) showNotFound();
  let view;
  try {
    view = await resultView(viewer, slug, Number(attempt));
  } catch (error) {
    if (error instanceof QuizError) showNotFound();
    throw error;
  }
  if (!view) redirect(`/modules/${slug}/quiz/${attempt}/check`);
  const local = await localCourseFor(viewer);
  return (
    <div data-listen>
      <span className="caption">{mod.title}</span>
      <h1>{view.passed ? "You passed" : "You did not pass this time"}</h1>
      <ListenButton />
      <div className={`notice ${view.passed ? "notice--success" : "notice--warning"}`}>
        <p>
          You got <strong>{view.score} out of {view.total}</strong> right ({Math.round((view.score / view.total) * 100)}%). The pass mark is {PASS_MARK_PERCENT}%.
        </p>
        {view.passed ? <p>This module is complete.</p> : <p>Read the feedback below, then try again. You will get different situations.</p>}
      </div>
      <div className="button-group">
        {view.passed ? (
          <Link href="/my" className="button">
            Go to my training
          </Link>
        ) : (
          <form action={startQuizAction}>
            <input type="hidden" name="module" value={slug} />
            <button type="submit" className="button">
              Try again
            </button>
          </form>
        )}
        <Link href={`/modules/${slug}`}>Read the module again</Link>
      </div>
      <h2>Your answers</h2>
      <ResultAnswers rows={view.rows} after={(scenarioId) => <ContactFor scenarioId={scenarioId} local={local} />} />
      {local ? <SchemePanel details={local.details} point="advice" /> : null}
      <Credits sourceIds={view.sourceIds} />
    </div>
  );
}
