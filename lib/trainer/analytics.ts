import "server-only";
// Which decisions people get wrong: for every scenario, the share of answers choosing each option,
// and the scenarios most often answered poorly, so trainers know what to cover in person.
import { type AnalyticsQuery, optionCounts } from "@/db/queries/analytics";
import type { Viewer } from "../access";
import { now } from "../clock";
import { isOwnKey } from "../own";
import { course } from "../content/course";
import type { Scenario } from "../content/schemas";
import { scenarioBank } from "../content/scenarios";
import { formatPercent } from "./status";
import { requireScheme } from "./scope";

/** Scenarios with fewer answers than this are not ranked (too few to say anything). */
export const MIN_ANSWERS_TO_RANK = 5;
export const WORST_COUNT = 5;

export const PERIODS = { "12m": "The last 12 months", "3y": "The last 3 years", all: "All time" } as const;
export type Period = keyof typeof PERIODS;
export const CYCLES = { all: "Recruitment training and refreshers", first: "Recruitment training only", refresher: "Refreshers only" } as const;
export type CycleChoice = keyof typeof CYCLES;

export type AnalyticsFilters = { period: Period; intake: number | null; role: "carer" | "staff" | "trainer" | null; cycle: CycleChoice };

export function parseAnalyticsFilters(params: Record<string, string | string[] | undefined>): AnalyticsFilters {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : (params[k] as string | undefined));
  const period = one("period");
  const cycle = one("cycle");
  const role = one("role");
  const intake = one("intake");
  return {
    period: isOwnKey(PERIODS, period) ? period : "12m",
    cycle: isOwnKey(CYCLES, cycle) ? cycle : "all",
    role: role === "carer" || role === "staff" || role === "trainer" ? role : null,
    intake: intake && /^[1-9][0-9]{0,12}$/.test(intake) ? Number(intake) : null,
  };
}

export type OptionShare = { id: string; text: string; best: boolean; answers: number; percent: string; share: number };
export type ScenarioAnalytics = {
  id: string;
  moduleSlug: string;
  title: string;
  question: string;
  answers: number;
  bestShare: number;
  bestPercent: string;
  options: OptionShare[];
  /** The wrong option chosen most often, if anyone chose a wrong one. */
  commonWrong: OptionShare | null;
  bestRule: string;
};

/**
 * Pure: scenario-by-scenario shares from option counts. Every scenario in the bank appears (with
 * no answers if nobody met it); counts for options or scenarios no longer in the bank are dropped.
 */
export function buildAnalytics(bank: Map<string, Map<string, Scenario>>, counts: { scenarioId: string; optionId: string; answers: number }[]) {
  const byScenario = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const m = byScenario.get(c.scenarioId) ?? new Map<string, number>();
    m.set(c.optionId, (m.get(c.optionId) ?? 0) + c.answers);
    byScenario.set(c.scenarioId, m);
  }
  const scenarios: ScenarioAnalytics[] = [];
  for (const [moduleSlug, list] of bank)
    for (const s of list.values()) {
      const got = byScenario.get(s.id) ?? new Map<string, number>();
      const answers = s.options.reduce((n, o) => n + (got.get(o.id) ?? 0), 0);
      const options = s.options.map((o) => {
        const n = got.get(o.id) ?? 0;
        return { id: o.id, text: o.text, best: o.best, answers: n, percent: formatPercent(n, answers), share: answers ? n / answers : 0 };
      });
      const best = options.find((o) => o.best)!;
      const wrong = options.filter((o) => !o.best && o.answers > 0).sort((a, b) => b.answers - a.answers)[0] ?? null;
      scenarios.push({
        id: s.id,
        moduleSlug,
        title: s.title,
        question: s.question,
        answers,
        bestShare: best.share,
        bestPercent: best.percent,
        options,
        commonWrong: wrong,
        bestRule: s.options.find((o) => o.best)!.rule,
      });
    }
  const worst = scenarios
    .filter((s) => s.answers >= MIN_ANSWERS_TO_RANK && s.bestShare < 1)
    .sort((a, b) => a.bestShare - b.bestShare || b.answers - a.answers)
    .slice(0, WORST_COUNT);
  return { scenarios, worst, totalAnswers: scenarios.reduce((n, s) => n + s.answers, 0) };
}

export function sinceFor(period: Period, at: Date): number | undefined {
  if (period === "all") return undefined;
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - (period === "12m" ? 1 : 3));
  return d.getTime();
}

export async function decisionAnalytics(viewer: Viewer, schemeId: number, f: AnalyticsFilters) {
  await requireScheme(viewer, schemeId);
  const q: AnalyticsQuery = {
    schemeId,
    since: sinceFor(f.period, now()),
    intakeId: f.intake ?? undefined,
    role: f.role ?? undefined,
    cycle: f.cycle === "all" ? undefined : f.cycle,
  };
  const result = buildAnalytics(scenarioBank(), await optionCounts(q));
  return { ...result, moduleOrder: course.modules };
}
