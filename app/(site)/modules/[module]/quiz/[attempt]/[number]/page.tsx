import { ListenButton } from "@/app/_components/listen/listen-button";
import { Credits } from "@/app/_components/course/credits";
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { findModule } from "@/lib/content/course";
import { QuizError, questionView } from "@/lib/quiz/service";
import { AnswerForm } from "./answer-form";
import { showNotFound } from "@/lib/http-status";

type Params = { module: string; attempt: string; number: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { number } = await params;
  return { title: `Quiz question ${Number(number) || ""}` };
}

export default async function QuestionPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { module: slug, attempt, number } = await params;
  const viewer = await requireViewer(`/modules/${slug}/quiz/${attempt}/${number}`, { supportedSession: "allowed" });
  const mod = await findModule(slug);
  if (!mod || !/^\d{1,9}$/.test(attempt) || !/^\d{1,2}$/.test(number)) showNotFound();
  let view;
  try {
    view = await questionView(viewer, slug, Number(attempt), Number(number));
  } catch (error) {
    if (error instanceof QuizError) showNotFound();
    throw error;
  }
  if (view.submitted) redirect(`/modules/${slug}/quiz/${attempt}/result`);
  const fromCheck = (await searchParams).from === "check";
  const back = view.number > 1 ? `/modules/${slug}/quiz/${attempt}/${view.number - 1}` : `/modules/${slug}/quiz`;
  return (
    <div className="narrow" data-listen>
      <Link href={fromCheck ? `/modules/${slug}/quiz/${attempt}/check` : back} className="back-link">
        Back
      </Link>
      <span className="caption">
        {mod.title}: question {view.number} of {view.total}
      </span>
      <div className="progress" aria-hidden="true">
        <div className="progress__bar">
          <div className="progress__fill" style={{ width: `${Math.round(((view.number - 1) / view.total) * 100)}%` }} />
        </div>
      </div>
      <h1>{view.scenario.title}</h1>
      <ListenButton />
      <p className="lead">{view.scenario.situation}</p>
      <AnswerForm
        moduleSlug={slug}
        attemptId={view.attemptId}
        number={view.number}
        scenarioId={view.scenario.id}
        question={view.scenario.question}
        options={view.scenario.options}
        chosen={view.chosenOptionId}
        returnTo={fromCheck ? "check" : undefined}
      />
      <Credits sourceIds={view.sourceIds} />
    </div>
  );
}
