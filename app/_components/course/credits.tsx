// Source credits for pages outside the lessons (module overviews, quiz pages, the glossary): the
// same SourceCredits the lessons use, with the course's sources looked up here. Server only.
import { loadCourse } from "@/lib/content/course";
import { SourceCredits } from "./lesson-parts";

export async function Credits({ sourceIds, headingId = "sources-title" }: { sourceIds: readonly string[]; headingId?: string }) {
  const { sources } = await loadCourse();
  return <SourceCredits sourceIds={[...new Set(sourceIds)]} sources={sources} headingId={headingId} />;
}
