// Where the national course sends a carer to their scheme, a scheme's details show (issue 15). The
// points are written down in lib/scheme-details/points.ts; this checks them against the content, so
// that a new page, scenario or check that says "ask your scheme" cannot be added without them, and
// that the page everyone reads is the course as it was.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pageComponents } from "@/app/_components/mdx/course-components";
import { loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { scenarioBank } from "@/lib/content/scenarios";
import { detailsFromValues } from "@/lib/scheme-details/form";
import { CHECK_POINTS, LESSON_POINTS, POINTS, SCENARIO_POINTS, WALKTHROUGH_POINTS } from "@/lib/scheme-details/points";
import { walkthrough } from "@/lib/walkthrough";

const MODULES_DIR = join(process.cwd(), "content", "modules");

/** Feedback that sends the carer to their scheme or officer ("Hampshire's scheme" is an example, not a pointer). */
const SENDS_TO_SCHEME = /\b(officers?|scheme|Management Team|safeguarding)\b/i;
const withoutExamples = (text: string) => text.replace(/Hampshire['’]s scheme|the Hampshire Shared Lives scheme/g, "");

/** Scenarios that name the scheme without sending the carer to it, and why. */
const SCENARIOS_NOT_POINTS: Record<string, string> = {
  "conf-paperwork-in-car": "says what Hampshire's officers do; the carer is not sent to anyone",
};
/** Checks that name the scheme or officer without sending the carer to it, and why. */
const CHECKS_NOT_POINTS: Record<string, string> = {
  "gr-myth-1": "the question mentions the officer; the feedback is about the law",
  "conf-permission-1": "about when Hampshire's form is filled in",
};
/** Pages that tell the carer to ask or tell their scheme or officer without a box, and why. */
const PAGES_NOT_POINTS: Record<string, string> = {
  "golden-rules/myth-buster": "only its knowledge check's question mentions the officer",
};

function mdxFiles(): { key: string; text: string }[] {
  return readdirSync(MODULES_DIR).flatMap((m) =>
    readdirSync(join(MODULES_DIR, m))
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => ({ key: `${m}/${f.replace(/\.mdx$/, "")}`, text: readFileSync(join(MODULES_DIR, m, f), "utf8") })),
  );
}

const placed = (text: string) => [...text.matchAll(/<YourScheme about="([^"]*)" \/>/g)].map((m) => m[1]);

describe("the points of the course that carry a scheme's details", () => {
  it("lessons: the MDX places exactly the boxes written down in LESSON_POINTS, each a known point, once a page", () => {
    const found: Record<string, string[]> = {};
    for (const { key, text } of mdxFiles()) {
      const points = placed(text) as string[];
      if (points.length) found[key] = points;
      expect(new Set(points).size, `${key}: a point twice on one page`).toBe(points.length);
      for (const p of points) expect(POINTS as readonly string[], `${key}: ${p}`).toContain(p);
      // Any other way of writing it would be missed here and by the readers of the panel.
      expect(text.match(/<YourScheme/g)?.length ?? 0, key).toBe(points.length);
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(LESSON_POINTS).map(([k, v]) => [k, [...v]])));
  });

  it("lessons: every page that tells the carer to ask or tell their scheme or officer has a box", () => {
    const missing = mdxFiles()
      .filter(({ text }) => /\b(ask|tell|talk to|contact|report)\b[^.]{0,60}\b(officer|scheme)\b/i.test(withoutExamples(text)) && !placed(text).length)
      .map(({ key }) => key)
      .filter((key) => !Object.hasOwn(PAGES_NOT_POINTS, key));
    expect(missing).toEqual([]);
  });

  it("quiz scenarios: every one whose feedback sends the carer to the scheme names a point, and only real ones are listed", () => {
    const all = [...scenarioBank().values()].flatMap((m) => [...m.values()]);
    const sending = all.filter((s) => SENDS_TO_SCHEME.test(withoutExamples(s.options.map((o) => o.feedback).join(" ")))).map((s) => s.id);
    const unlisted = sending.filter((id) => !Object.hasOwn(SCENARIO_POINTS, id) && !Object.hasOwn(SCENARIOS_NOT_POINTS, id));
    expect(unlisted).toEqual([]);
    const ids = new Set(all.map((s) => s.id));
    expect(Object.keys(SCENARIO_POINTS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("knowledge checks: every one whose feedback sends the carer to the scheme names a point", async () => {
    const course = await loadCourse();
    const sending = [...course.checks.values()]
      .filter(({ check }) => SENDS_TO_SCHEME.test(withoutExamples([check.question, ...check.options.map((o) => o.feedback)].join(" "))))
      .map(({ check }) => check.id);
    expect(sending.filter((id) => !Object.hasOwn(CHECK_POINTS, id) && !Object.hasOwn(CHECKS_NOT_POINTS, id))).toEqual([]);
    expect(Object.keys(CHECK_POINTS).filter((id) => !course.checks.has(id))).toEqual([]);
  });

  it("the walk-through: its start and every outcome that says to get advice or act now carry a point", () => {
    for (const id of Object.keys(WALKTHROUGH_POINTS)) expect(id === "start" || Object.hasOwn(walkthrough.nodes, id), id).toBe(true);
    const outcomes = Object.entries(walkthrough.nodes).filter(([, n]) => n.kind === "outcome" && (n.verdict === "seek-advice" || n.verdict === "act-now"));
    expect(outcomes.length).toBeGreaterThan(1);
    for (const [id] of outcomes) expect(Object.hasOwn(WALKTHROUGH_POINTS, id), id).toBe(true);
    expect(WALKTHROUGH_POINTS["out-seek-advice"]).toBe("advice");
  });
});

const details = detailsFromValues({
  publicName: "Riverside Shared Lives",
  adviceRole: "your Shared Lives officer",
  advicePhone: "0300 123 4567",
  breachContact: "the duty officer",
  breachPhone: "01632 960789",
  breachWithin: "within one hour",
  noteBreach: "Ring **first**.",
});

/** A page as a reader sees it, with the knowledge checks left out (they render apart, as forms). */
async function render(key: string, withDetails: boolean): Promise<string> {
  const [moduleSlug, pageSlug] = key.split("/") as [string, string];
  const mod = await importModuleFile(moduleSlug, pageSlug);
  const components = { ...pageComponents(withDetails ? details : null), KnowledgeCheck: () => null };
  return renderToStaticMarkup(createElement(mod.default, { components }));
}

describe("a page with its scheme's box, and without", () => {
  it("everyone's page has no box and no scheme details: the course reads as it did", async () => {
    for (const key of Object.keys(LESSON_POINTS)) {
      const html = await render(key, false);
      expect(html, key).not.toContain("scheme-panel");
      expect(html, key).not.toContain("Riverside");
    }
  });

  it("a scheme's copy adds the box, with the contacts, right after the paragraph that says to tell the scheme", async () => {
    const plain = await render("confidentiality/data-breaches", false);
    const local = await render("confidentiality/data-breaches", true);
    expect(local).toContain("Tell Riverside Shared Lives about a data breach");
    expect(local).toContain('href="tel:+441632960789"');
    expect(local).toContain("within one hour");
    expect(local).toContain("<strong>first</strong>");
    const box = local.slice(local.indexOf('<section class="scheme-panel"'), local.indexOf("</section>") + "</section>".length);
    // Take the box out and the page is the page everyone reads.
    expect(local.replace(box, "")).toBe(plain);
    expect(local.indexOf("All data breaches must be reported")).toBeLessThan(local.indexOf("scheme-panel"));
  });

  it("a point the scheme gave nothing for shows nothing", async () => {
    const html = await render("confidentiality/social-media", true);
    expect(html).toContain("Who to ask at Riverside Shared Lives");
    const sending = await render("golden-rules/share-safely", true);
    // Only the advice phone: the sending box still says who to ask.
    expect(sending).toContain("How Riverside Shared Lives sends private documents");
    const nothing = await render("golden-rules/risk-of-harm", true);
    // No safeguarding contacts were given, but the advice phone is: the box shows it.
    expect(nothing).toContain("0300 123 4567");
  });
});
