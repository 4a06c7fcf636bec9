// POST from an in-page knowledge check (field `option`): record the answer, then show the feedback
// page (303). Whether it is right is worked out here from the content, never sent by the browser.
import { z } from "zod";
import { routeHandler } from "@/lib/actions/route-handler";
import { plainText, seeOther } from "@/lib/form-post";
import { lessonPath } from "@/lib/lessons";
import { answerCheck, findCheck } from "@/lib/progress";

export const dynamic = "force-dynamic";

const checkParams = z.object({ module: z.string().max(100), checkId: z.string().max(100) });
/** An option's position: one or two digits, nothing else ("01x", "+1", "1.0" are refused). */
const optionForm = z.object({ option: z.string().regex(/^\d{1,2}$/).transform(Number) });

async function optionFrom(request: Request): Promise<number | null> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null; // not a form body
  }
  const parsed = optionForm.safeParse({ option: form.get("option") });
  return parsed.success ? parsed.data.option : null;
}

export const POST = routeHandler(
  {
    access: "signed-in",
    supportedSession: "allowed",
    params: checkParams,
    notFound: "Question not found.",
    signInReturn: async ({ module, checkId }) => {
      const found = await findCheck(String(module), String(checkId));
      return found ? `${lessonPath(found.moduleSlug, found.pageSlug)}#check-${found.check.id}` : "/dashboard";
    },
  },
  async ({ request, viewer, params }) => {
    const found = await findCheck(params.module, params.checkId);
    if (!found) return plainText(404, "Question not found.");
    const feedbackPath = `/modules/${found.moduleSlug}/checks/${found.check.id}`;
    const index = await optionFrom(request);
    if (index === null || index >= found.check.options.length) return seeOther(`${feedbackPath}?error=choose`);
    await answerCheck(viewer, found.check.id, index);
    return seeOther(feedbackPath);
  },
);

// A GET here comes from signing in after the proxy caught a post without a session: back to the question.
export const GET = routeHandler({ access: "public", supportedSession: "allowed", params: checkParams, notFound: "Question not found." }, async ({ params }) => {
  const found = await findCheck(params.module, params.checkId);
  return found ? seeOther(`${lessonPath(found.moduleSlug, found.pageSlug)}#check-${found.check.id}`) : plainText(404, "Question not found.");
});
