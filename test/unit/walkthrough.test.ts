import { describe, expect, it } from "vitest";
import walkthroughJson from "@/content/walkthrough.json";
import { ContentError } from "@/lib/content/schemas";
import { type Walkthrough, allPaths, findCycle, loadGoldenRules, parentsOf, parseWalkthrough, reachableIds, unreachableIds, walkthrough, walkthroughProblems } from "@/lib/walkthrough";

const tiny = (nodes: Walkthrough["nodes"], start = "a"): Walkthrough => ({ title: "T", intro: "I", privacyNote: "P", sources: ["pocket-guide"], start, nodes });
const outcome = { kind: "outcome" as const, verdict: "share" as const, title: "Share", text: "Share it.", goldenRules: [6] };
const question = (next: string[]) => ({ kind: "question" as const, number: 1, question: "Q?", sourceWording: "Q in the source?", help: "H.", answers: next.map((n) => ({ label: n, next: n })) });

describe("the Should I share? walk-through (content/walkthrough.json)", () => {
  it("is valid and has no shape problems", () => {
    expect(walkthroughProblems(walkthrough)).toEqual([]);
  });

  it("ends every path at an outcome", () => {
    const paths = allPaths(walkthrough);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(walkthrough.nodes[path.at(-1)!]?.kind, path.join(" → ")).toBe("outcome");
  });

  it("has no loops", () => {
    expect(findCycle(walkthrough)).toBeNull();
  });

  it("can reach every node from the start", () => {
    expect(unreachableIds(walkthrough)).toEqual([]);
    expect(new Set(reachableIds(walkthrough))).toEqual(new Set(Object.keys(walkthrough.nodes)));
  });

  it("names only golden rules 1 to 7 in every outcome, and each rule has its text", async () => {
    const rules = await loadGoldenRules();
    expect(rules).toHaveLength(7);
    for (const [id, node] of Object.entries(walkthrough.nodes)) {
      if (node.kind !== "outcome") continue;
      expect(node.goldenRules.length, id).toBeGreaterThan(0);
      for (const n of node.goldenRules) {
        expect(Number.isInteger(n) && n >= 1 && n <= 7, `${id} names golden rule ${n}`).toBe(true);
        expect(rules[n - 1]?.title, `${id}: golden rule ${n}`).toBeTruthy();
      }
    }
  });

  it("gives each question 2 to 4 answers", () => {
    for (const [id, node] of Object.entries(walkthrough.nodes)) {
      if (node.kind !== "question") continue;
      expect(node.answers.length, id).toBeGreaterThanOrEqual(2);
      expect(node.answers.length, id).toBeLessThanOrEqual(4);
    }
  });

  it("follows the pocket guide's flowchart", () => {
    const next = (id: string, label: string) => {
      const node = walkthrough.nodes[id];
      if (node?.kind !== "question") throw new Error(`${id} is not a question`);
      const answer = node.answers.find((a) => a.label === label);
      if (!answer) throw new Error(`${id} has no answer "${label}"`);
      return answer.next;
    };
    const kindOf = (id: string) => walkthrough.nodes[id]!;
    expect(walkthrough.start).toBe("q1");
    // Questions 1 to 7 in order down the main path.
    expect(next("q1", "Yes")).toBe("q2");
    expect(next("q2", "Yes")).toBe("q3");
    expect(next("q3", "Yes")).toBe("q4");
    // Not identifiable, or not confidential: go to question 6.
    expect(next("q2", "No")).toBe("q6");
    expect(next("q3", "No")).toBe("q6");
    // Consent: go to 6; no consent: weigh the public interest (question 5).
    expect(next("q4", "Yes, they have agreed")).toBe("q6");
    expect(next("q4", "No, they said no, or I cannot get consent")).toBe("q5");
    expect(next("q4", "It would not be safe or right to ask")).toBe("q5");
    // Public interest: share (6), or do not share and go to 7.
    expect(next("q5", "Yes")).toBe("q6");
    expect(next("q5", "No")).toBe("q7-not-shared");
    expect(next("q6", "Yes, I have checked all of these")).toBe("q7-shared");
    // "Not sure" at any question: seek advice.
    for (const [id, node] of Object.entries(walkthrough.nodes)) {
      if (node.kind !== "question") continue;
      const notSure = node.answers.find((a) => /^not sure/i.test(a.label));
      if (notSure && id.startsWith("q7")) expect(kindOf(notSure.next).kind, id).toBe("outcome");
      else if (notSure) expect(notSure.next, id).toBe("out-seek-advice");
    }
    expect(kindOf("out-seek-advice")).toMatchObject({ verdict: "seek-advice", goldenRules: expect.arrayContaining([3]) });
    // Risk of serious harm: act without delay.
    expect(kindOf("out-act-now")).toMatchObject({ verdict: "act-now" });
    // Every outcome that follows a decision names golden rule 7 (keep a record), except "put it right first".
    for (const [id, node] of Object.entries(walkthrough.nodes)) {
      if (node.kind === "outcome" && id !== "out-put-it-right") expect(node.goldenRules, id).toContain(7);
    }
  });

  it("lists where each step can be reached from (for the back links)", () => {
    expect(parentsOf(walkthrough, "q2")).toEqual(["q1"]);
    expect(parentsOf(walkthrough, "q6")).toEqual(expect.arrayContaining(["q2", "q3", "q4", "q5"]));
    expect(parentsOf(walkthrough, "q1")).toEqual([]);
  });
});

describe("the walk-through checks", () => {
  it("find a loop", () => {
    const w = tiny({ a: question(["b", "end"]), b: question(["a", "end"]), end: outcome });
    expect(findCycle(w)).toEqual(["a", "b", "a"]);
    expect(walkthroughProblems(w)[0]).toMatch(/loop/);
  });

  it("find a node nobody can reach", () => {
    const w = tiny({ a: question(["end", "end"]), lost: outcome, end: outcome });
    expect(walkthroughProblems(w)).toEqual(['node "lost" cannot be reached from the start']);
  });

  it("refuse an answer that leads nowhere, naming the file and field", () => {
    const broken = structuredClone(walkthroughJson) as { nodes: Record<string, { answers?: { next: string }[] }> };
    broken.nodes.q2!.answers![0]!.next = "q99";
    expect(() => parseWalkthrough(broken)).toThrow(ContentError);
    expect(() => parseWalkthrough(broken)).toThrow(/content\/walkthrough\.json: nodes\.q2\.answers\.0\.next: no node "q99"/);
  });

  it("refuse golden rule 8 and a question with one answer", () => {
    const broken = structuredClone(walkthroughJson) as { nodes: Record<string, { goldenRules?: number[]; answers?: unknown[] }> };
    broken.nodes["out-share"]!.goldenRules = [2, 8];
    broken.nodes.q3!.answers = broken.nodes.q3!.answers!.slice(0, 1);
    expect(() => parseWalkthrough(broken)).toThrow(/golden rules are numbered 1 to 7/);
    expect(() => parseWalkthrough(broken)).toThrow(/needs 2 to 4 answers/);
  });
});
