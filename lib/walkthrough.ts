// The "Should I share?" job aid: content/walkthrough.json, validated with zod, plus pure checks on
// its shape (every path ends at an outcome, no loops, every node reachable). It reads nothing
// about anyone and keeps nothing: the pages built from it are static links.
import walkthroughJson from "@/content/walkthrough.json";
import { z } from "zod";
import { importModuleFile } from "./content/mdx-files";
import { ContentError, type FactItem, factItemSchema, parseContent } from "./content/schemas";

const FILE = "content/walkthrough.json";
const nodeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");
const prose = z.string().trim().min(1, "must not be empty");

export const VERDICTS = ["share", "do-not-share", "seek-advice", "act-now"] as const;
export type Verdict = (typeof VERDICTS)[number];

const answerSchema = z.object({ label: prose, next: nodeId });

export const questionNodeSchema = z.object({
  kind: z.literal("question"),
  number: z.number().int().min(1).max(7),
  /** The question in plain words: the page heading. */
  question: prose,
  /** The pocket guide's own wording of the question, shown under the heading. */
  sourceWording: prose,
  help: prose,
  answers: z.array(answerSchema).min(2, "needs 2 to 4 answers").max(4, "needs 2 to 4 answers"),
});

export const outcomeNodeSchema = z.object({
  kind: z.literal("outcome"),
  verdict: z.enum(VERDICTS),
  title: prose,
  text: prose,
  goldenRules: z.array(z.number().int().min(1, "golden rules are numbered 1 to 7").max(7, "golden rules are numbered 1 to 7")).min(1),
});

export const walkthroughSchema = z
  .object({
    title: prose,
    intro: prose,
    privacyNote: prose,
    sources: z.array(nodeId).min(1),
    start: nodeId,
    nodes: z.record(nodeId, z.discriminatedUnion("kind", [questionNodeSchema, outcomeNodeSchema])),
  })
  .superRefine((w, ctx) => {
    if (!w.nodes[w.start]) ctx.addIssue({ code: "custom", path: ["start"], message: `no node "${w.start}"` });
    // /should-i-share/scheme/… is each scheme's own copy of the walk-through.
    if (Object.hasOwn(w.nodes, "scheme")) ctx.addIssue({ code: "custom", path: ["nodes", "scheme"], message: 'the id "scheme" is taken by the schemes\' own copies' });
    for (const [id, node] of Object.entries(w.nodes)) {
      if (node.kind !== "question") continue;
      node.answers.forEach((a, i) => {
        if (!w.nodes[a.next]) ctx.addIssue({ code: "custom", path: ["nodes", id, "answers", i, "next"], message: `no node "${a.next}"` });
      });
    }
  });

export type Walkthrough = z.infer<typeof walkthroughSchema>;
export type WalkNode = Walkthrough["nodes"][string];
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type OutcomeNode = z.infer<typeof outcomeNodeSchema>;

/** Where each node's answers lead. */
function nextIds(node: WalkNode | undefined): string[] {
  return node?.kind === "question" ? node.answers.map((a) => a.next) : [];
}

/** Node ids reachable from the start, in breadth-first order. */
export function reachableIds(w: Walkthrough): string[] {
  const seen = new Set<string>([w.start]);
  const queue = [w.start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of nextIds(w.nodes[queue[i]!])) {
      if (!seen.has(next) && w.nodes[next]) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return queue;
}

export function unreachableIds(w: Walkthrough): string[] {
  const reachable = new Set(reachableIds(w));
  return Object.keys(w.nodes).filter((id) => !reachable.has(id));
}

/** One loop, as the path that closes it (e.g. ["q1", "q2", "q1"]), or null when there is none. */
export function findCycle(w: Walkthrough): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === "done") return null;
    if (state.get(id) === "open") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "open");
    stack.push(id);
    for (const next of nextIds(w.nodes[id])) {
      if (!w.nodes[next]) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, "done");
    return null;
  };
  for (const id of [w.start, ...Object.keys(w.nodes)]) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

/** Every path from the start to an end (call only when findCycle is null). */
export function allPaths(w: Walkthrough): string[][] {
  const paths: string[][] = [];
  const walk = (id: string, path: string[]) => {
    const here = [...path, id];
    const next = nextIds(w.nodes[id]);
    if (next.length === 0) paths.push(here);
    for (const n of next) walk(n, here);
  };
  walk(w.start, []);
  return paths;
}

/** Every shape problem, in words; empty when the walk-through is sound. */
export function walkthroughProblems(w: Walkthrough): string[] {
  const problems: string[] = [];
  const cycle = findCycle(w);
  if (cycle) problems.push(`answers loop back on themselves: ${cycle.join(" → ")}`);
  for (const id of unreachableIds(w)) problems.push(`node "${id}" cannot be reached from the start`);
  if (!cycle) {
    for (const path of allPaths(w)) {
      const end = path[path.length - 1]!;
      if (w.nodes[end]?.kind !== "outcome") problems.push(`path ${path.join(" → ")} does not end at an outcome`);
    }
  }
  return problems;
}

/** Parses and checks a walk-through, throwing a ContentError naming the file and what is wrong. */
export function parseWalkthrough(value: unknown, file = FILE): Walkthrough {
  const w = parseContent(walkthroughSchema, value, file);
  const problems = walkthroughProblems(w);
  if (problems.length) throw new ContentError(`${file}: ${problems.join("; ")}`);
  return w;
}

export const walkthrough: Walkthrough = parseWalkthrough(walkthroughJson);

/** The nodes whose answers lead here, in breadth-first order from the start. */
export function parentsOf(w: Walkthrough, id: string): string[] {
  return reachableIds(w).filter((p) => nextIds(w.nodes[p]).includes(id));
}

export function nodePath(id: string): string {
  return `/should-i-share/${id}`;
}

/** The seven golden rules, from the golden-rules module's `goldenRules` export. */
export async function loadGoldenRules(): Promise<FactItem[]> {
  const mod = await importModuleFile("golden-rules", "golden-rules");
  return parseContent(z.array(factItemSchema).length(7, "needs exactly 7 golden rules"), mod.goldenRules, "content/modules/golden-rules/golden-rules.mdx (export goldenRules)");
}
