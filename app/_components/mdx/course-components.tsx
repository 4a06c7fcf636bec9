// Components that course MDX pages may use (see content/README.md). All render on the server and
// read nothing about the person, so lesson pages stay static.
import type { ReactNode } from "react";
import Link from "next/link";
import type { MDXComponents } from "mdx/types";
import { glossary, loadCourse } from "@/lib/content/course";

type Item = { title: string; text: string };

export function Numbered({ items }: { items: Item[] }) {
  return (
    <ol className="fact-list">
      {items.map((item) => (
        <li key={item.title}>
          <strong>{item.title}.</strong> {item.text}
        </li>
      ))}
    </ol>
  );
}

export function Callout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <aside className="callout" aria-label={title}>
      <p className="callout__title">{title}</p>
      {children}
    </aside>
  );
}

export function Term({ id, children }: { id: string; children: ReactNode }) {
  const entry = glossary[id];
  if (!entry) throw new Error(`<Term id="${id}"> is not in content/glossary.json`);
  return (
    <Link href={`/glossary#${id}`} title={entry.definition}>
      {children}
    </Link>
  );
}

/**
 * An in-page knowledge check: a plain form, so it works without JavaScript. The answer is posted
 * to the server, which records it and shows the feedback; the page itself never says which option
 * is right.
 */
export async function KnowledgeCheck({ id }: { id: string }) {
  const found = (await loadCourse()).checks.get(id);
  if (!found) throw new Error(`<KnowledgeCheck id="${id}"> has no matching entry in the page's checks export`);
  const { check, moduleSlug } = found;
  return (
    // Named by its heading and its question, so two checks on one page are two distinct regions.
    <section className="knowledge-check" id={`check-${id}`} aria-labelledby={`check-${id}-title check-${id}-question`}>
      <h2 id={`check-${id}-title`}>Check what you know</h2>
      <form method="post" action={`/modules/${moduleSlug}/checks/${id}/answer`}>
        <fieldset>
          <legend id={`check-${id}-question`}>{check.question}</legend>
          <ul className="choices">
            {check.options.map((option, i) => (
              <li className="choice" key={i}>
                <input type="radio" name="option" value={i} id={`check-${id}-${i}`} />
                <label htmlFor={`check-${id}-${i}`}>{option.text}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="button button--secondary">
          Check my answer
        </button>
      </form>
    </section>
  );
}

export const courseComponents: MDXComponents = {
  Numbered,
  Callout,
  Term,
  KnowledgeCheck,
};
