// Answering quizzes as a person would, with the scenario bank read from content/ to know which
// option is best (the page itself never says).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

type Scenario = { id: string; title: string; options: { id: string; text: string; best: boolean }[] };

function bank(moduleSlug: string): Scenario[] {
  const dir = join(__dirname, "..", "..", "content", "scenarios", moduleSlug);
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Scenario);
}

export async function scenarioOnPage(page: Page, moduleSlug: string): Promise<Scenario> {
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim();
  const found = bank(moduleSlug).find((s) => s.title === title);
  if (!found) throw new Error(`No scenario titled "${title}" in ${moduleSlug}`);
  return found;
}

/** On a question page: choose the best option (or a wrong one) and continue. */
export async function answerQuestion(page: Page, moduleSlug: string, choice: "best" | "wrong"): Promise<void> {
  const scenario = await scenarioOnPage(page, moduleSlug);
  const option = scenario.options.find((o) => (choice === "best" ? o.best : !o.best))!;
  await page.getByLabel(option.text, { exact: true }).check();
  const before = page.url();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL((url) => url.toString() !== before);
}

/** Presses the quiz start page's button and waits for the question (or check) page. */
export async function startQuiz(page: Page, name: RegExp | string = /Start the quiz|Start a new attempt|Continue the quiz/): Promise<void> {
  await page.getByRole("button", { name }).click();
  await page.waitForURL(/\/quiz\/\d+\/(\d+|check)$/);
}

/** From the module's quiz start page through to the result. */
export async function takeQuiz(page: Page, moduleSlug: string, choice: "best" | "wrong"): Promise<void> {
  await page.goto(`/modules/${moduleSlug}/quiz`);
  await startQuiz(page);
  for (let i = 0; i < 20 && !page.url().endsWith("/check"); i++) {
    await expect(page.getByText(/question \d+ of \d+/)).toBeVisible();
    await answerQuestion(page, moduleSlug, choice);
  }
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByRole("heading", { name: choice === "best" ? "You passed" : "You did not pass this time" })).toBeVisible();
}

export const MODULES = ["golden-rules", "confidentiality", "triangle-of-care"] as const;
