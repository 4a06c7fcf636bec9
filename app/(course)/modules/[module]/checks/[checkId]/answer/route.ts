// POST from an in-page knowledge check (field `option`): record the answer, then show the feedback
// page (303). Whether it is right is worked out here from the content, never sent by the browser.
import { getViewer } from "@/lib/auth/viewer";
import { isSameOriginPost, plainText, seeOther } from "@/lib/form-post";
import { lessonPath } from "@/lib/lessons";
import { answerCheck, findCheck } from "@/lib/progress";

export const dynamic = "force-dynamic";

async function optionFrom(request: Request): Promise<string | null> {
  try {
    const value = (await request.formData()).get("option");
    return typeof value === "string" ? value : null;
  } catch {
    return null; // not a form body
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ module: string; checkId: string }> }): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return plainText(403, "This form must be sent from this site.");
  const { module: moduleSlug, checkId } = await params;
  const found = await findCheck(moduleSlug, checkId);
  if (!found) return plainText(404, "Question not found.");
  const feedbackPath = `/modules/${found.moduleSlug}/checks/${found.check.id}`;

  const viewer = await getViewer();
  if (!viewer) return seeOther(`/sign-in?next=${encodeURIComponent(`${lessonPath(found.moduleSlug, found.pageSlug)}#check-${found.check.id}`)}`);

  const raw = await optionFrom(request);
  const index = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(index) || index >= found.check.options.length) return seeOther(`${feedbackPath}?error=choose`);

  await answerCheck(viewer, found.check.id, index);
  return seeOther(feedbackPath);
}

// A GET here comes from signing in after the proxy caught a post without a session: back to the question.
export async function GET(_request: Request, { params }: { params: Promise<{ module: string; checkId: string }> }): Promise<Response> {
  const { module: moduleSlug, checkId } = await params;
  const found = await findCheck(moduleSlug, checkId);
  return found ? seeOther(`${lessonPath(found.moduleSlug, found.pageSlug)}#check-${found.check.id}`) : plainText(404, "Question not found.");
}
