import { ListenButton } from "@/app/_components/listen/listen-button";
import type { Metadata } from "next";
import Link from "next/link";
import { loadCourse } from "@/lib/content/course";
import { nodePath, walkthrough } from "@/lib/walkthrough";

// The "Should I share?" job aid: public, static, and it keeps nothing. Each answer is a plain link.
export const metadata: Metadata = { title: "Should I share? A guide to the seven key questions" };

export default async function ShouldIShareStart() {
  const { sources } = await loadCourse();
  const credited = walkthrough.sources.map((id) => sources.get(id)).filter((s) => s !== undefined);
  return (
    <div className="narrow" data-listen>
      <h1>{walkthrough.title}</h1>
      <ListenButton />
      <p className="lead">{walkthrough.intro}</p>
      <div className="notice">
        <h2 style={{ marginTop: 0, fontSize: "1.2rem" }}>Your privacy</h2>
        <p>{walkthrough.privacyNote}</p>
      </div>
      <Link href={nodePath(walkthrough.start)} className="button">
        Start now
      </Link>
      <section className="sources" aria-labelledby="sources-title">
        <h2 id="sources-title">Source</h2>
        <ul>
          {credited.map((s) => (
            <li key={s.id}>
              <cite>{s.title}</cite>. {s.publisher}, {s.year}. {s.notice}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
