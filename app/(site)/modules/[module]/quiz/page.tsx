import { Credits } from "@/app/_components/course/credits";
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

import { requireViewer } from "@/lib/auth/viewer";
import { findModule } from "@/lib/content/course";
import { env } from "@/lib/env";
import { attemptsSummary } from "@/lib/quiz/service";
import { PASS_MARK_PERCENT } from "@/lib/quiz/scoring";
import { startQuizAction } from "./actions";
import { showNotFound } from "@/lib/http-status";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizStartPage({ params, searchParams }: { params: Promise<{ module: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { module: slug } = await params;
  const viewer = await requireViewer(`/modules/${slug}/quiz`, { supportedSession: "allowed" });
  const mod = await findModule(slug);
  if (!mod) showNotFound();
  const attempts = await attemptsSummary(viewer, slug);
  const open = attempts.find((a) => !a.submittedAt);
  const count = env().scenariosPerAttempt;
  const problem = (await searchParams).problem;
  return (
    <div className="narrow">
      <Link href={`/modules/${slug}`} className="back-link">
        Back to the module
      </Link>
      <span className="caption">{mod.title}</span>
      <h1>Quiz</h1>
      {problem ? (
        <div className="notice notice--error" role="status">
          <p>We could not start the quiz. Try again, or go back to your training page.</p>
        </div>
      ) : null}
      <p>You will read {count} short situations. For each one, choose what you should do.</p>
      <ul>
        <li>One situation on each page.</li>
        <li>Your answers are saved as you go. You can stop and come back later.</li>
        <li>Before you submit, you can check and change your answers.</li>
        <li>
          To pass, get {PASS_MARK_PERCENT}% or more right. If you do not pass, you can try again with different situations.
        </li>
      </ul>
      <form action={startQuizAction}>
        <input type="hidden" name="module" value={slug} />
        <button type="submit" className="button">
          {open ? "Continue the quiz" : attempts.length ? "Start a new attempt" : "Start the quiz"}
        </button>
      </form>
      {attempts.some((a) => a.submittedAt) ? (
        <>
          <h2>Your attempts</h2>
          <ul>
            {attempts
              .filter((a) => a.submittedAt)
              .map((a) => (
                <li key={a.id}>
                  <Link href={`/modules/${slug}/quiz/${a.id}/result`}>
                    {a.submittedAt!.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })}: {a.score} out of {a.total},{" "}
                    {a.passed ? "passed" : "not passed"}
                  </Link>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <Credits sourceIds={mod.sources} />
    </div>
  );
}
