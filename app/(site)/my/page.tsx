import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { canTakeCourse } from "@/lib/access";
import { requireViewer } from "@/lib/auth/viewer";
import { loadCourse } from "@/lib/content/course";

export const metadata: Metadata = { title: "My training" };

export default async function MyTrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/my");
  if (!canTakeCourse(viewer)) forbidden();
  const [course, params] = await Promise.all([loadCourse(), searchParams]);
  return (
    <>
      {params.welcome ? (
        <div className="notice notice--success" role="status">
          <p>Your account is set up. Welcome, {viewer.name}.</p>
        </div>
      ) : null}
      <h1>My training</h1>
      <p>Do the three modules in order. Each ends with a short quiz. Pass all three to get your certificate.</p>
      <ol className="cards">
        {course.modules.map((m) => (
          <li className="card" key={m.slug}>
            <h2>
              <Link href={`/modules/${m.slug}`}>{m.title}</Link>
            </h2>
            <p>{m.summary}</p>
            <p>
              <strong>Status:</strong> <span className="tag tag--grey">Not started</span>
            </p>
            <p className="hint">
              {m.pages.length} short pages, about {m.minutes} minutes
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
