// Every page is rendered (as a reader sees it), turned into plain text blocks and scored with the
// Flesch-Kincaid grade. The gate is grade 7.0 (reading age 12); the aim is grade 6 (reading age 11).
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import rs from "text-readability";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import type { FactItem, KnowledgeCheck } from "@/lib/content/schemas";
import { scenarioBank } from "@/lib/content/scenarios";
import { walkthrough } from "@/lib/walkthrough";

const GATE = 7.0;
const AIM = 6.0;

/** Makes a block end a sentence: text-readability only ends one at . ? or ! before a capital. */
function asSentence(block: string): string {
  const text = block.replace(/\s+/g, " ").trim();
  if (!text) return "";
  if (/[.!?]["'”’)]*$/.test(text)) return text;
  return text.replace(/[:;,]$/, "") + ".";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Rendered HTML to readable text: one block (paragraph, heading, list item) per line. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|li|h[1-6]|dt|dd|legend|label|blockquote|aside|section|ol|ul|div|td|th)>/gi, "\n")
    .replace(/<(p|li|h[1-6]|dt|dd|legend|label|blockquote|aside|section|ol|ul|div|td|th)(\s[^>]*)?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (_, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? " "),
    )
    .split("\n")
    .map(asSentence)
    .filter(Boolean)
    .join("\n");
}

function stubs(checks: KnowledgeCheck[]) {
  return {
    KnowledgeCheck: ({ id }: { id: string }) => {
      const check = checks.find((c) => c.id === id);
      if (!check) throw new Error(`no check ${id}`);
      return createElement("section", null, createElement("p", null, check.question), ...check.options.map((o, i) => createElement("p", { key: i }, o.text)));
    },
    Numbered: ({ items }: { items: FactItem[] }) =>
      createElement(
        "ol",
        null,
        items.map((item) => createElement("li", { key: item.title }, `${asSentence(item.title)} ${asSentence(item.text)}`)),
      ),
    Callout: ({ children }: { children: ReactNode }) => createElement("div", null, children),
    Term: ({ children }: { children: ReactNode }) => createElement("span", null, children),
    // A scheme's own contacts are not the course's words (and the page everyone reads has none).
    YourScheme: () => null,
  };
}

export async function pageText(moduleSlug: string, pageSlug: string, title: string): Promise<string> {
  const mod = await importModuleFile(moduleSlug, pageSlug);
  const checks = (mod.checks as KnowledgeCheck[] | undefined) ?? [];
  const html = renderToStaticMarkup(createElement(mod.default, { components: stubs(checks) }));
  return `${asSentence(title)}\n${htmlToText(html)}`;
}

const scores: { page: string; grade: number; words: number }[] = [];

afterAll(() => {
  if (!scores.length) return;
  const lines = scores.map((s) => `${s.grade.toFixed(1).padStart(5)}  ${String(s.words).padStart(4)} words  ${s.page}`);
  const mean = scores.reduce((sum, s) => sum + s.grade, 0) / scores.length;
  console.log(
    `Flesch-Kincaid grade per page (gate ${GATE}, aim ${AIM}):\n${lines.join("\n")}\n` +
      `mean ${mean.toFixed(2)}; at or under the aim: ${scores.filter((s) => s.grade <= AIM).length} of ${scores.length}`,
  );
});

describe("the text joins blocks so sentences end where they should", () => {
  it("turns headings, list items and paragraphs into separate sentences", () => {
    const text = htmlToText("<h2>What the law is for</h2><ul><li>It is not a barrier</li><li>It is common sense.</li></ul><p>Now read on:</p>");
    expect(text).toBe("What the law is for.\nIt is not a barrier.\nIt is common sense.\nNow read on.");
    expect(rs.sentenceCount(text)).toBe(4);
  });
});

describe("readability of every page (Flesch-Kincaid grade at most 7.0)", async () => {
  const course = await loadCourse();
  for (const m of course.modules) {
    it(`${m.slug}/index: the module overview`, async () => {
      const text = [asSentence(m.title), asSentence(m.summary), ...m.keyPoints.map(asSentence), await pageText(m.slug, "index", m.title)].join("\n");
      const grade = rs.fleschKincaidGrade(text);
      scores.push({ page: `${m.slug}/index`, grade, words: rs.lexiconCount(text) });
      expect(grade, `${m.slug}/index scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
    });
    for (const p of m.pages) {
      it(`${m.slug}/${p.slug}`, async () => {
        const text = await pageText(m.slug, p.slug, p.title);
        const grade = rs.fleschKincaidGrade(text);
        scores.push({ page: `${m.slug}/${p.slug}`, grade, words: rs.lexiconCount(text) });
        expect(grade, `content/modules/${m.slug}/${p.slug}.mdx scores FK grade ${grade.toFixed(1)} (reading age ${(grade + 5).toFixed(0)})`).toBeLessThanOrEqual(GATE);
      });
    }
  }

  it("the feedback on every knowledge check", () => {
    for (const [id, { check }] of course.checks) {
      const text = [check.question, ...check.options.flatMap((o) => [o.text, o.feedback])].map(asSentence).join("\n");
      const grade = rs.fleschKincaidGrade(text);
      expect(grade, `check ${id} scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
    }
  });
});

describe("readability of the Should I share? walk-through", () => {
  it("intro and privacy note", () => {
    const text = [walkthrough.intro, walkthrough.privacyNote].map(asSentence).join("\n");
    const grade = rs.fleschKincaidGrade(text);
    scores.push({ page: "should-i-share (start)", grade, words: rs.lexiconCount(text) });
    expect(grade, `walk-through intro scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
  });

  for (const [id, node] of Object.entries(walkthrough.nodes)) {
    it(`node ${id}`, () => {
      const blocks = node.kind === "question" ? [node.question, node.sourceWording, node.help, ...node.answers.map((a) => a.label)] : [node.title, node.text];
      const text = blocks.map(asSentence).join("\n");
      const grade = rs.fleschKincaidGrade(text);
      scores.push({ page: `should-i-share/${id}`, grade, words: rs.lexiconCount(text) });
      expect(grade, `walkthrough.json node ${id} scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
    });
  }
});

describe("readability of the glossary", () => {
  it("every term and its definition", async () => {
    const { glossary } = await loadCourse();
    const text = Object.values(glossary)
      .flatMap((g) => [g.term, g.definition])
      .map(asSentence)
      .join("\n");
    const grade = rs.fleschKincaidGrade(text);
    scores.push({ page: "glossary", grade, words: rs.lexiconCount(text) });
    expect(grade, `content/glossary.json scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
  });
});

describe("readability of every scenario (situation, question, options and feedback)", () => {
  for (const [moduleSlug, scenarios] of scenarioBank()) {
    for (const [id, s] of scenarios) {
      it(`${moduleSlug}/${id}`, () => {
        const text = [s.title, s.situation, s.question, ...s.options.flatMap((o) => [o.text, o.feedback])].map(asSentence).join("\n");
        const grade = rs.fleschKincaidGrade(text);
        scores.push({ page: `scenario ${id}`, grade, words: rs.lexiconCount(text) });
        expect(grade, `content/scenarios/${moduleSlug}/${id}.json scores FK grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(GATE);
      });
    }
  }
});
