import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/a11y";
import { makePerson } from "./helpers/db";
import { MODULES, answerQuestion, scenarioOnPage, startQuiz, takeQuiz } from "./helpers/quiz";
import { errorSummary, signIn, signOut } from "./helpers/session";

test.describe("scenario quizzes", () => {
  test("pass a quiz, changing an answer on the check page; My training shows it complete", async ({ page }) => {
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules/quiz");
    // Every quiz page credits the sources its situations come from.
    const credits = page.getByRole("region", { name: /^Sources?$/ });
    await expect(credits).toContainText("Information Sharing: Pocket guide");
    await expectNoAxeViolations(page);
    await startQuiz(page, "Start the quiz");
    await expect(page.getByText("question 1 of 5")).toBeVisible();
    await expect(credits).toBeVisible();
    await expectNoAxeViolations(page);

    // The error state: continue without choosing.
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(errorSummary(page)).toContainText("Choose an answer");
    await expectNoAxeViolations(page);

    for (let n = 1; n <= 5; n++) await answerQuestion(page, "golden-rules", "best");
    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await expect(credits).toBeVisible();
    await expectNoAxeViolations(page);

    // Change question 1 to a wrong answer, then back to the best one.
    await page.getByRole("link", { name: "Change your answer to question 1" }).click();
    await page.waitForURL(/\/1\?from=check$/);
    const first = await scenarioOnPage(page, "golden-rules");
    const wrong = first.options.find((o) => !o.best)!;
    await page.getByLabel(wrong.text, { exact: true }).check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/check$/);
    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await expect(page.getByText(wrong.text)).toBeVisible();
    await page.getByRole("link", { name: "Change your answer to question 1" }).click();
    await page.waitForURL(/\/1\?from=check$/);
    await answerQuestion(page, "golden-rules", "best");
    await page.getByRole("button", { name: "Submit my answers" }).click();

    await expect(page.getByRole("heading", { name: "You passed" })).toBeVisible();
    await expect(page.getByText("5 out of 5")).toBeVisible();
    await expect(credits).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Go to my training" }).click();
    const card = page.getByRole("listitem").filter({ hasText: "The seven golden rules of information sharing" });
    await expect(card.getByText("Complete", { exact: true })).toBeVisible();
    await expect(card.getByText("score 5 out of 5")).toBeVisible();
  });

  test("fail a quiz, read the feedback, and retake it with different situations", async ({ page }) => {
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await takeQuiz(page, "confidentiality", "wrong");
    await expect(page.getByText("0 out of 5")).toBeVisible();
    await expect(page.getByText("The best answer:").first()).toBeVisible();
    const firstTitles = await page.getByRole("heading", { level: 3 }).allTextContents();
    await startQuiz(page, "Try again");
    await expect(page.getByText("question 1 of 5")).toBeVisible();
    const retakeTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
    expect(firstTitles.some((t) => t.includes(retakeTitle))).toBe(false);
  });

  test("an attempt resumes after signing out, at the first unanswered question", async ({ page }) => {
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/triangle-of-care/quiz");
    await startQuiz(page, "Start the quiz");
    const firstTitle = await page.getByRole("heading", { level: 1 }).textContent();
    await answerQuestion(page, "triangle-of-care", "best");
    await answerQuestion(page, "triangle-of-care", "best");
    await expect(page.getByText("question 3 of 5")).toBeVisible();
    const thirdTitle = await page.getByRole("heading", { level: 1 }).textContent();
    await signOut(page);

    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/triangle-of-care/quiz");
    await startQuiz(page, "Continue the quiz");
    await expect(page.getByText("question 3 of 5")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(thirdTitle!);
    await page.getByRole("link", { name: "Back" }).click();
    await page.waitForURL(/\/2$/);
    await page.getByRole("link", { name: "Back" }).click();
    await page.waitForURL(/\/1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle!);
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(1);
  });

  test("someone else's attempt is not found", async ({ page, browser }) => {
    const owner = await makePerson("carer");
    await signIn(page, owner.email, owner.password);
    await page.goto("/modules/golden-rules/quiz");
    await startQuiz(page, "Start the quiz");
    await expect(page.getByText("question 1 of 5")).toBeVisible();
    const url = page.url();

    const intruder = await makePerson("carer");
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, intruder.email, intruder.password);
    const response = await other.goto(url);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  // CSS only: the stacking needs no JavaScript, but axe does, so this runs with it on.
  test("My certificates, reached from My training, stacks on a 390 and a 320 pixel phone, with nothing cut off", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    for (const m of MODULES) await takeQuiz(page, m, "best");
    await page.goto("/my");
    await expect(page.getByText("You have 1 certificate.")).toBeVisible();
    await page.getByRole("link", { name: "See all your certificates and their codes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My certificates" })).toBeVisible();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/my/certificates");
      const table = page.getByRole("table", { name: "My certificates" });
      await expect(table.locator("td.code-cell")).toBeVisible();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `page wider than a ${width}px screen`).toBeLessThanOrEqual(clientWidth);
      const box = (await table.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await table.screenshot({ path: testInfo.outputPath(`my-certificates-${width}.png`) });
      await expectNoAxeViolations(page);
    }
  });
});

test.describe("quizzes with JavaScript switched off", () => {
  test.use({ javaScriptEnabled: false });

  test("pass a quiz, with the no-answer error on the way", async ({ page }) => {
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules/quiz");
    await startQuiz(page, "Start the quiz");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(errorSummary(page)).toContainText("Choose an answer");
    for (let n = 1; n <= 5; n++) await answerQuestion(page, "golden-rules", "best");
    await page.getByRole("link", { name: "Change your answer to question 2" }).click();
    await page.waitForURL(/\/2\?from=check$/);
    await answerQuestion(page, "golden-rules", "best");
    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await page.getByRole("button", { name: "Submit my answers" }).click();
    await expect(page.getByRole("heading", { name: "You passed" })).toBeVisible();
  });
});
