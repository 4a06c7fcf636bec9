// A supported session as an officer and a carer would use it, on the officer's phone, with
// JavaScript off: start it from the carer's page, read a lesson and the walk-through, take the quiz
// (the question pages never carry which answer is best), find the rest of the carer's account
// closed, end it, and see it recorded for trainers. axe on every page and refusal on the way.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolationsWithoutJs } from "./helpers/a11y";
import { e2eSql, makePerson, makeScheme, time } from "./helpers/db";
import { signIn } from "./helpers/session";

type Scenario = { id: string; title: string; options: { id: string; text: string; best: boolean; feedback: string; rule: string }[] };

function bank(moduleSlug: string): Scenario[] {
  const dir = join(__dirname, "..", "content", "scenarios", moduleSlug);
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Scenario);
}

async function ownScheme(label: string) {
  const schemeId = await makeScheme(`${label} ${randomBytes(3).toString("hex")}`);
  const trainer = await makePerson("trainer", { schemeId, name: `Tara ${randomBytes(2).toString("hex")} Trainer` });
  const carer = await makePerson("carer", { schemeId, name: `Cora ${randomBytes(2).toString("hex")} Carer` });
  return { schemeId, trainer, carer };
}

function banner(page: Page) {
  return page.getByRole("region", { name: "Supported session" });
}

/** The page's whole HTML as the server sent it (with JavaScript off, nothing changed it). */
async function expectNoBestAnswer(page: Page, scenario: Scenario) {
  const html = await page.content();
  for (const o of scenario.options) {
    expect(html).not.toContain(o.feedback.slice(0, 40).replace(/&/g, "&amp;").replace(/'/g, "&#x27;"));
    expect(html).not.toContain(o.feedback.slice(0, 40));
  }
  expect(html).not.toMatch(/"best"|data-best|The best answer:|>Best answer<|Not the best answer/);
}

test.describe("a supported session, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer starts it from the carer's page, they do the course together, and it is recorded as supported", async ({ page }) => {
    test.setTimeout(180_000);
    const { trainer, carer } = await ownScheme("Supported");
    await signIn(page, trainer.email, trainer.password);
    await page.goto(`/trainer/people/${carer.id}`);
    await page.getByRole("button", { name: `Start a supported session with ${carer.name}` }).click();

    // The carer's training, with the banner on it.
    await expect(page).toHaveURL(/\/my\?supported=started$/);
    await expect(banner(page)).toContainText(`Supported session: ${carer.name} with ${trainer.name}`);
    await expect(page.getByRole("heading", { level: 1, name: `${carer.name}'s training` })).toBeVisible();
    await expect(page.getByRole("link", { name: /download all the data/i })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expectNoAxeViolationsWithoutJs(page);

    // A module and a lesson: the lesson is a static page, served with the banner in a supported session.
    await page.goto("/modules/golden-rules");
    await expect(banner(page)).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("link", { name: "Start reading" }).click();
    await expect(page).toHaveURL(/\/modules\/golden-rules\/[a-z-]+$/);
    await expect(banner(page)).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    const firstLesson = page.url();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).not.toHaveURL(firstLesson);
    await expect(banner(page)).toBeVisible();

    // The walk-through.
    await page.goto("/should-i-share/q1");
    await expect(banner(page)).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);

    // The quiz: the carer chooses; the page never says which answer is best before submitting.
    await page.goto("/modules/golden-rules/quiz");
    await expect(banner(page)).toBeVisible();
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/quiz\/\d+\/1$/);
    const scenarios = bank("golden-rules");
    for (let n = 1; n <= 5; n++) {
      await expect(banner(page)).toBeVisible();
      const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
      const scenario = scenarios.find((s) => s.title === title)!;
      await expectNoBestAnswer(page, scenario);
      if (n === 1) await expectNoAxeViolationsWithoutJs(page);
      await page.getByLabel(scenario.options.find((o) => o.best)!.text, { exact: true }).check();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.waitForURL(n < 5 ? new RegExp(`/quiz/\\d+/${n + 1}$`) : /\/check$/);
    }
    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    expect(await page.content()).not.toMatch(/"best"|data-best|The best answer:|>Best answer<|Not the best answer/);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: "Submit my answers" }).click();
    await expect(page.getByRole("heading", { name: "You passed" })).toBeVisible();
    await expect(banner(page)).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);

    // The rest of the carer's account is closed, saying why.
    const data = await page.request.get("/my/data");
    expect(data.status()).toBe(403);
    expect(await data.text()).toMatch(/not part of a supported session/);
    for (const path of ["/trainer", `/trainer/people/${carer.id}`, "/support", "/certificates/1"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "This is not part of a supported session" })).toBeVisible();
      await expect(banner(page)).toBeVisible();
    }
    await expectNoAxeViolationsWithoutJs(page);

    // Ending it gives the officer's own account back, on the carer's support page.
    await banner(page).getByRole("button", { name: "End session" }).click();
    await expect(page).toHaveURL(new RegExp(`/support/${carer.id}\\?ended=1$`));
    await expect(page.getByRole("status")).toContainText(`The supported session with ${carer.name} has ended`);
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByText(`Signed in as ${trainer.name}`)).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    // A lesson is the plain static page again (the hint cookie is gone).
    const lesson = await page.goto(firstLesson);
    expect(lesson?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    await expect(banner(page)).toHaveCount(0);

    // What a trainer sees: the person's record, the matrix, the audit log.
    await page.goto(`/trainer/people/${carer.id}`);
    await expect(page.getByText(`In a supported session with ${trainer.name}`).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Supported sessions with/ })).toContainText(trainer.name);
    await expect(page.getByRole("table", { name: /Audit entries about/ })).toContainText("Started a supported session");
    await expect(page.getByRole("table", { name: /Audit entries about/ })).toContainText("Ended a supported session");
    await expectNoAxeViolationsWithoutJs(page);
    await page.goto(`/trainer/matrix?q=${encodeURIComponent(carer.name)}`);
    await expect(page.getByText("Supported session", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`In a supported session with ${trainer.name}`)).toBeVisible();
  });

  test("a staff member (officer) finds the carer under Support a carer; it ends by itself when left", async ({ page }) => {
    const { schemeId, carer } = await ownScheme("Staff support");
    const staff = await makePerson("staff", { schemeId, name: `Stella ${randomBytes(2).toString("hex")} Staff` });
    await signIn(page, staff.email, staff.password);
    await page.getByRole("link", { name: "Support a carer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Support a carer" })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Their name or email address").fill(carer.name.split(" ")[1]!);
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("link", { name: carer.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: carer.name })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: `Start a supported session with ${carer.name}` }).click();
    await expect(banner(page)).toContainText(`${carer.name} with ${staff.name}`);

    // Left alone for the idle time (moved back in the database, as the clock would): the next
    // request finds it ended and the device is the officer's again.
    await e2eSql.run("update supported_sessions set last_active_at = ? where person_id = ? and ended_at is null", time(Date.now() - 31 * 60_000), carer.id);
    await page.goto("/my");
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByText(`Signed in as ${staff.name}`)).toBeVisible();
    const row = (await e2eSql.row<{ reason: string }>("select end_reason as reason from supported_sessions where person_id = ?", carer.id))!;
    expect(row.reason).toBe("expired");
  });

  test("with the scheme's own contacts: its copies of the lessons and the walk-through, with the banner", async ({ page }) => {
    const { schemeId, trainer, carer } = await ownScheme("Supported local");
    await e2eSql.run(
      "insert into scheme_details (scheme_id, public_name, advice_name, advice_phone, revision, updated_at) values (?, ?, ?, ?, 1, ?)",
      schemeId,
      "Ashby Shared Lives",
      "Ash Adviser",
      "01632 960 777",
      time(Date.now()),
    );
    await signIn(page, trainer.email, trainer.password);
    await page.goto(`/trainer/people/${carer.id}`);
    await page.getByRole("button", { name: `Start a supported session with ${carer.name}` }).click();
    await expect(banner(page)).toBeVisible();

    // A lesson where the course says to ask the scheme: the scheme's copy, served with the banner.
    await page.goto("/modules/golden-rules");
    await page.getByRole("link", { name: "When you are not sure, ask" }).click();
    await expect(page).toHaveURL(/\/modules\/golden-rules\/seek-advice\/scheme\/[^/]+$/);
    await expect(banner(page)).toContainText(`${carer.name} with ${trainer.name}`);
    await expect(page.locator(".scheme-panel").first()).toContainText("01632 960 777");
    await expectNoAxeViolationsWithoutJs(page);

    // The scheme's walk-through, from the carer's training page.
    await page.goto("/my");
    await page.getByRole("link", { name: /Should I share\? A step-by-step guide, with your scheme/ }).click();
    await expect(page).toHaveURL(/\/should-i-share\/scheme\/[^/]+$/);
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expectNoAxeViolationsWithoutJs(page);

    // Ended, the same address is the cached copy again, without the banner.
    const copy = page.url();
    await banner(page).getByRole("button", { name: "End session" }).click();
    await page.goto(copy);
    await expect(banner(page)).toHaveCount(0);
  });
});
