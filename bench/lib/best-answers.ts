// The best option of every scenario in the bank, by scenario id: the load scripts answer with it so
// that every learner passes and gets a certificate. Read through the course's own loader.
import { scenariosOf } from "@/lib/content/scenarios";
import { MODULE_SLUGS } from "@/lib/content/schemas";

export function bestOptions(): Map<string, string> {
  const best = new Map<string, string>();
  for (const moduleSlug of MODULE_SLUGS) {
    for (const scenario of scenariosOf(moduleSlug).values()) best.set(scenario.id, scenario.options.find((o) => o.best)!.id);
  }
  return best;
}
