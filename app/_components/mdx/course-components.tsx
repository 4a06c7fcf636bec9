// Components that course MDX pages may use (see content/README.md). All render on the server and
// read nothing about the person, so lesson pages stay static. A scheme's copy of a page is given
// that scheme's details (pageComponents(details)): only <YourScheme> uses them.
import type { ReactNode } from "react";
import { Link } from "@/app/_components/links/link";
import type { MDXComponents } from "mdx/types";
import { SchemePanel } from "@/app/_components/scheme/scheme-panel";
import { glossary, loadCourse } from "@/lib/content/course";
import type { SchemeDetails } from "@/lib/scheme-details/form";
import { POINTS, type PointId } from "@/lib/scheme-details/points";

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

/** The first sentence of a glossary definition, without its full stop: short enough to sit in brackets. */
export function shortDefinition(definition: string): string {
  return (definition.split(/(?<=[.!?])\s/)[0] ?? definition).replace(/[.!?]$/, "");
}

/**
 * A glossary word. The first time a page uses it, its short meaning follows in brackets, so it can
 * be read on a phone with no hovering, no JavaScript and no leaving the page; every use links to the
 * full entry in the glossary. (A <details> would be a block inside a paragraph, which HTML does not
 * allow.) `seen` is the page's own record of which words it has explained already.
 */
export function makeTerm(seen: Set<string> | null = new Set<string>()) {
  return function Term({ id, children }: { id: string; children: ReactNode }) {
    const entry = glossary[id];
    if (!entry) throw new Error(`<Term id="${id}"> is not in content/glossary.json`);
    const first = !seen?.has(id);
    seen?.add(id);
    const link = <Link href={`/glossary#${id}`}>{children}</Link>;
    if (!first) return link;
    return (
      <span className="term">
        {link} <span className="term__definition">({shortDefinition(entry.definition)})</span>
      </span>
    );
  };
}

/** Outside a page's own components there is no "first use" to track, so every use is explained. */
export const Term = makeTerm(null);

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

/**
 * `<YourScheme about="breach" />`: where the course says to ask the scheme, that scheme's contacts
 * for this point (lib/scheme-details/points.ts). On the page everyone reads, and when the scheme
 * gave nothing for the point, nothing at all: the page reads as the national course.
 */
export function makeYourScheme(details: SchemeDetails | null, headingLevel: 2 | 3 = 2) {
  return function YourScheme({ about }: { about: PointId }) {
    if (!(POINTS as readonly string[]).includes(about)) throw new Error(`<YourScheme about="${about}"> is not one of ${POINTS.join(", ")}`);
    return details ? <SchemePanel details={details} point={about} headingLevel={headingLevel} /> : null;
  };
}

export const courseComponents: MDXComponents = {
  Numbered,
  Callout,
  Term,
  KnowledgeCheck,
  YourScheme: makeYourScheme(null),
};

/**
 * The components for rendering one page: its own Term, so each word is explained on its first use
 * there, and, for a scheme's copy of the page, that scheme's panels.
 */
export function pageComponents(details: SchemeDetails | null = null, headingLevel: 2 | 3 = 2): MDXComponents {
  return { ...courseComponents, Term: makeTerm(), YourScheme: makeYourScheme(details, headingLevel) };
}
