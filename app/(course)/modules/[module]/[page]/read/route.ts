// POST from a lesson page's "Next" button: record the page as read, then go on (303, so the
// browser follows with a GET) to the next page: the reader's own scheme's copy of it when the
// scheme has given its contacts. Works with JavaScript off; the lesson page itself stays static.
import { z } from "zod";
import { routeHandler } from "@/lib/actions/route-handler";
import { plainText, seeOther } from "@/lib/form-post";
import { findLesson, lessonPath, modulePath } from "@/lib/lessons";
import { recordPageRead } from "@/lib/progress";
import { lessonHref } from "@/lib/scheme-details/links";
import { localCourseFor } from "@/lib/scheme-details/service";

export const dynamic = "force-dynamic";

const pageParams = z.object({ module: z.string().max(100), page: z.string().max(100) });

export const POST = routeHandler(
  {
    access: "signed-in",
    supportedSession: "allowed",
    params: pageParams,
    notFound: "Page not found.",
    signInReturn: async ({ module, page }) => {
      const lesson = await findLesson(String(module), String(page));
      return lesson ? lessonPath(lesson.module.slug, lesson.page.slug) : "/dashboard";
    },
  },
  async ({ viewer, params }) => {
    const lesson = await findLesson(params.module, params.page);
    if (!lesson) return plainText(404, "Page not found.");
    const { nextSlug } = await recordPageRead(viewer, lesson.module.slug, lesson.page.slug);
    if (!nextSlug) return seeOther(`${modulePath(lesson.module.slug)}?read=all`);
    return seeOther(lessonHref(await localCourseFor(viewer), lesson.module.slug, nextSlug));
  },
);

// A GET here comes from signing in after the proxy caught a post without a session: back to the page.
export const GET = routeHandler({ access: "public", supportedSession: "allowed", params: pageParams, notFound: "Page not found." }, async ({ params }) => {
  const lesson = await findLesson(params.module, params.page);
  return lesson ? seeOther(lessonPath(lesson.module.slug, lesson.page.slug)) : plainText(404, "Page not found.");
});
