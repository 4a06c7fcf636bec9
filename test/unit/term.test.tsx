import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Term, makeTerm, shortDefinition } from "@/app/_components/mdx/course-components";
import { glossary } from "@/lib/content/course";

// createElement rather than JSX keeps this file free of a JSX transform; children as a prop is how
// createElement is typed for a component whose children are required.
// eslint-disable-next-line react/no-children-prop
const render = (T: typeof Term, id: string, word: string) => renderToStaticMarkup(createElement(T, { id, children: word }));

describe("<Term>: glossary words explained where they are used", () => {
  it("explains a word in brackets the first time a page uses it, and links every use to the glossary", () => {
    const PageTerm = makeTerm();
    const first = render(PageTerm, "capacity", "capacity");
    const again = render(PageTerm, "capacity", "capacity");
    const meaning = shortDefinition(glossary.capacity!.definition);
    expect(meaning.length).toBeGreaterThan(10);
    expect(first).toContain('href="/glossary#capacity"');
    expect(first).toContain(`(${meaning})`);
    expect(again).toContain('href="/glossary#capacity"');
    expect(again).not.toContain(meaning);
    // Not a tooltip: the meaning is text on the page, not a title attribute.
    expect(first).not.toContain("title=");
  });

  it("each page has its own record, and outside a page every use is explained", () => {
    render(makeTerm(), "consent", "consent");
    expect(render(makeTerm(), "consent", "consent")).toContain("term__definition");
    render(Term, "consent", "consent");
    expect(render(Term, "consent", "consent")).toContain("term__definition");
  });

  it("keeps the first sentence of a definition, without its full stop", () => {
    expect(shortDefinition("Being able to decide. It can change.")).toBe("Being able to decide");
    expect(shortDefinition("One sentence only")).toBe("One sentence only");
  });

  it("refuses a word that is not in the glossary", () => {
    expect(() => render(makeTerm(), "no-such-word", "x")).toThrow(/not in content\/glossary\.json/);
  });
});
