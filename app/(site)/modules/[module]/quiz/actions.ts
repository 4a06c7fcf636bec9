"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction, safeFormAction } from "@/lib/actions/safe-action";
import { isModuleSlug } from "@/lib/content/course";
import { answerScenario, resumePoint, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";

const ids = z.object({
  // Only a real module: the value goes into the redirect after the answer is saved, and a made-up
  // one (say, with a line break) must be refused before anything is written.
  module: z.string().max(60).refine(isModuleSlug),
  attemptId: z.coerce.number().int().positive(),
});

const startForm = z.object({ module: z.string().max(60).refine(isModuleSlug) });
const moduleOf = (formData: FormData) => String(formData.get("module") ?? "").slice(0, 60);
const startProblem = (formData: FormData): never => redirect(`/modules/${encodeURIComponent(moduleOf(formData))}/quiz?problem=start`);

export const startQuizAction = safeFormAction(
  {
    access: "signed-in",
    supportedSession: "allowed",
    schema: startForm,
    returnTo: (formData) => `/modules/${moduleOf(formData)}/quiz`,
    // Not a module, an admin (who takes no course), or a quiz that cannot start: back to the quiz
    // page, which says why (or is "not found" for a made-up module).
    invalid: (_error, formData) => startProblem(formData),
    shown: (_error, formData) => startProblem(formData),
  },
  async (input, { viewer }) => {
    const attempt = await startOrResumeAttempt(viewer, input.module);
    redirect(`/modules/${input.module}/quiz/${attempt.id}/${await resumePoint(attempt)}`);
  },
);

const answerForm = ids.extend({
  number: z.coerce.number().int().min(1).max(50),
  scenario: z.string().max(100),
  option: z.string({ error: "Choose an answer" }).max(2).min(1, "Choose an answer"),
  returnTo: z.enum(["next", "check"]).optional(),
});

export const answerAction = safeAction(
  {
    access: "signed-in",
    supportedSession: "allowed",
    schema: answerForm,
    invalid: (error) =>
      error.issues.some((i) => i.path[0] === "option")
        ? { errors: [{ field: "option", message: "Choose an answer" }] }
        : { message: "Something was wrong with that answer. Go back to the quiz and try again." },
  },
  async ({ module: moduleSlug, attemptId, number, scenario, option, returnTo }, { viewer }) => {
    // A QuizError (an option not shown, a quiz already submitted) is shown by the wrapper.
    const { total } = await answerScenario(viewer, attemptId, scenario, option);
    const base = `/modules/${moduleSlug}/quiz/${attemptId}`;
    redirect(returnTo === "check" || !(number < total) ? `${base}/check` : `${base}/${number + 1}`);
  },
);

export const submitAction = safeAction(
  { access: "signed-in", supportedSession: "allowed", schema: ids, invalid: () => ({ message: "Something was wrong with that request. Go back to the quiz and try again." }) },
  async (input, { viewer }) => {
    await submitAttempt(viewer, input.module, input.attemptId);
    redirect(`/modules/${input.module}/quiz/${input.attemptId}/result`);
  },
);
