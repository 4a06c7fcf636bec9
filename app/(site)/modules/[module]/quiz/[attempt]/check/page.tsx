import { Credits } from "@/app/_components/course/credits";
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { findModule } from "@/lib/content/course";
import { QuizError, checkAnswersView } from "@/lib/quiz/service";
import { SubmitForm } from "./submit-form";
import { showNotFound } from "@/lib/http-status";

export const metadata: Metadata = { title: "Check your answers" };

export default async function CheckAnswersPage({ params }: { params: Promise<{ module: string; attempt: string }> }) {
  const { module: slug, attempt } = await params;
  const viewer = await requireViewer(`/modules/${slug}/quiz/${attempt}/check`, { supportedSession: "allowed" });
  const mod = await findModule(slug);
  if (!mod || !/^\d{1,9}$/.test(attempt)) showNotFound();
  let view;
  try {
    view = await checkAnswersView(viewer, slug, Number(attempt));
  } catch (error) {
    if (error instanceof QuizError) showNotFound();
    throw error;
  }
  if (view.submitted) redirect(`/modules/${slug}/quiz/${attempt}/result`);
  const missing = view.rows.filter((r) => !r.chosenText).length;
  return (
    <>
      <Link href={`/modules/${slug}/quiz/${attempt}/${view.rows.length}`} className="back-link">
        Back
      </Link>
      <span className="caption">{mod.title}</span>
      <h1>Check your answers</h1>
      <p>You can change any answer before you submit.</p>
      <dl className="summary-list">
        {view.rows.map((row) => (
          <div key={row.number}>
            <dt>
              {row.number}. {row.title}
            </dt>
            <dd>{row.chosenText ?? <strong>Not answered yet</strong>}</dd>
            <dd>
              <Link href={`/modules/${slug}/quiz/${attempt}/${row.number}?from=check`}>
                Change<span className="visually-hidden"> your answer to question {row.number}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      {missing ? <p>You have {missing} question{missing > 1 ? "s" : ""} still to answer.</p> : null}
      <h2>Ready to submit?</h2>
      <p>Once you submit, you will see your score and what the best answer was for each situation.</p>
      <SubmitForm moduleSlug={slug} attemptId={view.attemptId} />
      <Credits sourceIds={view.sourceIds} />
    </>
  );
}
