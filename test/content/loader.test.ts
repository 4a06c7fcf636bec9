import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenarioFile, scenarioBank, topics } from "@/lib/content/scenarios";
import { ContentError, moduleMetaSchema, pageMetaSchema, parseContent } from "@/lib/content/schemas";

describe("the content loader", () => {
  it("loads all three modules in order, each page with its sources", async () => {
    const course = await loadCourse();
    expect(course.modules.map((m) => m.slug)).toEqual(["golden-rules", "confidentiality", "triangle-of-care"]);
    for (const m of course.modules) {
      expect(m.pages.length, m.slug).toBeGreaterThanOrEqual(3);
      expect(m.pages.map((p) => p.number)).toEqual(m.pages.map((_, i) => i + 1));
      for (const p of m.pages) {
        expect(p.sources.length, `${m.slug}/${p.slug}`).toBeGreaterThan(0);
        for (const s of p.sources) expect(course.sources.has(s), `${m.slug}/${p.slug} source ${s}`).toBe(true);
      }
    }
    // Every knowledge check has exactly one right option and feedback on each.
    for (const [id, { check }] of course.checks) {
      expect(check.options.filter((o) => o.correct), id).toHaveLength(1);
    }
  });

  it("has the glossary terms the pages rely on", async () => {
    const { glossary } = await loadCourse();
    for (const id of ["capacity", "best-interests", "caldicott-guardian", "subject-access-request", "cqc", "care-coordinator"]) {
      expect(glossary[id]?.definition, id).toBeTruthy();
    }
  });

  it("names the file and the field when a page's meta is broken", () => {
    const file = "content/modules/golden-rules/myth-buster.mdx (export meta)";
    const bad = { title: "Data protection is not a barrier", minutes: "three", sources: [] };
    let error: unknown;
    try {
      parseContent(pageMetaSchema, bad, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toMatch(/minutes: /);
    expect(message).toMatch(/sources: must credit at least one source/);
  });

  it("names the file and the field when a module's meta is broken", () => {
    const file = "content/modules/confidentiality/index.mdx (export meta)";
    const bad = { title: "", order: 2, summary: "x", keyPoints: ["one"], sources: ["hampshire-policy"], pages: ["a", "b", "c"] };
    expect(() => parseContent(moduleMetaSchema, bad, file)).toThrow(ContentError);
    expect(() => parseContent(moduleMetaSchema, bad, file)).toThrow(/confidentiality\/index\.mdx \(export meta\): title: must not be empty; keyPoints: needs at least 3 key points/);
  });

  it("tags every scenario with a topic of its own module, and every topic has a scenario", () => {
    for (const [moduleSlug, scenarios] of scenarioBank()) {
      const used = new Set([...scenarios.values()].map((s) => s.topic));
      for (const s of scenarios.values()) expect(Object.keys(topics[moduleSlug]), s.id).toContain(s.topic);
      for (const topic of Object.keys(topics[moduleSlug])) expect(used.has(topic), `${moduleSlug} topic ${topic} has no scenario`).toBe(true);
    }
  });

  it("names the file when a scenario's topic is missing or not one of its module's", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const original = JSON.parse(readFileSync("content/scenarios/golden-rules/gr-child-at-risk.json", "utf8"));
    const path = join(dir, "gr-child-at-risk.json");
    writeFileSync(path, JSON.stringify({ ...original, topic: "social-media" }));
    expect(() => loadScenarioFile(path, "golden-rules")).toThrow(
      'content/scenarios/golden-rules/gr-child-at-risk.json: topic: "social-media" is not a topic of golden-rules in content/topics.json',
    );
    const { topic: _dropped, ...untagged } = original;
    writeFileSync(path, JSON.stringify(untagged));
    expect(() => loadScenarioFile(path, "golden-rules")).toThrow(/gr-child-at-risk\.json: topic: /);
  });
});
