import type { Metadata } from "next";
import { Credits } from "@/app/_components/course/credits";
import { glossary, sources } from "@/lib/content/course";

// Words the course uses, from content/glossary.json. Each has an id anchor: <Term> links point to
// /glossary#<id>. Static. Its definitions draw on all the course's sources, so it credits them all.
export const metadata: Metadata = { title: "Glossary: words we use" };

export default async function GlossaryPage() {
  const entries = Object.entries(glossary).sort(([, a], [, b]) => a.term.localeCompare(b.term, "en-GB"));
  return (
    <div className="narrow">
      <h1>Glossary: words we use</h1>
      <p className="lead">What some of the words in this course mean.</p>
      <dl className="glossary">
        {entries.map(([id, entry]) => (
          <div key={id} id={id} className="card" style={{ marginBottom: "1rem" }}>
            <dt>
              <dfn>{entry.term}</dfn>
            </dt>
            <dd style={{ margin: 0 }}>{entry.definition}</dd>
          </div>
        ))}
      </dl>
      <Credits sourceIds={[...sources.keys()]} />
    </div>
  );
}
