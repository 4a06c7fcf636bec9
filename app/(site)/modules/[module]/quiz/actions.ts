"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { isModuleSlug } from "@/lib/content/course";
import { type FormState } from "@/lib/form-state";
import { QuizError, answerScenario, resumePoint, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";

const ids = z.object({
  // Only a real module: the value goes into the redirect after the answer is saved, and a made-up
  // one (say, with a line break) must be refused before anything is written.
  module: z.string().max(60).refine(isModuleSlug),
  attemptId: z.coerce.number().int().positive(),
});

export async function startQuizAction(formData: FormData): Promise<void> {
  const moduleSlug = String(formData.get("module") ?? "").slice(0, 60);
  const viewer = await requireViewer(`/modules/${moduleSlug}/quiz`);
  let attemptId: number;
  let point: number | "check";
  try {
    const attempt = await startOrResumeAttempt(viewer, moduleSlug);
    attemptId = attempt.id;
    point = await resumePoint(attempt);
  } catch (error) {
    if (error instanceof QuizError) redirect(`/modules/${encodeURIComponent(moduleSlug)}/quiz?problem=start`);
    throw error;
  }
  redirect(`/modules/${moduleSlug}/quiz/${attemptId}/${point}`);
}

const answerForm = ids.extend({
  number: z.coerce.number().int().min(1).max(50),
  scenario: z.string().max(100),
  option: z.string({ error: "Choose an answer" }).max(2).min(1, "Choose an answer"),
  returnTo: z.enum(["next", "check"]).optional(),
});

export async function answerAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const parsed = answerForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const missingOption = parsed.error.issues.some((i) => i.path[0] === "option");
    return missingOption
      ? { errors: [{ field: "option", message: "Choose an answer" }] }
      : { message: "Something was wrong with that answer. Go back to the quiz and try again." };
  }
  const { module: moduleSlug, attemptId, number, scenario, option, returnTo } = parsed.data;
  let total: number;
  try {
    total = (await answerScenario(viewer, attemptId, scenario, option)).total;
  } catch (error) {
    if (error instanceof QuizError) {
      return error.problem === "unknown-option" ? { errors: [{ field: "option", message: error.message }] } : { message: error.message };
    }
    throw error;
  }
  const base = `/modules/${moduleSlug}/quiz/${attemptId}`;
  redirect(returnTo === "check" || !(number < total) ? `${base}/check` : `${base}/${number + 1}`);
}

export async function submitAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const parsed = ids.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Something was wrong with that request. Go back to the quiz and try again." };
  try {
    await submitAttempt(viewer, parsed.data.module, parsed.data.attemptId);
  } catch (error) {
    if (error instanceof QuizError) return { message: error.message };
    throw error;
  }
  redirect(`/modules/${parsed.data.module}/quiz/${parsed.data.attemptId}/result`);
}
