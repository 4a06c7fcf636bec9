// Paper, scored, as an officer would do it on a phone with JavaScript off: print a carer's workbook
// (which never shows the best answers), look its reference up (a wrong one is refused clearly),
// type in the answers ticked on the sheet (a missing one is refused), get the result to print for
// the carer, and find the sheet cannot be entered twice. axe on every page and error state.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolationsWithoutJs } from "./helpers/a11y";
import { makePerson, makeScheme } from "./helpers/db";
import { errorSummary, signIn } from "./helpers/session";

type Scenario = { id: string; title: string; options: { id: string; text: string; best: boolean; feedback: string; rule: string }[] };

function bank(moduleSlug: string): Scenario[] {
  const dir = join(__dirname, "..", "content", "scenarios", moduleSlug);
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Scenario);
}

/** A ten-digit number whose check digit is wrong (the reference with its last digit changed). */
function mistyped(reference: string): string {
  return reference.slice(0, 9) + String((Number(reference[9]) + 1) % 10);
}

test.describe("paper, scored, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("print a workbook, type in the sheet's answers, and give the carer their scored result", async ({ page }) => {
    test.setTimeout(180_000);
    const schemeId = await makeScheme(`Paper ${randomBytes(3).toString("hex")}`);
    const trainer = await makePerson("trainer", { schemeId, name: `Tess ${randomBytes(2).toString("hex")} Trainer` });
    const carer = await makePerson("carer", { schemeId, name: `Pat ${randomBytes(2).toString("hex")} Paper` });
    await signIn(page, trainer.email, trainer.password);

    await page.goto(`/trainer/people/${carer.id}`);
    await page.getByRole("link", { name: `Print a paper workbook for ${carer.name}, or see their workbooks` }).click();
    await expect(page.getByRole("heading", { level: 1, name: carer.name })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: /^Print a workbook ?: The seven golden rules of information sharing$/ }).click();

    // The workbook: lessons, questions, answer sheet; never which answer is best.
    await expect(page).toHaveURL(/\/support\/paper\/\d{10}\/print$/);
    const reference = /\/support\/paper\/(\d{10})\/print$/.exec(page.url())![1]!;
    const printed = `${reference.slice(0, 4)} ${reference.slice(4, 8)} ${reference.slice(8)}`;
    await expect(page.getByRole("heading", { level: 2, name: "Answer sheet" })).toBeVisible();
    await expect(page.getByText(`For ${carer.name}`)).toBeVisible();
    const html = await page.content();
    const headings = await page.locator("h3[id^='question-']").allTextContents();
    const scenarios = bank("golden-rules").filter((s) => headings.some((h) => h.endsWith(`: ${s.title}`)));
    expect(scenarios).toHaveLength(5);
    const questions = html.slice(html.indexOf('id="questions-title"'));
    for (const s of scenarios) for (const o of s.options) expect(html).not.toContain(o.feedback.slice(0, 40).replace(/'/g, "&#x27;"));
    expect(questions).not.toMatch(/"best"|data-best|The best answer:|>Best answer<|Not the best answer/);
    await expectNoAxeViolationsWithoutJs(page);
    // On paper: no site header or banner, the answer sheet with a box for every answer.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("table", { name: /Answer sheet/ })).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    // The officer types the answers in, keyed by the reference. A wrong reference is refused clearly.
    await page.goto("/support/paper");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Reference number").fill(mistyped(reference));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(errorSummary(page)).toContainText("That is not a reference number we gave out");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Reference number").fill(printed);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`/support/paper/${reference}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Enter ${carer.name}'s answers` })).toBeVisible();
    expect(await page.content()).not.toMatch(/"best"|data-best|The best answer:|>Best answer<|Not the best answer/);
    await expectNoAxeViolationsWithoutJs(page);

    // Nothing ticked: every question is named, nothing is stored.
    await page.getByRole("button", { name: "Score these answers" }).click();
    await expect(errorSummary(page)).toContainText("Enter the answer ticked for question 1");
    await expect(errorSummary(page)).toContainText("Enter the answer ticked for question 5");
    await expectNoAxeViolationsWithoutJs(page);

    // The sheet: the best answer for four questions, a wrong one for the last (4 of 5 is the pass mark).
    for (let n = 1; n <= 5; n++) {
      const group = page.getByRole("group", { name: new RegExp(`^Question ${n}: `) });
      const title = (await group.locator("legend").textContent())!.replace(/^Question \d+: /, "").trim();
      const scenario = scenarios.find((s) => s.title === title)!;
      const index = scenario.options.findIndex((o) => (n < 5 ? o.best : !o.best));
      await group.getByLabel(`${"ABCD"[index]}: ${scenario.options[index]!.text}`, { exact: true }).check();
    }
    await page.getByRole("button", { name: "Score these answers" }).click();
    await expect(page).toHaveURL(new RegExp(`/support/paper/${reference}/result\\?entered=1$`));
    await expect(page.getByRole("heading", { level: 1, name: `${carer.name} passed` })).toBeVisible();
    await expect(page.getByText("got 4 out of 5 right")).toBeVisible();
    await expect(page.getByText("The best answer:").first()).toBeVisible(); // feedback, now that it is scored
    await expectNoAxeViolationsWithoutJs(page);

    // A sheet is entered once.
    await page.goto(`/support/paper/${reference}`);
    await expect(page.getByRole("status")).toContainText("A sheet is entered only once");
    await expect(page.getByRole("button", { name: "Score these answers" })).toHaveCount(0);
    await expectNoAxeViolationsWithoutJs(page);

    // What a trainer sees.
    await page.goto(`/trainer/people/${carer.id}`);
    await expect(page.getByText(`On paper, entered by ${trainer.name}`).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Paper workbooks printed for/ })).toContainText(printed);
    await expect(page.getByRole("table", { name: /Audit entries about/ })).toContainText("Entered a paper workbook's answers (scored)");
    await page.goto(`/trainer/matrix?q=${encodeURIComponent(carer.name)}`);
    await expect(page.getByText(`On paper, entered by ${trainer.name}`)).toBeVisible();
  });

  test("an officer of another scheme, and a carer, cannot reach a workbook", async ({ page, browser }) => {
    const schemeId = await makeScheme(`Paper ${randomBytes(3).toString("hex")}`);
    const trainer = await makePerson("trainer", { schemeId });
    const carer = await makePerson("carer", { schemeId });
    await signIn(page, trainer.email, trainer.password);
    await page.goto(`/support/${carer.id}`);
    await page.getByRole("button", { name: /^Print a workbook ?: The triangle of care/ }).click();
    const reference = /\/support\/paper\/(\d{10})\/print$/.exec(page.url())![1]!;

    const other = await makePerson("trainer", { schemeId: await makeScheme(`Other ${randomBytes(3).toString("hex")}`) });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await context.newPage();
    await signIn(otherPage, other.email, other.password);
    const response = await otherPage.goto(`/support/paper/${reference}/print`);
    expect(response?.status()).toBe(403);
    await otherPage.goto(`/support/paper?reference=${reference}`);
    await expect(errorSummary(otherPage)).toContainText("There is no workbook with that reference number for your scheme");
    await expectNoAxeViolationsWithoutJs(otherPage);
    await context.close();

    const carerContext = await browser.newContext({ javaScriptEnabled: false });
    const carerPage = await carerContext.newPage();
    await signIn(carerPage, carer.email, carer.password);
    expect((await carerPage.goto(`/support/paper/${reference}`))?.status()).toBe(403);
    expect((await carerPage.goto("/support"))?.status()).toBe(403);
    await carerContext.close();
  });
});
