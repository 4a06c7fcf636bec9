// POST from a lesson page's "Next" button: record the page as read, then go on (303, so the
// browser follows with a GET). Works with JavaScript off; the lesson page itself stays static.
import { getViewer } from "@/lib/auth/viewer";
import { isSameOriginPost, plainText, seeOther } from "@/lib/form-post";
import { findLesson, lessonPath, modulePath } from "@/lib/lessons";
import { recordPageRead } from "@/lib/progress";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ module: string; page: string }> }): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return plainText(403, "This form must be sent from this site.");
  const { module: moduleSlug, page: pageSlug } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  if (!lesson) return plainText(404, "Page not found.");
  const here = lessonPath(lesson.module.slug, lesson.page.slug);

  const viewer = await getViewer();
  if (!viewer) return seeOther(`/sign-in?next=${encodeURIComponent(here)}`);

  const { nextSlug } = await recordPageRead(viewer, lesson.module.slug, lesson.page.slug);
  return seeOther(nextSlug ? lessonPath(lesson.module.slug, nextSlug) : `${modulePath(lesson.module.slug)}?read=all`);
}

// A GET here comes from signing in after the proxy caught a post without a session: back to the page.
export async function GET(_request: Request, { params }: { params: Promise<{ module: string; page: string }> }): Promise<Response> {
  const { module: moduleSlug, page: pageSlug } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  return lesson ? seeOther(lessonPath(lesson.module.slug, lesson.page.slug)) : plainText(404, "Page not found.");
}
