// Loads the scenario bank: content/scenarios/<module>/<id>.json, each validated. The file name must
// be the scenario's id and the folder its module.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import topicsJson from "@/content/topics.json";
import { course } from "./course";
import { ContentError, type ModuleSlug, type Scenario, type Topics, parseContent, scenarioSchema, topicsSchema } from "./schemas";

export const SCENARIOS_DIR = join(process.cwd(), "content", "scenarios");

export const topics: Topics = parseContent(topicsSchema, topicsJson, "content/topics.json");

export function loadScenarioFile(path: string, moduleSlug: string, known: Topics = topics): Scenario {
  const file = `content/scenarios/${moduleSlug}/${path.split("/").at(-1)}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ContentError(`${file}: (whole file): not valid JSON (${(error as Error).message})`);
  }
  const scenario = parseContent(scenarioSchema, json, file);
  if (`${scenario.id}.json` !== file.split("/").at(-1)) throw new ContentError(`${file}: id: must match the file name`);
  if (scenario.module !== moduleSlug) throw new ContentError(`${file}: module: must be "${moduleSlug}", the folder it is in`);
  if (!Object.hasOwn(known[scenario.module], scenario.topic)) {
    throw new ContentError(`${file}: topic: "${scenario.topic}" is not a topic of ${scenario.module} in content/topics.json`);
  }
  return scenario;
}

let bank: Map<ModuleSlug, Map<string, Scenario>> | null = null;

/** Every module's scenarios, by id, in file-name order. Cached for the life of the process. */
export function scenarioBank(dir = SCENARIOS_DIR): Map<ModuleSlug, Map<string, Scenario>> {
  if (bank && dir === SCENARIOS_DIR) return bank;
  const loaded = new Map<ModuleSlug, Map<string, Scenario>>();
  for (const moduleSlug of course.modules) {
    const folder = join(/*turbopackIgnore: true*/ dir, moduleSlug);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort();
    loaded.set(moduleSlug, new Map(files.map((f) => {
      const s = loadScenarioFile(join(/*turbopackIgnore: true*/ folder, f), moduleSlug);
      return [s.id, s] as const;
    })));
  }
  if (dir === SCENARIOS_DIR) bank = loaded;
  return loaded;
}

export function scenariosOf(moduleSlug: ModuleSlug): Map<string, Scenario> {
  return scenarioBank().get(moduleSlug) ?? new Map();
}

/** A module's topics, id → label, in the order content/topics.json lists them. */
export function topicsOf(moduleSlug: ModuleSlug): Record<string, string> {
  return topics[moduleSlug];
}

/** Finds a scenario in any module (for analytics and reviews). */
export function findScenario(id: string): Scenario | undefined {
  for (const scenarios of scenarioBank().values()) {
    const found = scenarios.get(id);
    if (found) return found;
  }
  return undefined;
}
