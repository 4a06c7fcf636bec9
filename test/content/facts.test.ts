// The fact lists each module teaches, checked against the source documents in structured form:
// right count, right order. Key words are taken from the sources in ../shared/seeds.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importModuleFile } from "@/lib/content/mdx-files";
import { type FactItem, factItemSchema, parseContent } from "@/lib/content/schemas";

async function factList(moduleSlug: string, page: string, name: string): Promise<FactItem[]> {
  const mod = await importModuleFile(moduleSlug, page);
  return parseContent(z.array(factItemSchema), mod[name], `content/modules/${moduleSlug}/${page}.mdx (export ${name})`);
}

/** Each item (title and text together) matches the key word(s) for its place in the list. */
function expectInOrder(items: FactItem[], keys: RegExp[], list: string) {
  expect(items, `${list}: count`).toHaveLength(keys.length);
  keys.forEach((key, i) => {
    const item = items[i]!;
    expect(`${item.title}. ${item.text}`, `${list} item ${i + 1} ("${item.title}")`).toMatch(key);
  });
}

describe("fact lists match the sources", () => {
  it("golden-rules: the seven golden rules, in the pocket guide's order (002)", async () => {
    const rules = await factList("golden-rules", "golden-rules", "goldenRules");
    expectInOrder(
      rules,
      [
        /not a barrier/i,
        /open and honest/i,
        /seek advice/i,
        /share with consent where appropriate/i,
        /safety and well-being/i,
        /necessary, proportionate, relevant, accurate, timely and secure/i,
        /keep a record/i,
      ],
      "goldenRules",
    );
  });

  it("golden-rules: the seven key questions, in the flowchart's order (002)", async () => {
    const questions = await factList("golden-rules", "key-questions", "keyQuestions");
    expectInOrder(
      questions,
      [
        /clear and legitimate purpose/i,
        /living person to be identified/i,
        /confidential\?/i,
        /consent to share/i,
        /sufficient public interest/i,
        /appropriately and securely/i,
        /recorded/i,
      ],
      "keyQuestions",
    );
  });

  it("confidentiality: the seven situations where confidentiality cannot be kept, in the policy's order (001)", async () => {
    const situations = await factList("confidentiality", "cannot-keep-confidential", "cannotKeepConfidential");
    expectInOrder(
      situations,
      [/at risk or in danger/i, /abuse/i, /broken the law|breaking the law/i, /harm themselves/i, /harm (someone else|others)/i, /bull(ied|ying)|harass/i, /illness|infect/i],
      "cannotKeepConfidential",
    );
  });

  it("confidentiality: the five rules for confidentiality and information sharing, in order (003)", async () => {
    const rules = await factList("confidentiality", "five-rules", "confidentialityRules");
    expectInOrder(
      rules,
      [
        /respect/i, // 1: treat confidential information confidentially and respectfully
        /needed for (direct )?care/i, // 2: share when needed for direct care
        /should not (usually )?(name|show who)|not name people/i, // 3: other uses should not identify people
        /wish not to share|not want their information shared/i, // 4: respect a request not to share
        /organisation/i, // 5: organisations should have policies and systems
      ],
      "confidentialityRules",
    );
  });

  it("triangle-of-care: the six standards, in order (000)", async () => {
    const standards = await factList("triangle-of-care", "six-standards", "triangleStandards");
    expectInOrder(
      standards,
      [/found early|first (contact|meet)/i, /carer aware/i, /confidentiality and sharing/i, /roles|jobs/i, /introduction|welcome/i, /support (services )?for carers|range of support/i],
      "triangleStandards",
    );
  });

  it("triangle-of-care: the carer pathway's five stages, in order (000)", async () => {
    const stages = await factList("triangle-of-care", "carer-pathway", "carerPathway");
    expectInOrder(stages, [/^identify/i, /^welcome/i, /^support carers\./i, /^involve/i, /^support carers through (service )?changes/i], "carerPathway");
  });

  it("triangle-of-care: the good practice checklist has every item in the source (000)", async () => {
    const items = await factList("triangle-of-care", "good-practice-checklist", "goodPracticeChecklist");
    expect(items.length).toBeGreaterThan(0);
    // Three groups of six in the Royal College of Psychiatrists' checklist.
    expect(items).toHaveLength(18);
    expect(`${items[0]!.title}. ${items[0]!.text}`).toMatch(/diagnosis/i);
    expect(`${items[17]!.title}. ${items[17]!.text}`).toMatch(/assessment/i);
  });
});
